using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Optimization;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// A linear model ŷ = Xw + b trained by gradient descent (Week 1, "Gradient descent: batch, SGD and
/// mini-batch"). It minimises J(w, b) = Loss(y, Xw + b) + l2·||w||², starting from w = 0, b = 0.
/// </summary>
/// <remarks>
/// <para>Batch size decides the flavour: null or >= n is batch gradient descent (one exact step per
/// epoch); 1 is stochastic gradient descent (n noisy steps per epoch); anything between is mini-batch.
/// The rows are reshuffled every epoch from the seed, and the last batch of an epoch may be smaller.
/// A mini-batch's mean-loss gradient is an unbiased estimate of the full one, because every row is
/// equally likely to be in it.</para>
/// <para>With the default MSE loss, J = (1/n)||y − Xw − b||² + l2·||w||²; multiplying by n shows its
/// minimiser is <see cref="RidgeRegression"/> with alpha = n·l2 (and least squares for l2 = 0).</para>
/// <para>Features on very different scales make the loss surface a long narrow valley: a rate small
/// enough for the steep direction crawls along the flat one. Standardise first.</para>
/// <para>An <see cref="IOptimizer"/> (Week 3: momentum, Adam, ...) replaces the plain update θ ← θ − lr·∇J with its own
/// rule on θ = (w, b), at its own rate and per-update schedule: there is one learning rate, so giving lr or schedule as
/// well is an error. The regressor takes a factory and builds a new optimiser in every Fit, because an optimiser carries
/// state (velocity, moment estimates, the step count): a shared instance would make a second Fit, or the next fit of a
/// grid search, start where the last one stopped. Without one the update is plain gradient descent, as in Week 1.</para>
/// </remarks>
public sealed class GradientDescentRegressor : IRegressor
{
    /// <summary>The rate used when neither lr nor schedule is given.</summary>
    public const double DefaultLearningRate = 0.01;

    private Vector<double>? _coefficients;
    private double _intercept;
    private double[] _lossHistory = [];
    private double[] _batchLossHistory = [];
    private int _updateCount;

    /// <param name="lr">Constant learning rate (> 0). Give at most one of this, <paramref name="schedule"/> and <paramref name="optimizer"/>; none means 0.01.</param>
    /// <param name="epochs">Passes over the training data (> 0).</param>
    /// <param name="batchSize">Rows per update (>= 1); null means all rows (batch gradient descent).</param>
    /// <param name="schedule">Learning rate per epoch, instead of a constant <paramref name="lr"/>.</param>
    /// <param name="l2">Penalty l2·||w||² added to the loss (>= 0); the intercept is not penalised.</param>
    /// <param name="fitIntercept">Learn b; otherwise b = 0.</param>
    /// <param name="loss">The data loss; default <see cref="MeanSquaredError"/>.</param>
    /// <param name="recordUpdates">Also record the mini-batch objective before every update (BatchLossHistory).</param>
    /// <param name="seed">Seeds the per-epoch shuffle (the only randomness).</param>
    /// <param name="optimizer">Builds the update rule (Week 3), e.g. <c>() => new Adam(0.1)</c>; called once per Fit and must
    /// return a new optimiser each time. Its own rate and schedule (per update) are used. Null is plain gradient descent.</param>
    public GradientDescentRegressor(double? lr = null, int epochs = 100, int? batchSize = null, ILearningRateSchedule? schedule = null,
        double l2 = 0.0, bool fitIntercept = true, ILoss? loss = null, bool recordUpdates = false, int seed = Seeded.DefaultSeed,
        Func<IOptimizer>? optimizer = null)
    {
        if (lr is not null && schedule is not null)
            throw new ArgumentException($"Give either {nameof(lr)} (a constant rate) or {nameof(schedule)}, not both: {nameof(lr)} is {lr} and {nameof(schedule)} is {schedule}.", nameof(schedule));
        if (optimizer is not null && (lr is not null || schedule is not null))
            throw new ArgumentException(
                $"An {nameof(optimizer)} brings its own learning rate and schedule; give the rate to the optimiser, not {(lr is not null ? nameof(lr) : nameof(schedule))} to the regressor.",
                lr is not null ? nameof(lr) : nameof(schedule));
        if (lr is not null) Guard.Positive(lr.Value, nameof(lr));
        Guard.Positive(epochs, nameof(epochs));
        if (batchSize is not null) Guard.Positive(batchSize.Value, nameof(batchSize));
        Guard.NonNegative(l2, nameof(l2));

        // Without an optimiser the regressor owns the rate (per epoch); with one, the optimiser does (per update).
        Schedule = optimizer is null ? schedule ?? new ConstantLearningRate(lr ?? DefaultLearningRate) : null;
        Lr = optimizer is null ? Schedule!.Rate(0) : CreateOptimizer(optimizer).Lr;
        Epochs = epochs;
        BatchSize = batchSize;
        L2 = l2;
        FitIntercept = fitIntercept;
        Loss = loss ?? new MeanSquaredError();
        RecordUpdates = recordUpdates;
        Seed = seed;
        Optimizer = optimizer;
    }

