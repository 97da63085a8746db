using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// Lasso (L1 penalty), scikit-learn's objective: minimise (1/(2n))·||y − Xw − b||² + alpha·||w||₁,
/// by cyclic coordinate descent with soft-thresholding (Week 1, "Lasso: why L1 creates sparsity").
/// The intercept is unpenalised and fitted by centring.
/// </summary>
/// <remarks>
/// Stopping rule (scikit-learn's): after every full sweep over the coordinates we compute the duality
/// gap, an upper bound on how far the objective is above its minimum, and stop when it is at most
/// tolerance·||y_c||²/n (y_c: the centred target; ||y_c||²/(2n) is the objective at w = 0, so the
/// tolerance is relative to the problem's scale). Unlike "the largest coefficient change is small",
/// a small gap certifies the answer. Without convergence after maxIterations sweeps, the model keeps
/// the last iterate and reports Converged = false.
/// </remarks>
public sealed class LassoRegression : IRegressor
{
    private Vector<double>? _coefficients;
    private double _intercept;
    private int _iterations;
    private bool _converged;
    private double _dualityGap;

    public LassoRegression(double alpha = 1.0, bool fitIntercept = true, int maxIterations = 1000, double tolerance = 1e-4)
    {
        // alpha = 0 is ordinary least squares, where the dual problem forces Xᵀ(y − ŷ) = 0 exactly and the
        // gap never certifies convergence; use LinearRegression for it.
        Guard.Positive(alpha, nameof(alpha));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        Alpha = alpha;
        FitIntercept = fitIntercept;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
    }

    public double Alpha { get; }
    public bool FitIntercept { get; }
    /// <summary>Maximum number of full sweeps over the coordinates.</summary>
    public int MaxIterations { get; }
    /// <summary>Stop when the duality gap is at most Tolerance·||y_c||²/n.</summary>
    public double Tolerance { get; }

    public bool IsFitted => _coefficients is not null;

