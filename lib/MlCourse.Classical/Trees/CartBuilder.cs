namespace MlCourse.Classical.Trees;

/// <summary>Split quality measure for CART: Gini or entropy for classification, squared error (variance) for regression.</summary>
public enum SplitCriterion { Gini, Entropy, SquaredError }

/// <summary>Growth limits shared by the tree classifier, regressor and forest.</summary>
internal sealed record CartSettings(SplitCriterion Criterion, int MaxDepth, int MinSamplesSplit, int MinSamplesLeaf, int MaxFeatures, double MinImpurityDecrease);

/// <summary>
/// Grows one CART tree greedily (Week 5, "CART: greedy split finding"). The rows are sorted by each feature
/// once per tree; every node owns the same slice [start, end) of each feature's sorted index list, and a split
/// partitions each list's slice stably (left rows first, order kept), so children stay sorted without sorting
/// again: O(d·m) per node instead of O(d·m log m). A node sweeps each candidate feature's sorted rows once,
/// moving one row at a time from the right child's statistics to the left's, so every threshold costs O(1)
/// (O(K) for entropy). Arrays only, no LINQ in the loops. A forest tree that tries only a few of d features
/// per node (max_features = √d) instead sorts just those features at each node: partitioning all d sorted
/// lists would cost more than sorting the few it looks at.
/// </summary>
internal sealed class CartBuilder
{
    private readonly double[][] _columns;    // feature-major copy of X: _columns[f][i]
    private readonly double[] _y;            // class index or regression target
    private readonly double[] _w;            // sample weights (bootstrap counts)
    private readonly int _classes;           // 0 for regression
    private readonly CartSettings _s;
    private readonly Random? _rng;           // feature subsampling; null when every feature is tried
    private readonly double[] _keys;
    private readonly int[] _order;
    private int[][] _sorted = [];             // _sorted[f]: rows sorted by feature f, node slices partitioned in place
    private readonly bool[] _goesLeft;
    private readonly int[] _buffer;
    private readonly int[] _features;
    private readonly double[] _left, _right, _parent;

    private readonly List<int> _feature = [], _leftChild = [], _rightChild = [], _samples = [];
    private readonly List<double> _threshold = [], _impurity = [], _weight = [];
    private readonly List<double[]> _value = [];

    public CartBuilder(double[][] columns, double[] y, double[] w, int classes, CartSettings settings, Random? rng)
    {
        _columns = columns; _y = y; _w = w; _classes = classes; _s = settings; _rng = rng;
        _keys = new double[y.Length];
        _order = new int[y.Length];
        _goesLeft = new bool[y.Length];
        _buffer = new int[y.Length];
        _features = Enumerable.Range(0, columns.Length).ToArray();
        int k = Math.Max(classes, 1);
        _left = new double[k]; _right = new double[k]; _parent = new double[k];
    }

    public TreeStructure Build(int[] rows)
    {
        int[] idx;
        if (_s.MaxFeatures >= _columns.Length)
        {
            _sorted = new int[_columns.Length][];
            var keys = new double[rows.Length];
            for (int f = 0; f < _columns.Length; f++)
            {
                var sorted = (int[])rows.Clone();
                for (int i = 0; i < sorted.Length; i++) keys[i] = _columns[f][sorted[i]];
                Array.Sort(keys, sorted);
                _sorted[f] = sorted;
            }
            idx = _sorted[0];   // partitioned with the others, so it always holds each node's rows
        }
        else idx = (int[])rows.Clone();
        Grow(idx, 0, idx.Length, 0);
        return new TreeStructure([.. _feature], [.. _threshold], [.. _leftChild], [.. _rightChild], [.. _impurity], [.. _samples], [.. _weight], [.. _value], _columns.Length);
    }

