using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Optimization;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// Binary logistic regression: P(y = 1 | x) = σ(wᵀx + b), fitted by minimising
/// (1/n) Σ_i log-loss_i + alpha·(ρ||w||₁ + (1 − ρ)/2·||w||²) with the intercept unpenalised
/// (Week 2, "Binary logistic regression from scratch").
/// </summary>
/// <remarks>
/// scikit-learn's LogisticRegression minimises C·Σ_i log-loss_i + (1 − ρ)/2·||w||² + ρ||w||₁ (ρ = 0 for
/// penalty='l2', 1 for 'l1'). Dividing by C·n does not move the minimiser and gives our objective with
/// alpha = 1/(C·n): the same model as scikit-learn's with C = 1/(alpha·n).
/// Solvers: Newton (IRLS; see <see cref="NewtonOptimizer"/>) and Lbfgs (<see cref="LbfgsOptimizer"/>, gradients only:
/// faster on many samples and features) for None and L2; GradientDescent (proximal
/// for L1 and ElasticNet) for all penalties, with step lr or, by default, 1/L for the curvature bound L.
/// Without a penalty on linearly separable data the loss has no minimiser (it keeps falling as ||w|| grows);
/// the fit then stops at maxIterations with Converged = false.
/// </remarks>
public sealed class LogisticRegression : IProbabilisticClassifier
{
    private Vector<double>? _coefficients;
    private double _intercept;
    private int _iterations;
    private bool _converged;
    private double[] _lossHistory = [];

    public LogisticRegression(LogisticPenalty penalty = LogisticPenalty.L2, double alpha = 0.01, double l1Ratio = 0.5,
        LogisticSolver solver = LogisticSolver.Newton, bool fitIntercept = true, int maxIterations = 1000,
        double tolerance = 1e-8, double? lr = null, ClassWeight? classWeight = null)
    {
        Guard.Defined(penalty, nameof(penalty));
        Guard.Defined(solver, nameof(solver));
        Guard.NonNegative(alpha, nameof(alpha));
        Guard.InRange(l1Ratio, 0.0, 1.0, nameof(l1Ratio));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        if (lr is { } step) Guard.Positive(step, nameof(lr));
        if (solver is LogisticSolver.Newton or LogisticSolver.Lbfgs && penalty is LogisticPenalty.L1 or LogisticPenalty.ElasticNet)
            throw new ArgumentException(
                $"{nameof(solver)} {solver} needs a differentiable objective, but penalty {penalty} has an L1 part (|w| has no derivative at 0). Use LogisticSolver.GradientDescent (proximal gradient).", nameof(solver));
        Penalty = penalty;
        Alpha = alpha;
        L1Ratio = l1Ratio;
        Solver = solver;
        FitIntercept = fitIntercept;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
        Lr = lr;
        ClassWeight = classWeight ?? ClassWeight.Uniform;
    }

    public LogisticPenalty Penalty { get; }
    /// <summary>Penalty strength; scikit-learn's C = 1/(Alpha·n). Unused when Penalty is None.</summary>
    public double Alpha { get; }
    /// <summary>ρ, the L1 share of the elastic-net penalty (used only by ElasticNet).</summary>
    public double L1Ratio { get; }
    public LogisticSolver Solver { get; }
    public bool FitIntercept { get; }
    /// <summary>Maximum Newton, L-BFGS or gradient steps.</summary>
    public int MaxIterations { get; }
    /// <summary>Stop when ||∇f||∞ (Newton, L-BFGS) or the gradient mapping norm (gradient descent) is at most this.</summary>
    public double Tolerance { get; }
    /// <summary>Gradient-descent step; null means 1/L with L = λ_max(X̃ᵀX̃)/(4n) + L2 part, which never overshoots.</summary>
    public double? Lr { get; }
    /// <summary>How much each class counts in the loss (Week 4, imbalanced data); uniform by default.</summary>
    public ClassWeight ClassWeight { get; }

    /// <summary>The L1 and L2 strengths that Penalty, Alpha and L1Ratio imply.</summary>
    public (double L1, double L2) PenaltyWeights => Penalty switch
    {
        LogisticPenalty.None => (0.0, 0.0),
        LogisticPenalty.L2 => (0.0, Alpha),
        LogisticPenalty.L1 => (Alpha, 0.0),
        _ => (Alpha * L1Ratio, Alpha * (1 - L1Ratio)),
    };

    public bool IsFitted => _coefficients is not null;

    public Vector<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(Coefficients)); return _coefficients!.Clone(); } }
    public double Intercept { get { Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(Intercept)); return _intercept; } }
    /// <summary>Newton or gradient steps taken.</summary>
    public int Iterations { get { Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(Iterations)); return _iterations; } }
    public bool Converged { get { Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(Converged)); return _converged; } }
    /// <summary>The penalised objective at the start (θ = 0, value log 2) and after every step.</summary>
    public IReadOnlyList<double> LossHistory { get { Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(LossHistory)); return _lossHistory.ToArray(); } }

    public LogisticRegression Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));

        var (l1, l2) = PenaltyWeights;
        var objective = new LogisticObjective(x, y, l2, FitIntercept,
            ClassWeight.IsUniform ? null : ClassWeight.SampleWeights(y, classCount: 2));
        var start = Vector<double>.Build.Dense(objective.ParameterCount);
        NewtonResult result;
        if (Solver == LogisticSolver.Newton)
        {
            result = NewtonOptimizer.Minimize(objective.Value, objective.Gradient, objective.Hessian, start, MaxIterations, Tolerance);
        }
        else if (Solver == LogisticSolver.Lbfgs)
        {
            result = LbfgsOptimizer.Minimize(objective.Value, objective.Gradient, start, MaxIterations, Tolerance);
        }
        else
        {
            var mask = Vector<double>.Build.Dense(objective.ParameterCount, j => j < x.ColumnCount ? 1.0 : 0.0);
            double step = Lr ?? 1.0 / objective.LipschitzBound();
            result = LogisticProximalGradient.Minimize(objective.Value, objective.Gradient, l1, mask, step, start,
                MaxIterations, Tolerance, nameof(LogisticRegression));
        }
        var theta = result.Minimizer;
        _coefficients = theta.SubVector(0, x.ColumnCount);
        _intercept = FitIntercept ? theta[x.ColumnCount] : 0.0;
        _iterations = result.Iterations;
        _converged = result.Converged;
        _lossHistory = result.LossHistory.ToArray();
        return this;
    }

    /// <summary>The logits z = Xw + b, log-odds of class 1.</summary>
    public Vector<double> DecisionFunction(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.Count, nameof(x));
        return x * _coefficients + _intercept;
    }

    /// <summary>(n, 2): column 1 is P(y = 1 | x) = σ(z), column 0 is σ(−z) = 1 − σ(z) (computed as σ(−z), which keeps its digits when σ(z) is near 1).</summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(PredictProbability));
        return Sigmoid.TwoClassProbabilities(DecisionFunction(x));
    }

    /// <summary>Label 1 where z > 0 (probability above ½), else 0 — scikit-learn's rule, ties go to 0.</summary>
    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticRegression), nameof(Predict));
        return DecisionFunction(x).Map(z => z > 0 ? 1.0 : 0.0);
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
