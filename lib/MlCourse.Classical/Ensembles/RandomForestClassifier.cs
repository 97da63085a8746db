using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>
/// Random forest (Breiman 2001; Week 5, "Random forests"): each tree is grown on a bootstrap sample (n rows
/// drawn with replacement, about 63.2% distinct) and tries only <see cref="MaxFeatures"/> random features
/// per split; the forest averages the trees' class probabilities. Averaging B trees whose errors have
/// variance σ² and pairwise correlation ρ leaves variance ρσ² + (1 − ρ)σ²/B: bagging shrinks the second
/// term, feature subsampling lowers ρ. Rows a tree never saw (out of bag) give a free validation estimate.
/// </summary>
/// <remarks>
/// Trees are fitted in parallel. Each tree's seed is drawn in order from one generator seeded with
/// <see cref="Seed"/> before any tree starts, so the forest is the same whatever order the threads run in.
/// </remarks>
public sealed class RandomForestClassifier : IProbabilisticClassifier
{
    private TreeStructure[]? _trees;
    private int[][] _inBagCounts = [];
    private int _classes;
    private double[][] _oobColumns = [];
    private double[] _oobY = [];

    public RandomForestClassifier(int nTrees = 100, SplitCriterion criterion = SplitCriterion.Gini, int? maxDepth = null,
        int minSamplesSplit = 2, int minSamplesLeaf = 1, int? maxFeatures = null, bool bootstrap = true, int seed = Seeded.DefaultSeed,
        int? maxDegreeOfParallelism = null)
    {
        Guard.Positive(nTrees, nameof(nTrees));
        if (criterion == SplitCriterion.SquaredError || !Enum.IsDefined(criterion))
            throw new ArgumentOutOfRangeException(nameof(criterion), criterion, $"{nameof(criterion)} must be Gini or Entropy for a classifier, but is {criterion}.");
        if (maxDepth is { } depth) Guard.Positive(depth, nameof(maxDepth));
        Guard.AtLeast(minSamplesSplit, 2, nameof(minSamplesSplit), "a split needs two samples");
        Guard.Positive(minSamplesLeaf, nameof(minSamplesLeaf));
        if (maxFeatures is { } mf) Guard.Positive(mf, nameof(maxFeatures));
        if (maxDegreeOfParallelism is { } p) Guard.Positive(p, nameof(maxDegreeOfParallelism));
        NTrees = nTrees; Criterion = criterion; MaxDepth = maxDepth; MinSamplesSplit = minSamplesSplit; MinSamplesLeaf = minSamplesLeaf;
        MaxFeatures = maxFeatures; Bootstrap = bootstrap; Seed = seed; MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    public int NTrees { get; }
    public SplitCriterion Criterion { get; }
    public int? MaxDepth { get; }
    public int MinSamplesSplit { get; }
    public int MinSamplesLeaf { get; }
    /// <summary>Features tried per split; null means ⌊√d⌋ (scikit-learn's "sqrt"), at least 1.</summary>
    public int? MaxFeatures { get; }
    public bool Bootstrap { get; }
    public int Seed { get; }
    /// <summary>Threads used to grow trees; null lets .NET decide. The result does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; }

    public bool IsFitted => _trees is not null;

    public IReadOnlyList<TreeStructure> Trees { get { Guard.Fitted(IsFitted, nameof(RandomForestClassifier), nameof(Trees)); return _trees!; } }

    /// <summary>Mean over trees of each tree's normalised impurity importances (scikit-learn's feature_importances_).</summary>
    public double[] FeatureImportances
    {
        get
        {
            Guard.Fitted(IsFitted, nameof(RandomForestClassifier), nameof(FeatureImportances));
            var sum = new double[_trees![0].FeatureCount];
            foreach (var t in _trees)
            {
                var imp = t.ImpurityImportances();
                for (int f = 0; f < sum.Length; f++) sum[f] += imp[f] / _trees.Length;
            }
            return sum;
        }
    }

    public RandomForestClassifier Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        int classes = ClassLabels.Multiclass(y, nameof(y));
        int n = x.RowCount, d = x.ColumnCount;
        if (MaxFeatures is { } mf) Guard.AtMost(mf, d, nameof(MaxFeatures), "the number of features in x");
        var settings = new CartSettings(Criterion, MaxDepth ?? int.MaxValue, MinSamplesSplit, MinSamplesLeaf, MaxFeatures ?? Math.Max(1, (int)Math.Sqrt(d)), 0);
        var columns = TreeSettings.Columns(x);
        var labels = y.ToArray();

        // <snippet name="forest-fit">
        var master = Seeded.Random(Seed);
        var treeSeeds = new int[NTrees];
        for (int t = 0; t < NTrees; t++) treeSeeds[t] = master.Next();   // fixed before any thread starts
        var trees = new TreeStructure[NTrees];
        var inBag = new int[NTrees][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, NTrees, options, t =>
        {
            var rng = Seeded.Random(treeSeeds[t]);
            var counts = new int[n];
            if (Bootstrap) for (int i = 0; i < n; i++) counts[rng.Next(n)]++;   // n draws with replacement
            else Array.Fill(counts, 1);
            var weights = new double[n];
            var rows = new List<int>(n);
            for (int i = 0; i < n; i++)
                if (counts[i] > 0) { weights[i] = counts[i]; rows.Add(i); }     // a row drawn k times weighs k
            trees[t] = new CartBuilder(columns, labels, weights, classes, settings, rng).Build([.. rows]);
            inBag[t] = counts;
        });
        // </snippet>
        _trees = trees;
        _inBagCounts = inBag;
        _classes = classes;
        _oobColumns = columns;
        _oobY = labels;
        return this;
    }

    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(RandomForestClassifier), nameof(PredictProbability));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _trees![0].FeatureCount, nameof(x));
        var columns = TreeSettings.Columns(x);
        var p = new double[x.RowCount, _classes];
        foreach (var tree in _trees)
            for (int i = 0; i < x.RowCount; i++) AddLeafShares(tree, columns, i, p, i, 1.0 / _trees.Length);
        return Matrix<double>.Build.DenseOfArray(p);
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        var p = PredictProbability(x);
        return Vector<double>.Build.Dense(x.RowCount, i => p.Row(i).MaximumIndex());
    }

    // <snippet name="oob-score">
    /// <summary>
    /// Out-of-bag accuracy using the first <paramref name="treeCount"/> trees: each training row is predicted by
    /// the trees whose bootstrap sample missed it (each tree misses a row with probability (1 − 1/n)ⁿ ≈ e⁻¹);
    /// rows that every one of those trees saw are left out.
    /// </summary>
    public double OobScore(int? treeCount = null)
    {
        Guard.Fitted(IsFitted, nameof(RandomForestClassifier), nameof(OobScore));
        int trees = treeCount ?? _trees!.Length;
        Guard.InRange(trees, 1, _trees!.Length, nameof(treeCount));
        if (!Bootstrap) throw new InvalidOperationException("OobScore needs bootstrap = true: without bootstrap every tree sees every row.");
        int n = _oobY.Length;
        var p = new double[n, _classes];
        var votes = new int[n];
        for (int t = 0; t < trees; t++)
            for (int i = 0; i < n; i++)
                if (_inBagCounts[t][i] == 0) { AddLeafShares(_trees[t], _oobColumns, i, p, i, 1.0); votes[i]++; }
        int scored = 0, correct = 0;
        for (int i = 0; i < n; i++)
        {
            if (votes[i] == 0) continue;
            int best = 0;
            for (int k = 1; k < _classes; k++) if (p[i, k] > p[i, best]) best = k;
            scored++;
            if (best == (int)_oobY[i]) correct++;
        }
        return scored == 0 ? double.NaN : correct / (double)scored;
    }
    // </snippet>

    /// <summary>Out-of-bag error (1 − OOB accuracy) after 1, 2, ..., NTrees trees: the curve that tells when more trees stop helping.</summary>
    public double[] OobErrorByTreeCount() => Enumerable.Range(1, Trees.Count).Select(t => 1 - OobScore(t)).ToArray();

    private void AddLeafShares(TreeStructure tree, double[][] columns, int row, double[,] p, int target, double scale)
    {
        var v = tree.NodeValue[tree.LeafOf(columns, row)];
        double total = 0;
        for (int k = 0; k < v.Length; k++) total += v[k];
        for (int k = 0; k < v.Length; k++) p[target, k] += scale * v[k] / total;
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
