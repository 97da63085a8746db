using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Trees;

/// <summary>
/// CART regression tree (Week 5, "CART for regression"): splits chosen by the decrease in squared error
/// (variance), each leaf predicts the mean target of its training samples (the constant that minimises
/// squared error). Defaults follow scikit-learn's DecisionTreeRegressor.
/// </summary>
public sealed class DecisionTreeRegressor : IRegressor
{
    private TreeStructure? _tree;

    public DecisionTreeRegressor(int? maxDepth = null, int minSamplesSplit = 2, int minSamplesLeaf = 1, int? maxFeatures = null,
        double minImpurityDecrease = 0, double ccpAlpha = 0, int seed = Seeded.DefaultSeed)
    {
        TreeSettings.Validate(maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease, ccpAlpha);
        MaxDepth = maxDepth; MinSamplesSplit = minSamplesSplit; MinSamplesLeaf = minSamplesLeaf;
        MaxFeatures = maxFeatures; MinImpurityDecrease = minImpurityDecrease; CcpAlpha = ccpAlpha; Seed = seed;
    }

    public int? MaxDepth { get; }
    public int MinSamplesSplit { get; }
    public int MinSamplesLeaf { get; }
    public int? MaxFeatures { get; }
    public double MinImpurityDecrease { get; }
    public double CcpAlpha { get; }
    public int Seed { get; }

    public bool IsFitted => _tree is not null;

    public TreeStructure Tree { get { Guard.Fitted(IsFitted, nameof(DecisionTreeRegressor), nameof(Tree)); return _tree!; } }

    public double[] FeatureImportances { get { Guard.Fitted(IsFitted, nameof(DecisionTreeRegressor), nameof(FeatureImportances)); return _tree!.ImpurityImportances(); } }

    public DecisionTreeRegressor Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var tree = Grow(x, y);
        _tree = CcpAlpha > 0 ? CostComplexityPruning.Prune(tree, CcpAlpha) : tree;
        return this;
    }

    public PruningPath CostComplexityPruningPath(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        return CostComplexityPruning.Path(Grow(x, y));
    }

    private TreeStructure Grow(Matrix<double> x, Vector<double> y)
    {
        var settings = TreeSettings.Cart(SplitCriterion.SquaredError, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures, MinImpurityDecrease, x.ColumnCount);
        var w = new double[x.RowCount];
        Array.Fill(w, 1.0);
        var rng = MaxFeatures is null ? null : Seeded.Random(Seed);
        return new CartBuilder(TreeSettings.Columns(x), y.ToArray(), w, 0, settings, rng).Build(Enumerable.Range(0, x.RowCount).ToArray());
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(DecisionTreeRegressor), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _tree!.FeatureCount, nameof(x));
        return Vector<double>.Build.Dense(x.RowCount, i => _tree.NodeValue[_tree.LeafOf(x, i)][0]);
    }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