    private int Grow(int[] idx, int start, int end, int depth)
    {
        var (impurity, weight, value) = NodeStatistics(idx, start, end);
        int node = _feature.Count;
        _feature.Add(-1); _threshold.Add(0); _leftChild.Add(-1); _rightChild.Add(-1);
        _impurity.Add(impurity); _samples.Add(end - start); _weight.Add(weight); _value.Add(value);

        int m = end - start;
        if (depth >= _s.MaxDepth || m < _s.MinSamplesSplit || m < 2 * _s.MinSamplesLeaf || impurity <= 1e-12) return node;
        var (feature, threshold, decrease) = BestSplit(idx, start, end);
        if (feature < 0 || decrease < _s.MinImpurityDecrease * _rootWeight - 1e-12) return node;

        // Partition every feature's slice stably: rows with x ≤ threshold first, each side still sorted.
        var col = _columns[feature];
        for (int i = start; i < end; i++) _goesLeft[idx[i]] = col[idx[i]] <= threshold;
        int mid = start;
        if (_sorted.Length == 0)
            for (int i = start; i < end; i++)
                if (_goesLeft[idx[i]]) (idx[i], idx[mid]) = (idx[mid++], idx[i]);
        foreach (var sorted in _sorted)
        {
            int nextLeft = start, rightCount = 0;
            for (int i = start; i < end; i++)
            {
                int row = sorted[i];
                if (_goesLeft[row]) sorted[nextLeft++] = row; else _buffer[rightCount++] = row;
            }
            Array.Copy(_buffer, 0, sorted, nextLeft, rightCount);
            mid = nextLeft;
        }

        _feature[node] = feature;
        _threshold[node] = threshold;
        int l = Grow(idx, start, mid, depth + 1);
        int r = Grow(idx, mid, end, depth + 1);
        _leftChild[node] = l;
        _rightChild[node] = r;
        return node;
    }

    private double _rootWeight = double.NaN;

    private (double Impurity, double Weight, double[] Value) NodeStatistics(int[] idx, int start, int end)
    {
        double weight = 0;
        if (_classes > 0)
        {
            var counts = new double[_classes];
            for (int i = start; i < end; i++) { counts[(int)_y[idx[i]]] += _w[idx[i]]; weight += _w[idx[i]]; }
            if (double.IsNaN(_rootWeight)) _rootWeight = weight;
            return (_s.Criterion == SplitCriterion.Entropy ? Impurity.Entropy(counts) : Impurity.Gini(counts), weight, counts);
        }
        double sum = 0;
        for (int i = start; i < end; i++) { sum += _w[idx[i]] * _y[idx[i]]; weight += _w[idx[i]]; }
        double mean = sum / weight, ss = 0;
        for (int i = start; i < end; i++) { double d = _y[idx[i]] - mean; ss += _w[idx[i]] * d * d; }   // two passes: no cancellation
        if (double.IsNaN(_rootWeight)) _rootWeight = weight;
        return (ss / weight, weight, [mean]);
    }

    // <snippet name="cart-best-split">
    /// <summary>
    /// Best (feature, threshold) for the rows idx[start..end): maximises the weighted impurity decrease
    /// W·I(node) − W_L·I(left) − W_R·I(right). Thresholds lie halfway between consecutive distinct values,
    /// never between equal ones (equal values cannot be separated by any threshold).
    /// </summary>
    private (int Feature, double Threshold, double Decrease) BestSplit(int[] idx, int start, int end)
    {
        int m = end - start, d = _columns.Length;
        int bestFeature = -1;
        double bestThreshold = 0, bestScore = double.NegativeInfinity;
        int tried = 0;
        for (int j = 0; j < d; j++)
        {
            if (_rng is not null)
            {   // partial Fisher-Yates: the j-th feature is a uniform draw from those not tried yet
                int swap = j + _rng.Next(d - j);
                (_features[j], _features[swap]) = (_features[swap], _features[j]);
            }
            // Past the budget of max_features features, keep looking only if none of them could split.
            if (tried >= _s.MaxFeatures && bestFeature >= 0) break;
            int f = _features[j];
            var col = _columns[f];
            if (_sorted.Length > 0)
            {
                var sorted = _sorted[f];
                for (int i = 0; i < m; i++) { _order[i] = sorted[start + i]; _keys[i] = col[_order[i]]; }   // already sorted
            }
            else
            {
                for (int i = 0; i < m; i++) { _order[i] = idx[start + i]; _keys[i] = col[_order[i]]; }
                Array.Sort(_keys, _order, 0, m);
            }
            if (_keys[0] == _keys[m - 1]) continue;     // constant here: does not count against the budget
            tried++;
            double score = _classes > 0 ? SweepClassification(m, ref bestScore, out double t) : SweepRegression(m, ref bestScore, out t);
            if (!double.IsNaN(t)) { bestFeature = f; bestThreshold = t; }
            _ = score;
        }
        return (bestFeature, bestThreshold, bestScore);
    }

