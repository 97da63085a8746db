using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>
/// First-order (gradient) or second-order (Newton, XGBoost) boosting steps, or scikit-learn's mix: the tree grown on the
/// gradient (squared-error splits, which rank splits as scikit-learn's Friedman-MSE does with unit weights) and then
/// each leaf set by one Newton step −Σg / Σh over its samples (scikit-learn's GradientBoostingClassifier).
/// </summary>
public enum BoostingStep { Gradient, Newton, GradientTreeNewtonLeaves }

/// <summary>
/// Binary gradient boosting with log-loss (Week 5, "Boosting for classification"). The model is a logit
/// F(x); p = σ(F). For L = −y log p − (1 − y) log(1 − p): g = ∂L/∂F = p − y and h = ∂²L/∂F² = p(1 − p).
/// Gradient steps fit each tree to −g with unit Hessians (leaf = mean of y − p); Newton steps use h in both
/// the split gain and the leaf weight −G/(H + λ), which XGBoost does. F₀ = log(ȳ/(1 − ȳ)), the best constant.
/// </summary>
public sealed class GradientBoostingClassifier : IProbabilisticClassifier
{
    private BoostedTree[]? _trees;
    private double _init;
    private double[] _trainLoss = [];
    private int _features;

    public GradientBoostingClassifier(BoostingSettings? settings = null, BoostingStep step = BoostingStep.Newton)
    {
        Settings = settings ?? new BoostingSettings();
        Settings.Validate();
        Guard.Defined(step, nameof(step));
        Step = step;
    }

    public BoostingSettings Settings { get; }
    public BoostingStep Step { get; }
    public bool IsFitted => _trees is not null;

    /// <summary>Leaves of each fitted tree (to check a leaf budget or compare growth policies).</summary>
    public IReadOnlyList<int> LeafCounts { get { Guard.Fitted(IsFitted, nameof(GradientBoostingClassifier), nameof(LeafCounts)); return _trees!.Select(t => t.LeafCount).ToArray(); } }

    /// <summary>Mean training log-loss after each round.</summary>
    public IReadOnlyList<double> TrainLoss { get { Guard.Fitted(IsFitted, nameof(GradientBoostingClassifier), nameof(TrainLoss)); return _trainLoss; } }

    public GradientBoostingClassifier Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        ClassLabels.BinaryWithBothClasses(y, nameof(y));
        var columns = TreeSettings.Columns(x);
        var bins = Settings.MaxBins > 0 ? new HistogramBins(columns, Settings.MaxBins) : null;
        int n = y.Count;
        var target = y.ToArray();
        double mean = target.Average();
        double init = Math.Log(mean / (1 - mean));
        var f = new double[n];
        Array.Fill(f, init);
        var g = new double[n];
        var h = new double[n];
        var trees = new BoostedTree[Settings.NEstimators];
        var loss = new double[Settings.NEstimators];
        var treeSettings = Settings.Tree();
        // <snippet name="boosting-log-loss">
        for (int m = 0; m < trees.Length; m++)
        {
            for (int i = 0; i < n; i++)
            {
                double p = Sigmoid.Of(f[i]);
                g[i] = p - target[i];
                h[i] = Step == BoostingStep.Newton ? Math.Max(p * (1 - p), 1e-16) : 1.0;
            }
            trees[m] = BoostedTree.Fit(columns, bins, g, h, treeSettings);
            if (Step == BoostingStep.GradientTreeNewtonLeaves)
            {
                for (int i = 0; i < n; i++) { double p = Sigmoid.Of(f[i]); h[i] = p * (1 - p); }
                trees[m].RefitLeaves(columns, g, h, Settings.Lambda);
            }
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                f[i] += Settings.LearningRate * trees[m].Predict(columns, i);
                total += LogLoss(target[i], f[i]);
            }
            loss[m] = total / n;
        }
        // </snippet>
        _trees = trees; _init = init; _trainLoss = loss; _features = x.ColumnCount;
        return this;
    }

    /// <summary>−y log σ(F) − (1 − y) log(1 − σ(F)) = log(1 + e^F) − yF, computed without overflow.</summary>
    internal static double LogLoss(double y, double f) => Sigmoid.Softplus(f) - y * f;

    /// <summary>Logits F(x) after 1, 2, ..., NEstimators trees.</summary>
    public IEnumerable<Vector<double>> StagedDecisionFunction(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(GradientBoostingClassifier), nameof(StagedDecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _features, nameof(x));
        return BoostedTree.Staged(_trees!, _init, Settings.LearningRate, TreeSettings.Columns(x), x.RowCount);
    }

    /// <summary>Mean log-loss of (x, y) after each round: the validation curve that shows when to stop.</summary>
    public double[] StagedLogLoss(Matrix<double> x, Vector<double> y)
    {
        Guard.SameLength(x, y, nameof(x), nameof(y));
        return StagedDecisionFunction(x).Select(f => Enumerable.Range(0, y.Count).Average(i => LogLoss(y[i], f[i]))).ToArray();
    }

    /// <summary>(n, 2): column 1 is P(y = 1 | x) = σ(F(x)), column 0 is σ(−F(x)).</summary>
    public Matrix<double> PredictProbability(Matrix<double> x) => Sigmoid.TwoClassProbabilities(StagedDecisionFunction(x).Last());

    /// <summary>Label 1 where F(x) > 0 (probability above ½).</summary>
    public Vector<double> Predict(Matrix<double> x) => StagedDecisionFunction(x).Last().Map(f => f > 0 ? 1.0 : 0.0);

    public double[] FeatureImportances
    {
        get
        {
            Guard.Fitted(IsFitted, nameof(GradientBoostingClassifier), nameof(FeatureImportances));
            var gains = new double[_features];
            foreach (var t in _trees!) t.AddGains(gains);
            double total = gains.Sum();
            return total > 0 ? gains.Select(v => v / total).ToArray() : gains;
        }
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
