using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>
/// Linear SVM trained in the primal by stochastic sub-gradient descent on the hinge loss (Pegasos,
/// Shalev-Shwartz et al. 2007; Week 6, "Primal versus dual"). Minimises the same objective as the
/// dual solver, written per sample: λ/2‖w‖² + (1/n) Σ_i max(0, 1 − y_i(wᵀx_i + b)) with λ = 1/(nC),
/// which is P(w, b)/(nC). The step 1/(λt) suits a λ-strongly convex objective; the returned model is
/// the average of the iterates over the second half of training, which removes most of the noise
/// of the last steps. The intercept is not penalised, as in the dual.
/// </summary>
public sealed class PegasosSvm : IClassifier
{
    private double[]? _w;
    private double _b;
    private double[] _objectiveHistory = [];

    public PegasosSvm(double c = 1.0, int epochs = 100, int batchSize = 1, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(c, nameof(c));
        Guard.Positive(epochs, nameof(epochs));
        Guard.Positive(batchSize, nameof(batchSize));
        C = c;
        Epochs = epochs;
        BatchSize = batchSize;
        Seed = seed;
    }

    public double C { get; }
    public int Epochs { get; }
    public int BatchSize { get; }
    public int Seed { get; }

    public bool IsFitted => _w is not null;
    public Vector<double> Coefficients { get { Fitted(nameof(Coefficients)); return Vector<double>.Build.DenseOfArray(_w!); } }
    public double Intercept { get { Fitted(nameof(Intercept)); return _b; } }
    /// <summary>P(w, b) = ½‖w‖² + C Σ hinge of the averaged model after each epoch.</summary>
    public IReadOnlyList<double> ObjectiveHistory { get { Fitted(nameof(ObjectiveHistory)); return _objectiveHistory.ToArray(); } }

    public PegasosSvm Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        int n = x.RowCount, d = x.ColumnCount;
        var rows = Kernels.Kernel.Rows(x);
        var s = y.Select(v => v == 1 ? 1.0 : -1.0).ToArray();
        double lambda = 1.0 / (n * C);
        var random = Seeded.Random(Seed);
        var w = new double[d];
        var wSum = new double[d];
        double b = 0, bSum = 0;
        int steps = 0, averaged = 0, stepsPerEpoch = (n + BatchSize - 1) / BatchSize, totalSteps = Epochs * stepsPerEpoch;
        var order = Enumerable.Range(0, n).ToArray();
        var gradW = new double[d];
        var history = new List<double>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            for (int start = 0; start < n; start += BatchSize)
            {
                int end = Math.Min(n, start + BatchSize);
                steps++;
                // <snippet name="pegasos-step">
                double eta = 1.0 / (lambda * steps);
                Array.Clear(gradW);
                double gradB = 0;
                for (int k = start; k < end; k++)
                {
                    int i = order[k];
                    double score = b;
                    for (int j = 0; j < d; j++) score += w[j] * rows[i][j];
                    if (s[i] * score < 1)   // inside the margin: the hinge is active, its subgradient is −y_i x_i
                    {
                        for (int j = 0; j < d; j++) gradW[j] -= s[i] * rows[i][j];
                        gradB -= s[i];
                    }
                }
                int m = end - start;
                for (int j = 0; j < d; j++) w[j] = (1 - eta * lambda) * w[j] - eta * gradW[j] / m;
                b -= eta * gradB / m;
                // </snippet>
                if (steps > totalSteps / 2)
                {
                    for (int j = 0; j < d; j++) wSum[j] += w[j];
                    bSum += b;
                    averaged++;
                }
            }
            var wAvg = averaged > 0 ? wSum.Select(v => v / averaged).ToArray() : (double[])w.Clone();
            double bAvg = averaged > 0 ? bSum / averaged : b;
            history.Add(HingeLoss.PrimalObjective(x, y, Vector<double>.Build.DenseOfArray(wAvg), bAvg, C));
        }
        _w = wSum.Select(v => v / averaged).ToArray();
        _b = bSum / averaged;
        _objectiveHistory = history.ToArray();
        return this;
    }

    public Vector<double> DecisionFunction(Matrix<double> x)
    {
        Fitted(nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _w!.Length, nameof(x));
        return x * Vector<double>.Build.DenseOfArray(_w) + _b;
    }

    public Vector<double> Predict(Matrix<double> x) => DecisionFunction(x).Map(f => f >= 0 ? 1.0 : 0.0);

    private void Fitted(string member) => Guard.Fitted(IsFitted, nameof(PegasosSvm), member);

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
