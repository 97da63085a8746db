using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// Ridge regression (L2 penalty), scikit-learn's objective: minimise ||y − Xw − b||² + alpha·||w||²
/// (Week 1, "Ridge regression: why L2 shrinks weights"). The intercept is not penalised: it is fitted
/// by centring, exactly as scikit-learn's Ridge does, so shifting y shifts b and leaves w alone.
/// </summary>
/// <remarks>
/// The objective has no 1/n, so the same alpha means a weaker penalty on a larger data set. Compare
/// <see cref="LassoRegression"/>, whose data term is divided by 2n (also scikit-learn's choice).
/// </remarks>
public sealed class RidgeRegression : IRegressor
{
    private Vector<double>? _coefficients;
    private double _intercept;

    public RidgeRegression(double alpha = 1.0, bool fitIntercept = true)
    {
        Guard.NonNegative(alpha, nameof(alpha));
        Alpha = alpha;
        FitIntercept = fitIntercept;
    }

    /// <summary>Penalty strength (>= 0). 0 is ordinary least squares and needs full column rank.</summary>
    public double Alpha { get; }
    public bool FitIntercept { get; }

    public bool IsFitted => _coefficients is not null;

    public Vector<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(RidgeRegression), nameof(Coefficients)); return _coefficients!.Clone(); } }
    public double Intercept { get { Guard.Fitted(IsFitted, nameof(RidgeRegression), nameof(Intercept)); return _intercept; } }

    public RidgeRegression Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));

        var data = Centered.From(x, y, FitIntercept);
        Vector<double> w;
        try
        {
            w = Solve(data.X, data.Y, Alpha);
        }
        catch (ArgumentException) when (Alpha == 0)
        {
            // Only alpha = 0 can get here: XᵀX + 0·I is singular exactly when X lacks full column rank.
            throw new ArgumentException(
                $"RidgeRegression with alpha = 0 is ordinary least squares and needs x ({Guard.Shape(x)}) to have full column rank, " +
                "but XᵀX is singular (duplicated or constant columns, or fewer samples than features). Use alpha > 0, " +
                "or LinearRegression with LeastSquaresSolver.Svd for the minimum-norm solution.", nameof(x));
        }
        _coefficients = w;
        _intercept = data.Intercept(w);
        return this;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(RidgeRegression), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.Count, nameof(x));
        return LinearPrediction.Predict(x, _coefficients, _intercept);
    }

    private static Vector<double> Solve(Matrix<double> x, Vector<double> y, double alpha)
    {
        // <snippet name="ridge-closed-form">
        // ∇_w (||y − Xw||² + α||w||²) = −2Xᵀ(y − Xw) + 2αw = 0  =>  (XᵀX + αI) w = Xᵀy.
        // For α > 0 the matrix is symmetric positive definite (its eigenvalues are those of XᵀX, all
        // >= 0, plus α), so it is always invertible, even with duplicated columns or p > n, and a
        // Cholesky solve is the stable way to use it.
        var gram = x.TransposeThisAndMultiply(x);                      // XᵀX: (p, p)
        var a = gram + alpha * Matrix<double>.Build.DenseIdentity(x.ColumnCount);
        var w = a.Cholesky().Solve(x.TransposeThisAndMultiply(y));     // (p)
        // </snippet>
        return w;
    }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
