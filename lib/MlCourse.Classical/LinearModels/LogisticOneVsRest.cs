using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// One-vs-rest: K independent binary logistic regressions, "class k or not", combined by taking the most
/// confident (Week 2, "One-vs-rest vs softmax").
/// </summary>
/// <remarks>
/// Each classifier sees its class as 1 and every other as 0, with the same hyper-parameters as
/// <see cref="LogisticRegression"/>. The K sigmoids are not a distribution (they need not sum to 1), so
/// probabilities are σ(z_k) divided by their row sum, as scikit-learn's multi_class='ovr' does. Unlike softmax,
/// the K models are fitted separately, so the scores of different classes are not calibrated against each other.
/// </remarks>
public sealed class LogisticOneVsRest : IProbabilisticClassifier
{
    private Matrix<double>? _coefficients;
    private Vector<double>? _intercepts;
    private bool[] _converged = [];

    public LogisticOneVsRest(LogisticPenalty penalty = LogisticPenalty.L2, double alpha = 0.01, double l1Ratio = 0.5,
        LogisticSolver solver = LogisticSolver.Newton, bool fitIntercept = true, int maxIterations = 1000, double tolerance = 1e-8)
    {
        // Building one binary model validates every hyper-parameter with LogisticRegression's own messages.
        _ = new LogisticRegression(penalty, alpha, l1Ratio, solver, fitIntercept, maxIterations, tolerance);
        Penalty = penalty;
        Alpha = alpha;
        L1Ratio = l1Ratio;
        Solver = solver;
        FitIntercept = fitIntercept;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
    }

    public LogisticPenalty Penalty { get; }
    public double Alpha { get; }
    public double L1Ratio { get; }
    public LogisticSolver Solver { get; }
    public bool FitIntercept { get; }
    public int MaxIterations { get; }
    public double Tolerance { get; }

    public bool IsFitted => _coefficients is not null;

    /// <summary>(p, K): column k holds the weights of "class k vs the rest".</summary>
    public Matrix<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Coefficients)); return _coefficients!.Clone(); } }
    public Vector<double> Intercepts { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Intercepts)); return _intercepts!.Clone(); } }
    /// <summary>Whether each binary model converged.</summary>
    public IReadOnlyList<bool> Converged { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Converged)); return _converged.ToArray(); } }

    public LogisticOneVsRest Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        int k = ClassLabels.Multiclass(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var w = Matrix<double>.Build.Dense(x.ColumnCount, k);
        var b = Vector<double>.Build.Dense(k);
        var converged = new bool[k];
        for (int c = 0; c < k; c++)
        {
            var binary = y.Map(v => v == c ? 1.0 : 0.0);                         // class c against the rest
            var model = new LogisticRegression(Penalty, Alpha, L1Ratio, Solver, FitIntercept, MaxIterations, Tolerance).Fit(x, binary);
            w.SetColumn(c, model.Coefficients);
            b[c] = model.Intercept;
            converged[c] = model.Converged;
        }
        _coefficients = w;
        _intercepts = b;
        _converged = converged;
        return this;
    }

    /// <summary>The K binary logits, (n, K).</summary>
    public Matrix<double> DecisionFunction(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.RowCount, nameof(x));
        var z = x * _coefficients;
        for (int i = 0; i < z.RowCount; i++) z.SetRow(i, z.Row(i) + _intercepts!);
        return z;
    }

    /// <summary>σ(z_k) normalised over k, (n, K).</summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(PredictProbability));
        var p = DecisionFunction(x).Map(Sigmoid.Of);
        for (int i = 0; i < p.RowCount; i++) p.SetRow(i, p.Row(i) / p.Row(i).Sum());
        return p;
    }

    /// <summary>The class whose binary model gives the largest logit, the first on a tie.</summary>
    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Predict));
        var z = DecisionFunction(x);
        return Vector<double>.Build.Dense(z.RowCount, i => z.Row(i).MaximumIndex());
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
