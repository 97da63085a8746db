using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Trees;

/// <summary>
/// CART classification tree (Week 5, "CART"): binary splits x[f] ≤ t chosen greedily by Gini or entropy
/// decrease, grown until the limits stop it, then optionally pruned by minimal cost-complexity pruning
/// with <see cref="CcpAlpha"/>. Hyper-parameters and their defaults follow scikit-learn's DecisionTreeClassifier
/// (maxDepth null = unlimited, maxFeatures null = all features).
/// </summary>
public sealed class DecisionTreeClassifier : IProbabilisticClassifier
{
    private TreeStructure? _tree;
    private int _classes;

    public DecisionTreeClassifier(SplitCriterion criterion = SplitCriterion.Gini, int? maxDepth = null, int minSamplesSplit = 2,
        int minSamplesLeaf = 1, int? maxFeatures = null, double minImpurityDecrease = 0, double ccpAlpha = 0, int seed = Seeded.DefaultSeed)
    {
        if (criterion == SplitCriterion.SquaredError || !Enum.IsDefined(criterion))
            throw new ArgumentOutOfRangeException(nameof(criterion), criterion, $"{nameof(criterion)} must be Gini or Entropy for a classifier, but is {criterion}.");
        TreeSettings.Validate(maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease, ccpAlpha);
        Criterion = criterion; MaxDepth = maxDepth; MinSamplesSplit = minSamplesSplit; MinSamplesLeaf = minSamplesLeaf;
        MaxFeatures = maxFeatures; MinImpurityDecrease = minImpurityDecrease; CcpAlpha = ccpAlpha; Seed = seed;
    }

    public SplitCriterion Criterion { get; }
    public int? MaxDepth { get; }
    public int MinSamplesSplit { get; }
    public int MinSamplesLeaf { get; }
    /// <summary>Features tried per split, drawn at random without replacement; null tries all (then the tree is deterministic).</summary>
    public int? MaxFeatures { get; }
    /// <summary>A split must decrease the impurity, weighted by the share of training samples at the node, by at least this.</summary>
    public double MinImpurityDecrease { get; }
    /// <summary>Cost-complexity pruning strength α; 0 keeps the fully grown tree.</summary>
    public double CcpAlpha { get; }
    public int Seed { get; }

    public bool IsFitted => _tree is not null;

    public TreeStructure Tree { get { Guard.Fitted(IsFitted, nameof(DecisionTreeClassifier), nameof(Tree)); return _tree!; } }
    public int ClassCount { get { Guard.Fitted(IsFitted, nameof(DecisionTreeClassifier), nameof(ClassCount)); return _classes; } }

    /// <summary>Impurity-based importances (mean decrease in impurity), summing to 1.</summary>
    public double[] FeatureImportances { get { Guard.Fitted(IsFitted, nameof(DecisionTreeClassifier), nameof(FeatureImportances)); return _tree!.ImpurityImportances(); } }

    public DecisionTreeClassifier Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        int classes = ClassLabels.Multiclass(y, nameof(y));
        var tree = Grow(x, y, classes);
        _tree = CcpAlpha > 0 ? CostComplexityPruning.Prune(tree, CcpAlpha) : tree;
        _classes = classes;
        return this;
    }

    /// <summary>The weakest-link pruning path of the fully grown tree on (x, y), as scikit-learn's cost_complexity_pruning_path.</summary>
    public PruningPath CostComplexityPruningPath(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        return CostComplexityPruning.Path(Grow(x, y, ClassLabels.Multiclass(y, nameof(y))));
    }

    private TreeStructure Grow(Matrix<double> x, Vector<double> y, int classes)
    {
        var settings = TreeSettings.Cart(Criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures, MinImpurityDecrease, x.ColumnCount);
        var w = new double[x.RowCount];
        Array.Fill(w, 1.0);
        var rng = MaxFeatures is null ? null : Seeded.Random(Seed);
        return new CartBuilder(TreeSettings.Columns(x), y.ToArray(), w, classes, settings, rng).Build(Enumerable.Range(0, x.RowCount).ToArray());
    }

    /// <summary>Class shares of the training samples in the leaf each row reaches (n x K).</summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(DecisionTreeClassifier), nameof(PredictProbability));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _tree!.FeatureCount, nameof(x));
        var p = Matrix<double>.Build.Dense(x.RowCount, _classes);
        for (int i = 0; i < x.RowCount; i++)
        {
            var v = _tree.NodeValue[_tree.LeafOf(x, i)];
            double total = v.Sum();
            for (int k = 0; k < _classes; k++) p[i, k] = v[k] / total;
        }
        return p;
    }

    /// <summary>The majority class of each row's leaf (the lowest label on a tie, as argmax does).</summary>
    public Vector<double> Predict(Matrix<double> x)
    {
        var p = PredictProbability(x);
        return Vector<double>.Build.Dense(x.RowCount, i => p.Row(i).MaximumIndex());
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