    /// <summary>The learning rate of the first update: the constant rate, the schedule's first rate, or the optimiser's base rate.</summary>
    public double Lr { get; }
    /// <summary>The rate per epoch of plain gradient descent; null when an optimiser (which has its own) is given.</summary>
    public ILearningRateSchedule? Schedule { get; }
    public int Epochs { get; }
    public int? BatchSize { get; }
    public double L2 { get; }
    public bool FitIntercept { get; }
    public ILoss Loss { get; }
    public bool RecordUpdates { get; }
    public int Seed { get; }
    /// <summary>Builds the update rule on θ = (w, b) for each Fit; null means plain gradient descent.</summary>
    public Func<IOptimizer>? Optimizer { get; }

    public bool IsFitted => _coefficients is not null;

    public Vector<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(GradientDescentRegressor), nameof(Coefficients)); return _coefficients!.Clone(); } }
    public double Intercept { get { Guard.Fitted(IsFitted, nameof(GradientDescentRegressor), nameof(Intercept)); return _intercept; } }

    /// <summary>Full-data objective J(w, b): index 0 before training, index e after epoch e (Epochs + 1 values).</summary>
    public IReadOnlyList<double> LossHistory { get { Guard.Fitted(IsFitted, nameof(GradientDescentRegressor), nameof(LossHistory)); return _lossHistory.ToArray(); } }

    /// <summary>The mini-batch objective each update started from (noisy for SGD); empty unless RecordUpdates.</summary>
    public IReadOnlyList<double> BatchLossHistory { get { Guard.Fitted(IsFitted, nameof(GradientDescentRegressor), nameof(BatchLossHistory)); return _batchLossHistory.ToArray(); } }

    /// <summary>Parameter updates made: Epochs · ⌈n / batch size⌉.</summary>
    public int UpdateCount { get { Guard.Fitted(IsFitted, nameof(GradientDescentRegressor), nameof(UpdateCount)); return _updateCount; } }

    public GradientDescentRegressor Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));

        int n = x.RowCount;
        int batch = BatchSize is int size && size < n ? size : n;
        var rng = Seeded.Random(Seed);
        var w = Vector<double>.Build.Dense(x.ColumnCount);              // (p)
        double b = 0.0;
        var (j0, fullYHat) = Objective(x, y, w, b, epoch: 0, lr: Lr);
        var history = new List<double>(Epochs + 1) { j0 };
        var optimizer = Optimizer is null ? null : CreateOptimizer(Optimizer);
        var batchHistory = new List<double>();
        int updates = 0;

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            double lr = optimizer is null ? Schedule!.Rate(epoch) : CurrentRate(optimizer);
            int[] order = batch == n ? Enumerable.Range(0, n).ToArray() : rng.Permutation(n);
            for (int start = 0; start < n; start += batch)
            {
                var rows = order[start..Math.Min(start + batch, n)];
                var xb = batch == n ? x : Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));  // (m, p)
                var yb = batch == n ? y : Vector<double>.Build.DenseOfEnumerable(rows.Select(i => y[i])); // (m)
                // Full batch: the predictions of the current (w, b) were just computed for the loss history.
                var yHat = batch == n ? fullYHat : xb * w + b;                                       // (m)
                EnsureFinite(yHat, epoch, lr);
                if (RecordUpdates) batchHistory.Add(Loss.Value(yb, yHat) + L2 * w.DotProduct(w));

                if (optimizer is null)
                {
                    // <snippet name="gd-update">
                    // Chain rule through ŷ = Xw + b: ∂J/∂w = Xᵀ(∂L/∂ŷ) + 2·l2·w and ∂J/∂b = Σ_i ∂L/∂ŷ_i.
                    // Each step moves against the gradient, the direction of steepest increase, scaled by lr.
                    var g = Loss.Gradient(yb, yHat);                             // ∂L/∂ŷ on the batch: (m)
                    var gradW = xb.TransposeThisAndMultiply(g) + 2.0 * L2 * w;   // (p)
                    double gradB = FitIntercept ? g.Sum() : 0.0;
                    w -= lr * gradW;
                    b -= lr * gradB;
                    // </snippet>
                }
                else
                    (w, b) = OptimizerStep(optimizer, Loss.Gradient(yb, yHat), xb, w, b, epoch);
                updates++;
            }
            (double j, fullYHat) = Objective(x, y, w, b, epoch, lr);
            history.Add(j);
        }

        _coefficients = w;
        _intercept = b;
        _lossHistory = history.ToArray();
        _batchLossHistory = batchHistory.ToArray();
        _updateCount = updates;
        return this;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(GradientDescentRegressor), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.Count, nameof(x));
        return LinearPrediction.Predict(x, _coefficients, _intercept);
    }

    /// <summary>A new optimiser from the factory; one already stepped (a shared instance) would carry another fit's state.</summary>
    private static IOptimizer CreateOptimizer(Func<IOptimizer> optimizer)
    {
        var built = optimizer() ?? throw new ArgumentException($"The {nameof(optimizer)} factory returned null.", nameof(optimizer));
        if (built.StepCount != 0)
            throw new ArgumentException(
                $"The {nameof(optimizer)} factory returned {built.Name} after {built.StepCount} steps: it must build a new optimiser on every call (e.g. () => new Adam(0.1)), not return a shared one.",
                nameof(optimizer));
        return built;
    }

    /// <summary>The rate the optimiser's next step will use (for the divergence message).</summary>
    private static double CurrentRate(IOptimizer optimizer) => optimizer.Schedule?.Rate(optimizer.StepCount) ?? optimizer.Lr;

    /// <summary>One step of the optimiser on θ = (w, b), with the gradient of J from the batch's ∂L/∂ŷ, at the optimiser's own rate.</summary>
    private (Vector<double> W, double B) OptimizerStep(IOptimizer optimizer, Vector<double> g, Matrix<double> xb, Vector<double> w, double b, int epoch)
    {
        int p = w.Count;
        var gradW = xb.TransposeThisAndMultiply(g) + 2.0 * L2 * w;   // as in the plain update
        var theta = Vector<double>.Build.Dense(p + 1);
        var gradient = Vector<double>.Build.Dense(p + 1);
        w.CopySubVectorTo(theta, 0, 0, p);
        gradW.CopySubVectorTo(gradient, 0, 0, p);
        theta[p] = b;
        gradient[p] = FitIntercept ? g.Sum() : 0.0;
        // The optimiser rejects a non-finite gradient as bad input; here it means the iterates blew up.
        if (!gradient.All(double.IsFinite)) throw new TrainingDivergedException(nameof(GradientDescentRegressor), epoch, CurrentRate(optimizer), double.PositiveInfinity);
        optimizer.Step(theta, gradient);
        return (theta.SubVector(0, p), FitIntercept ? theta[p] : 0.0);
    }

    /// <summary>J(w, b) on all rows, and the predictions it used; a non-finite value means the iterates have blown up.</summary>
    private (double J, Vector<double> YHat) Objective(Matrix<double> x, Vector<double> y, Vector<double> w, double b, int epoch, double lr)
    {
        var yHat = x * w + b;
        EnsureFinite(yHat, epoch, lr);
        double j = Loss.Value(y, yHat) + L2 * w.DotProduct(w);
        if (!double.IsFinite(j)) throw new TrainingDivergedException(nameof(GradientDescentRegressor), epoch, lr, j);
        return (j, yHat);
    }

    // Overflowing weights show up first as non-finite predictions; catch them before the loss,
    // which (rightly) rejects non-finite input with an argument error that would hide the cause.
    private static void EnsureFinite(Vector<double> yHat, int epoch, double lr)
    {
        foreach (var v in yHat)
            if (!double.IsFinite(v))
                throw new TrainingDivergedException(nameof(GradientDescentRegressor), epoch, lr, double.IsNaN(v) ? double.NaN : double.PositiveInfinity);
    }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