    private double SweepClassification(int m, ref double best, out double threshold)
    {
        threshold = double.NaN;
        Array.Clear(_left);
        Array.Clear(_parent);
        double wl = 0, w = 0;
        for (int i = 0; i < m; i++) { _parent[(int)_y[_order[i]]] += _w[_order[i]]; w += _w[_order[i]]; }
        Array.Copy(_parent, _right, _classes);
        double parentTerm = w * ImpurityOf(_parent, w);
        for (int i = 0; i < m - 1; i++)
        {
            int row = _order[i];
            int c = (int)_y[row];
            _left[c] += _w[row]; _right[c] -= _w[row]; wl += _w[row];
            if (_keys[i] == _keys[i + 1]) continue;
            if (i + 1 < _s.MinSamplesLeaf || m - i - 1 < _s.MinSamplesLeaf) continue;
            double wr = w - wl;
            double decrease = parentTerm - wl * ImpurityOf(_left, wl) - wr * ImpurityOf(_right, wr);
            if (decrease > best) { best = decrease; threshold = Midpoint(_keys[i], _keys[i + 1]); }
        }
        return best;
    }

    private double ImpurityOf(double[] counts, double total)
    {
        double s = 0;
        if (_s.Criterion == SplitCriterion.Entropy)
        {
            for (int k = 0; k < _classes; k++) if (counts[k] > 1e-12) s -= counts[k] / total * Math.Log2(counts[k] / total);
            return s;
        }
        for (int k = 0; k < _classes; k++) s += counts[k] * counts[k];
        return 1 - s / (total * total);
    }

    private double SweepRegression(int m, ref double best, out double threshold)
    {
        threshold = double.NaN;
        double sum = 0, w = 0;
        for (int i = 0; i < m; i++) { sum += _w[_order[i]] * _y[_order[i]]; w += _w[_order[i]]; }
        double sl = 0, wl = 0;
        // W·Var = Σw y² − (Σw y)²/W, and the Σw y² terms of parent and children cancel in the decrease:
        // decrease = S_L²/W_L + S_R²/W_R − S²/W.
        double parentTerm = sum * sum / w;
        for (int i = 0; i < m - 1; i++)
        {
            int row = _order[i];
            sl += _w[row] * _y[row]; wl += _w[row];
            if (_keys[i] == _keys[i + 1]) continue;
            if (i + 1 < _s.MinSamplesLeaf || m - i - 1 < _s.MinSamplesLeaf) continue;
            double sr = sum - sl, wr = w - wl;
            double decrease = sl * sl / wl + sr * sr / wr - parentTerm;
            if (decrease > best) { best = decrease; threshold = Midpoint(_keys[i], _keys[i + 1]); }
        }
        return best;
    }

    /// <summary>Halfway between two sorted distinct values; if rounding lands on the upper one, use the lower (scikit-learn does the same).</summary>
    internal static double Midpoint(double a, double b)
    {
        double t = a / 2 + b / 2;
        return t == b || double.IsInfinity(t) ? a : t;
    }
    // </snippet>
}
