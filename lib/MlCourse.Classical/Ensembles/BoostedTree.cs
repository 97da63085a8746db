using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Ensembles;

/// <summary>How a boosted tree grows: level by level to a depth (XGBoost's default) or best leaf first to a leaf budget (LightGBM).</summary>
public enum TreeGrowth { DepthWise, LeafWise }

internal sealed record BoostedTreeSettings(int MaxDepth, int MaxLeaves, double Lambda, double Gamma, int MinSamplesLeaf, TreeGrowth Growth);

/// <summary>
/// One regression tree of a boosted ensemble, fitted to per-sample gradients g and Hessians h by the
/// second-order gain (<see cref="SecondOrder"/>), with leaf values w* = −G/(H + λ). With h = 1 and λ = 0 the
/// gain is the squared-error decrease and w* the mean of −g: plain functional gradient descent.
/// </summary>
internal sealed class BoostedTree
{
    private readonly int[] _feature, _left, _right;
    private readonly double[] _threshold, _value;

    private BoostedTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
    {
        _feature = feature; _threshold = threshold; _left = left; _right = right; _value = value;
    }

    public int LeafCount => _left.Count(l => l < 0);

    public double Predict(double[][] columns, int row)
    {
        int node = 0;
        while (_left[node] >= 0) node = columns[_feature[node]][row] <= _threshold[node] ? _left[node] : _right[node];
        return _value[node];
    }

    /// <summary>
    /// Resets every leaf to −G/(H + λ) over the training rows that reach it, with new per-row g and h: scikit-learn's
    /// classifier grows the tree on the gradient and then takes one Newton step per leaf. A leaf whose H + λ is below
    /// 1e-150 gets 0, as scikit-learn's does.
    /// </summary>
    public void RefitLeaves(double[][] columns, double[] g, double[] h, double lambda)
    {
        var sumG = new double[_value.Length];
        var sumH = new double[_value.Length];
        for (int i = 0; i < g.Length; i++)
        {
            int node = 0;
            while (_left[node] >= 0) node = columns[_feature[node]][i] <= _threshold[node] ? _left[node] : _right[node];
            sumG[node] += g[i];
            sumH[node] += h[i];
        }
        for (int node = 0; node < _value.Length; node++)
            if (_left[node] < 0) _value[node] = sumH[node] + lambda < 1e-150 ? 0.0 : SecondOrder.LeafWeight(sumG[node], sumH[node], lambda);
    }

    /// <summary>
    /// The boosted model F_m(x) = F_0 + η Σ_{t ≤ m} f_t(x) after each round m = 1, 2, ...: the staged predictions of the
    /// regressor and the staged logits of the classifier (their one difference is what F_0 and the leaves mean).
    /// </summary>
    public static IEnumerable<Vector<double>> Staged(IReadOnlyList<BoostedTree> trees, double initial, double learningRate,
        double[][] columns, int n)
    {
        var f = new double[n];
        Array.Fill(f, initial);
        foreach (var tree in trees)
        {
            for (int i = 0; i < n; i++) f[i] += learningRate * tree.Predict(columns, i);
            yield return Vector<double>.Build.DenseOfArray((double[])f.Clone());
        }
    }

    /// <summary>Total split gain credited to each feature (XGBoost's "gain" importance, unnormalised).</summary>
    public void AddGains(double[] gains)
    {
        for (int i = 0; i < _feature.Length; i++) if (_left[i] >= 0) gains[_feature[i]] += _splitGain[i];
    }

    private double[] _splitGain = [];

    private sealed class Candidate
    {
        public int Node, Start, End, Depth, Feature = -1;
        public double G, H, Gain = double.NegativeInfinity, Threshold;
    }

