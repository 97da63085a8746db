using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Trees;

/// <summary>
/// ID3 (Quinlan 1986; Week 5, "ID3 for categorical features"): each node splits multiway on the categorical
/// feature with the largest information gain, one branch per value seen, and a feature is used at most once
/// on a path. It stops when a node is pure, no features are left, or the depth limit is reached; a leaf
/// predicts its majority class. A value not seen in training goes to the node's majority class.
/// Features and labels are integer codes (0, 1, 2, ...), not numbers to compare: as int arrays, or as the
/// course's usual matrix and label vector (IClassifier), whose entries must then be whole numbers ≥ 0.
/// </summary>
public sealed class Id3Classifier : IClassifier
{
    private Node? _root;
    private int _features;

    public Id3Classifier(int? maxDepth = null)
    {
        if (maxDepth is { } d) Guard.Positive(d, nameof(maxDepth));
        MaxDepth = maxDepth;
    }

    public int? MaxDepth { get; }
    public bool IsFitted => _root is not null;

    /// <summary>The feature tested at the root and the information gain (bits) of every feature there.</summary>
    public (int Feature, double[] Gains) Root { get { Guard.Fitted(IsFitted, nameof(Id3Classifier), nameof(Root)); return (_root!.Feature, _root.Gains); } }

    /// <summary>Number of leaves (for comparing trees).</summary>
    public int LeafCount { get { Guard.Fitted(IsFitted, nameof(Id3Classifier), nameof(LeafCount)); return Count(_root!); } }

    private static int Count(Node n) => n.Children.Count == 0 ? 1 : n.Children.Values.Sum(Count);

    private sealed class Node
    {
        public int Feature = -1;
        public int Majority;
        public double[] Gains = [];
        public Dictionary<int, Node> Children = [];
    }

    public Id3Classifier Fit(int[][] x, int[] y)
    {
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.HasAtLeast(x.Length, 1, nameof(x), "row");
        Guard.SameSampleCount(x.Length, y.Length, nameof(x), nameof(y));
        Guard.RowLengths(x, x[0]?.Length ?? 0, nameof(x), "every row as long as row 0");
        int d = x[0].Length;
        for (int i = 0; i < x.Length; i++)
        {
            if (y[i] < 0) throw new ArgumentException($"y must hold class codes 0, 1, 2, ..., but y[{i}] is {y[i]}.", nameof(y));
        }
        int classes = y.Max() + 1;
        _root = Grow(x, y, Enumerable.Range(0, x.Length).ToArray(), new bool[d], 0, classes);
        _features = d;
        return this;
    }

    /// <summary>Fits on category codes stored as doubles: x (n, d) of codes ≥ 0, y labels 0..K−1.</summary>
    public Id3Classifier Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        ClassLabels.Multiclass(y, nameof(y));
        return Fit(Codes(x, nameof(x)), y.Select(v => (int)v).ToArray());
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(Id3Classifier), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _features, nameof(x));
        return Vector<double>.Build.DenseOfEnumerable(Predict(Codes(x, nameof(x))).Select(label => (double)label));
    }

    /// <summary>Rows of integer codes; a fractional or negative entry is not a category.</summary>
    private static int[][] Codes(Matrix<double> x, string name)
    {
        var rows = new int[x.RowCount][];
        for (int i = 0; i < x.RowCount; i++)
        {
            rows[i] = new int[x.ColumnCount];
            for (int j = 0; j < x.ColumnCount; j++)
            {
                double v = x[i, j];
                if (v < 0 || v != Math.Floor(v) || v > int.MaxValue)
                    throw new ArgumentException($"{name} must hold category codes 0, 1, 2, ..., but {name}[{i}, {j}] is {v}.", name);
                rows[i][j] = (int)v;
            }
        }
        return rows;
    }

    // <snippet name="id3-grow">
    private Node Grow(int[][] x, int[] y, int[] rows, bool[] used, int depth, int classes)
    {
        var counts = new double[classes];
        foreach (int i in rows) counts[y[i]]++;
        var node = new Node { Majority = Array.IndexOf(counts, counts.Max()) };
        if (counts.Count(c => c > 0) == 1 || depth >= (MaxDepth ?? int.MaxValue) || used.All(u => u)) return node;

        double parent = Impurity.Entropy(counts);
        node.Gains = new double[used.Length];
        double bestGain = 0;
        for (int f = 0; f < used.Length; f++)
        {
            if (used[f]) continue;
            // H(Y) − H(Y | X_f) = H(Y) − Σ_v P(X_f = v)·H(Y | X_f = v)
            double conditional = 0;
            foreach (var group in rows.GroupBy(i => x[i][f]))
            {
                var c = new double[classes];
                foreach (int i in group) c[y[i]]++;
                conditional += group.Count() / (double)rows.Length * Impurity.Entropy(c);
            }
            node.Gains[f] = parent - conditional;
            if (node.Gains[f] > bestGain + 1e-12) { bestGain = node.Gains[f]; node.Feature = f; }
        }
        if (node.Feature < 0) return node;                      // no feature separates anything: a leaf
        var childUsed = (bool[])used.Clone();
        childUsed[node.Feature] = true;
        foreach (var group in rows.GroupBy(i => x[i][node.Feature]))
            node.Children[group.Key] = Grow(x, y, group.ToArray(), childUsed, depth + 1, classes);
        return node;
    }
    // </snippet>

    public int[] Predict(int[][] x)
    {
        Guard.Fitted(IsFitted, nameof(Id3Classifier), nameof(Predict));
        Guard.NotNull(x, nameof(x));
        for (int i = 0; i < x.Length; i++)
            Guard.RowLengths(x, _features, nameof(x), $"the model was fitted with {_features} features");
        return x.Select(row =>
        {
            var node = _root!;
            while (node.Feature >= 0 && node.Children.TryGetValue(row[node.Feature], out var child)) node = child;
            return node.Majority;
        }).ToArray();
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