    public Vector<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(LassoRegression), nameof(Coefficients)); return _coefficients!.Clone(); } }
    public double Intercept { get { Guard.Fitted(IsFitted, nameof(LassoRegression), nameof(Intercept)); return _intercept; } }
    /// <summary>Full sweeps used.</summary>
    public int Iterations { get { Guard.Fitted(IsFitted, nameof(LassoRegression), nameof(Iterations)); return _iterations; } }
    /// <summary>Whether the duality gap reached the tolerance within MaxIterations sweeps.</summary>
    public bool Converged { get { Guard.Fitted(IsFitted, nameof(LassoRegression), nameof(Converged)); return _converged; } }
    /// <summary>Final duality gap, in the units of the objective above (scikit-learn's dual_gap_).</summary>
    public double DualityGap { get { Guard.Fitted(IsFitted, nameof(LassoRegression), nameof(DualityGap)); return _dualityGap; } }

    public LassoRegression Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));

        var data = Centered.From(x, y, FitIntercept);
        var solution = CoordinateDescent(data.X, data.Y, Alpha, Vector<double>.Build.Dense(x.ColumnCount), MaxIterations, Tolerance);
        _coefficients = solution.W;
        _intercept = data.Intercept(solution.W);
        _iterations = solution.Iterations;
        _converged = solution.Converged;
        _dualityGap = solution.DualityGap;
        return this;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LassoRegression), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.Count, nameof(x));
        return LinearPrediction.Predict(x, _coefficients, _intercept);
    }

    // <snippet name="lasso-soft-threshold">
    /// <summary>
    /// S(z, γ) = sign(z)·max(|z| − γ, 0): the minimiser of ½(w − z)² + γ|w|. Inside [−γ, γ] the
    /// subgradient condition 0 ∈ w − z + γ·∂|w| holds at w = 0, so small values become exactly zero —
    /// the source of the lasso's sparsity. Outside, the value moves towards 0 by γ.
    /// </summary>
    public static double SoftThreshold(double z, double gamma)
    {
        Guard.Finite(z, nameof(z));
        Guard.NonNegative(gamma, nameof(gamma));
        if (z > gamma) return z - gamma;
        if (z < -gamma) return z + gamma;
        return 0.0;
    }
    // </snippet>

    /// <summary>The solver on centred data, from a starting point (the regularisation path warm-starts it).</summary>
    internal static LassoSolution CoordinateDescent(Matrix<double> x, Vector<double> y, double alpha, Vector<double> start, int maxIterations, double tolerance)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var columns = x.ToColumnArrays();                               // p arrays of n: fast column access
        var w = start.ToArray();
        var r = (y - x * start).ToArray();                              // residual y − Xw, kept up to date
        var curvature = columns.Select(c => Dot(c, c) / n).ToArray();   // (1/n)||x_j||²
        double gapTolerance = tolerance * y.DotProduct(y) / n;
        double gap = double.PositiveInfinity;

        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            for (int j = 0; j < p; j++)
            {
                // A column of zeros never changes the fit, so the penalty alone sets its weight to 0.
                double newW = 0.0;
                if (curvature[j] > 0)
                {
                    // <snippet name="lasso-coordinate-update">
                    // With the other weights fixed, the objective in w_j is
                    //   (1/2n)||r_j − x_j w_j||² + α|w_j| + const,  r_j = r + x_j w_j (residual without feature j),
                    // = (c_j/2)(w_j − ρ_j/c_j)² + α|w_j| + const with c_j = ||x_j||²/n and ρ_j = x_jᵀr_j/n.
                    // Dividing by c_j gives the soft-threshold problem: w_j = S(ρ_j, α) / c_j.
                    double rho = Dot(columns[j], r) / n + curvature[j] * w[j];
                    newW = SoftThreshold(rho, alpha) / curvature[j];
                    // </snippet>
                }
                double change = newW - w[j];
                if (change != 0.0)
                {
                    var xj = columns[j];
                    for (int i = 0; i < n; i++) r[i] -= xj[i] * change;
                    w[j] = newW;
                }
            }
            gap = ComputeDualityGap(columns, y, w, r, alpha);
            if (gap <= gapTolerance)
                return new LassoSolution(Vector<double>.Build.DenseOfArray(w), iteration, true, gap);
        }
        return new LassoSolution(Vector<double>.Build.DenseOfArray(w), maxIterations, false, gap);
    }

    /// <summary>
    /// Primal minus dual objective. Multiplying the objective by n gives the textbook form
    /// ½||r||² + λ||w||₁ with λ = nα, whose dual is max ½||y||² − ½||y − θ||² subject to ||Xᵀθ||∞ <= λ.
    /// The scaled residual θ = s·r with s = min(1, λ/||Xᵀr||∞) is feasible, and
    /// P − D = ½(1 + s²)||r||² + λ||w||₁ − s·rᵀy. We divide by n to return to the objective's units.
    /// </summary>
    private static double ComputeDualityGap(double[][] columns, Vector<double> y, double[] w, double[] r, double alpha)
    {
        int n = r.Length;
        double lambda = n * alpha;
        double maxCorrelation = columns.Max(c => Math.Abs(Dot(c, r)));   // ||Xᵀr||∞
        double s = maxCorrelation > lambda ? lambda / maxCorrelation : 1.0;
        double rr = Dot(r, r), ry = 0.0, l1 = 0.0;
        for (int i = 0; i < n; i++) ry += r[i] * y[i];
        foreach (var wj in w) l1 += Math.Abs(wj);
        double gap = 0.5 * (1 + s * s) * rr + lambda * l1 - s * ry;
        return Math.Max(gap, 0.0) / n;                                   // rounding can make an exact 0 slightly negative
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}

internal readonly record struct LassoSolution(Vector<double> W, int Iterations, bool Converged, double DualityGap);