    public static BoostedTree Fit(double[][] columns, HistogramBins? bins, double[] g, double[] h, BoostedTreeSettings s)
    {
        int n = g.Length;
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        var feature = new List<int>(); var threshold = new List<double>(); var left = new List<int>(); var right = new List<int>();
        var value = new List<double>(); var gain = new List<double>();
        var keys = new double[n]; var order = new int[n];

        int NewNode(Candidate c)
        {
            feature.Add(-1); threshold.Add(0); left.Add(-1); right.Add(-1); gain.Add(0);
            value.Add(SecondOrder.LeafWeight(c.G, c.H, s.Lambda));
            return feature.Count - 1;
        }

        var root = new Candidate { Start = 0, End = n, Depth = 0 };
        for (int i = 0; i < n; i++) { root.G += g[i]; root.H += h[i]; }
        root.Node = NewNode(root);
        var open = new List<Candidate>();
        Evaluate(root);
        open.Add(root);
        int leaves = 1;

        // <snippet name="tree-growth">
        while (open.Count > 0 && leaves < s.MaxLeaves)
        {
            // Depth-wise takes the oldest open leaf (breadth-first, a level at a time); leaf-wise takes the
            // leaf whose best split lowers the loss most, wherever it is, so the budget goes where it pays.
            int pick = 0;
            if (s.Growth == TreeGrowth.LeafWise)
                for (int k = 1; k < open.Count; k++) if (open[k].Gain > open[pick].Gain) pick = k;
            var c = open[pick];
            open.RemoveAt(pick);
            if (c.Feature < 0 || c.Gain <= 0) continue;   // no split lowers the regularised objective

            int mid = Partition(c);
            var l = new Candidate { Start = c.Start, End = mid, Depth = c.Depth + 1 };
            var r = new Candidate { Start = mid, End = c.End, Depth = c.Depth + 1 };
            for (int i = l.Start; i < l.End; i++) { l.G += g[idx[i]]; l.H += h[idx[i]]; }
            r.G = c.G - l.G; r.H = c.H - l.H;
            l.Node = NewNode(l); r.Node = NewNode(r);
            feature[c.Node] = c.Feature; threshold[c.Node] = c.Threshold; left[c.Node] = l.Node; right[c.Node] = r.Node; gain[c.Node] = c.Gain;
            leaves++;
            Evaluate(l); Evaluate(r);
            open.Add(l); open.Add(r);
        }
        // </snippet>
        return new BoostedTree([.. feature], [.. threshold], [.. left], [.. right], [.. value]) { _splitGain = [.. gain] };

        int Partition(Candidate c)
        {
            var col = columns[c.Feature];
            int mid = c.Start;
            for (int i = c.Start; i < c.End; i++)
                if (col[idx[i]] <= c.Threshold) (idx[i], idx[mid]) = (idx[mid++], idx[i]);
            return mid;
        }

        void Evaluate(Candidate c)
        {
            int m = c.End - c.Start;
            if (c.Depth >= s.MaxDepth || m < 2 * s.MinSamplesLeaf) return;
            if (bins is null) EvaluateExact(c, m); else EvaluateHistogram(c, m);
        }

        void EvaluateExact(Candidate c, int m)
        {
            for (int f = 0; f < columns.Length; f++)
            {
                var col = columns[f];
                for (int i = 0; i < m; i++) { order[i] = idx[c.Start + i]; keys[i] = col[order[i]]; }
                Array.Sort(keys, order, 0, m);
                double gl = 0, hl = 0;
                for (int i = 0; i < m - 1; i++)
                {
                    gl += g[order[i]]; hl += h[order[i]];
                    if (keys[i] == keys[i + 1] || i + 1 < s.MinSamplesLeaf || m - i - 1 < s.MinSamplesLeaf) continue;
                    double gainHere = SecondOrder.SplitGain(gl, hl, c.G - gl, c.H - hl, s.Lambda, s.Gamma);
                    if (gainHere > c.Gain) { c.Gain = gainHere; c.Feature = f; c.Threshold = Trees.CartBuilder.Midpoint(keys[i], keys[i + 1]); }
                }
            }
        }

        void EvaluateHistogram(Candidate c, int m)
        {
            for (int f = 0; f < columns.Length; f++)
            {
                var edges = bins.Edges[f];
                if (edges.Length == 0) continue;
                var fb = bins.Bins[f];
                var hg = new double[edges.Length + 1]; var hh = new double[edges.Length + 1]; var hc = new int[edges.Length + 1];
                for (int i = c.Start; i < c.End; i++) { int row = idx[i], b = fb[row]; hg[b] += g[row]; hh[b] += h[row]; hc[b]++; }
                double gl = 0, hl = 0;
                int cl = 0;
                for (int b = 0; b < edges.Length; b++)
                {
                    gl += hg[b]; hl += hh[b]; cl += hc[b];
                    if (cl < s.MinSamplesLeaf || m - cl < s.MinSamplesLeaf || hc[b] == 0 && cl == 0) continue;
                    if (cl == m) break;
                    double gainHere = SecondOrder.SplitGain(gl, hl, c.G - gl, c.H - hl, s.Lambda, s.Gamma);
                    if (gainHere > c.Gain) { c.Gain = gainHere; c.Feature = f; c.Threshold = edges[b]; }
                }
            }
        }
    }
}
