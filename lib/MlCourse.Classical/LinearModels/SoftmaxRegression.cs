using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Optimization;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// Multinomial logistic (softmax) regression: P(y = k | x) = softmax(Wᵀx + b)_k over K classes, fitted by
/// minimising mean categorical cross-entropy + (alpha/2)·||W||², intercepts unpenalised
/// (Week 2, "Multiclass: softmax regression").
/// </summary>
/// <remarks>
/// scikit-learn's LogisticRegression(multi_class='multinomial') minimises C·Σ_i loss_i + ½||W||²_F, the same
/// minimiser as ours with alpha = 1/(C·n). Adding a constant to every intercept changes no probability; like
/// scikit-learn we report the intercepts that sum to 0. Lbfgs (<see cref="LbfgsOptimizer"/>) builds no Hessian and is
/// the fast choice on many samples and features (a 505 x 505 Hessian per Newton step at 100 features, 5 classes).
/// Newton needs alpha > 0: without a penalty, adding the
/// same vector to every column of W changes no probability either, and the Hessian is singular.
/// </remarks>
public sealed class SoftmaxRegression : IProbabilisticClassifier
{
    private Matrix<double>? _coefficients;
    private Vector<double>? _intercepts;
    private int _iterations;
    private bool _converged;
    private double[] _lossHistory = [];

    public SoftmaxRegression(double alpha = 0.01, LogisticSolver solver = LogisticSolver.Newton, bool fitIntercept = true,
        int maxIterations = 1000, double tolerance = 1e-8, double? lr = null)
    {
        Guard.Defined(solver, nameof(solver));
        Guard.NonNegative(alpha, nameof(alpha));
        if (solver == LogisticSolver.Newton && alpha == 0)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha,
                $"{nameof(alpha)} must be positive with the Newton solver: without a penalty the softmax Hessian is singular (adding one vector to every class's weights changes no probability). Use alpha > 0 or LogisticSolver.GradientDescent.");
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        if (lr is { } step) Guard.Positive(step, nameof(lr));
        Alpha = alpha;
        Solver = solver;
        FitIntercept = fitIntercept;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
        Lr = lr;
    }

    /// <summary>L2 strength on W; scikit-learn's C = 1/(Alpha·n).</summary>
    public double Alpha { get; }
    public LogisticSolver Solver { get; }
    public bool FitIntercept { get; }
    public int MaxIterations { get; }
    /// <summary>Stop when the gradient's largest entry is at most this.</summary>
    public double Tolerance { get; }
    /// <summary>Gradient-descent step; null means 1/L with L = λ_max(X̃ᵀX̃)/(2n) + alpha.</summary>
    public double? Lr { get; }

    public bool IsFitted => _coefficients is not null;

    /// <summary>W, (p, K): column k holds class k's weights.</summary>
    public Matrix<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(Coefficients)); return _coefficients!.Clone(); } }
    /// <summary>b, (K), summing to 0 (0 everywhere without an intercept).</summary>
    public Vector<double> Intercepts { get { Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(Intercepts)); return _intercepts!.Clone(); } }
    public int ClassCount { get { Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(ClassCount)); return _intercepts!.Count; } }
    public int Iterations { get { Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(Iterations)); return _iterations; } }
    public bool Converged { get { Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(Converged)); return _converged; } }
    /// <summary>The penalised objective at θ = 0 (log K) and after every step.</summary>
    public IReadOnlyList<double> LossHistory { get { Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(LossHistory)); return _lossHistory.ToArray(); } }

    public SoftmaxRegression Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        int k = ClassLabels.Multiclass(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));

        var objective = new SoftmaxObjective(x, y, k, Alpha, FitIntercept);
        var start = Vector<double>.Build.Dense(objective.ParameterCount);
        NewtonResult result;
        if (Solver == LogisticSolver.Newton)
        {
            // The Hessian H is singular along v = (0_W, 1_K) (see SoftmaxObjective), but the gradient is
            // orthogonal to v. Solving (H + vvᵀ)d = −g gives the Newton step with no component along v:
            // writing d = d⊥ + c·v, the v-component of the equation reads c·||v||² = 0. H + vvᵀ is positive
            // definite when alpha > 0, so Cholesky works, and the intercepts keep summing to 0.
            Func<Vector<double>, Matrix<double>> hessian = objective.Hessian;
            if (FitIntercept)
            {
                var v = Vector<double>.Build.Dense(objective.ParameterCount, j => j >= x.ColumnCount * k ? 1.0 : 0.0);
                var vvT = v.OuterProduct(v);
                hessian = theta => objective.Hessian(theta) + vvT;
            }
            result = NewtonOptimizer.Minimize(objective.Value, objective.Gradient, hessian, start, MaxIterations, Tolerance);
        }
        else if (Solver == LogisticSolver.Lbfgs)
        {
            // Gradients only. Every gradient is orthogonal to the singular direction v (see above) and θ starts at 0,
            // so every step, a combination of gradients, keeps the intercepts summing to 0; alpha = 0 is allowed.
            result = LbfgsOptimizer.Minimize(objective.Value, objective.Gradient, start, MaxIterations, Tolerance);
        }
        else
        {
            double step = Lr ?? 1.0 / objective.LipschitzBound();
            result = LogisticProximalGradient.Minimize(objective.Value, objective.Gradient, 0.0,
                Vector<double>.Build.Dense(objective.ParameterCount), step, start, MaxIterations, Tolerance, nameof(SoftmaxRegression));
        }
        var parameters = objective.ToMatrix(result.Minimizer);                   // (p+1, K) or (p, K)
        _coefficients = parameters.SubMatrix(0, x.ColumnCount, 0, k);
        var b = FitIntercept ? parameters.Row(x.ColumnCount) : Vector<double>.Build.Dense(k);
        _intercepts = b - b.Sum() / k;   // already ≈ 0-sum from θ = 0; remove rounding drift
        _iterations = result.Iterations;
        _converged = result.Converged;
        _lossHistory = result.LossHistory.ToArray();
        return this;
    }

    /// <summary>Logits Z = XW + 1bᵀ, (n, K).</summary>
    public Matrix<double> DecisionFunction(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.RowCount, nameof(x));
        var z = x * _coefficients;                                               // (n, K)
        for (int i = 0; i < z.RowCount; i++) z.SetRow(i, z.Row(i) + _intercepts!);
        return z;
    }

    /// <summary>Class probabilities, (n, K), each row a softmax.</summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(PredictProbability));
        return SoftmaxFunctions.SoftmaxRows(DecisionFunction(x));
    }

    /// <summary>The class with the largest logit (the largest probability), the first on a tie.</summary>
    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(SoftmaxRegression), nameof(Predict));
        var z = DecisionFunction(x);
        return Vector<double>.Build.Dense(z.RowCount, i => z.Row(i).MaximumIndex());
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
