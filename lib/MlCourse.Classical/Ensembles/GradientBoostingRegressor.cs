using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>
/// Gradient boosting for squared loss (Friedman 2001; Week 5, "Boosting as functional gradient descent").
/// F₀ = mean(y); round m fits a tree to the negative gradient of L = ½(y − F)², which is the residual
/// r = y − F, and steps F ← F + ν·tree. For squared loss h = 1, so the Newton leaf −G/(H + λ) with λ = 0 is the
/// mean residual: first- and second-order boosting coincide (scikit-learn's GradientBoostingRegressor).
/// </summary>
public sealed class GradientBoostingRegressor : IRegressor
{
    private BoostedTree[]? _trees;
    private double _init;
    private double[] _trainLoss = [];
    private int _features;

    public GradientBoostingRegressor(BoostingSettings? settings = null)
    {
        Settings = settings ?? new BoostingSettings();
        Settings.Validate();
    }

    public BoostingSettings Settings { get; }
    public bool IsFitted => _trees is not null;

    /// <summary>Leaves of each fitted tree (to check a leaf budget or compare growth policies).</summary>
    public IReadOnlyList<int> LeafCounts { get { Guard.Fitted(IsFitted, nameof(GradientBoostingRegressor), nameof(LeafCounts)); return _trees!.Select(t => t.LeafCount).ToArray(); } }

    /// <summary>Training MSE after each round (entry m: after m + 1 trees), as scikit-learn's train_score_.</summary>
    public IReadOnlyList<double> TrainLoss { get { Guard.Fitted(IsFitted, nameof(GradientBoostingRegressor), nameof(TrainLoss)); return _trainLoss; } }

    public double InitialPrediction { get { Guard.Fitted(IsFitted, nameof(GradientBoostingRegressor), nameof(InitialPrediction)); return _init; } }

    public GradientBoostingRegressor Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var columns = TreeSettings.Columns(x);
        var bins = Settings.MaxBins > 0 ? new HistogramBins(columns, Settings.MaxBins) : null;
        int n = y.Count;
        var target = y.ToArray();
        double init = target.Average();
        var f = new double[n];
        Array.Fill(f, init);
        var g = new double[n];
        var h = new double[n];
        Array.Fill(h, 1.0);
        var trees = new BoostedTree[Settings.NEstimators];
        var loss = new double[Settings.NEstimators];
        var treeSettings = Settings.Tree();
        // <snippet name="boosting-squared-loss">
        for (int m = 0; m < trees.Length; m++)
        {
            for (int i = 0; i < n; i++) g[i] = f[i] - target[i];          // ∂/∂F ½(y − F)² = F − y
            trees[m] = BoostedTree.Fit(columns, bins, g, h, treeSettings);
            double sse = 0;
            for (int i = 0; i < n; i++)
            {
                f[i] += Settings.LearningRate * trees[m].Predict(columns, i);
                sse += (target[i] - f[i]) * (target[i] - f[i]);
            }
            loss[m] = sse / n;
        }
        // </snippet>
        _trees = trees; _init = init; _trainLoss = loss; _features = x.ColumnCount;
        return this;
    }

    public Vector<double> Predict(Matrix<double> x) => StagedPredict(x).Last();

    /// <summary>Predictions after 1, 2, ..., NEstimators trees (for test-loss-versus-rounds curves).</summary>
    public IEnumerable<Vector<double>> StagedPredict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(GradientBoostingRegressor), nameof(StagedPredict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _features, nameof(x));
        return BoostedTree.Staged(_trees!, _init, Settings.LearningRate, TreeSettings.Columns(x), x.RowCount);
    }

    /// <summary>Total split gain per feature over all trees, normalised to sum to 1.</summary>
    public double[] FeatureImportances
    {
        get
        {
            Guard.Fitted(IsFitted, nameof(GradientBoostingRegressor), nameof(FeatureImportances));
            var gains = new double[_features];
            foreach (var t in _trees!) t.AddGains(gains);
            double total = gains.Sum();
            return total > 0 ? gains.Select(v => v / total).ToArray() : gains;
        }
    }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
