using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MlCourse.Classical.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>How <see cref="LinearRegression"/> solves min ||y − Xw||².</summary>
public enum LeastSquaresSolver
{
    /// <summary>Solve XᵀX w = Xᵀy by Cholesky. Squares the condition number; needs full column rank.</summary>
    NormalEquation,
    /// <summary>X = QR, then R w = Qᵀy. Works on X directly (condition number not squared); needs full column rank.</summary>
    Qr,
    /// <summary>X = U S Vᵀ, then w = V S⁺ Uᵀ y: the minimum-norm solution, also when X is rank-deficient (as scikit-learn).</summary>
    Svd,
}

/// <summary>
/// Ordinary least squares: minimise ||y − Xw − b||² (Week 1, "Linear regression with the normal
/// equation"). The intercept is fitted by centring (see <c>Centering.cs</c>), so the solvers only
/// ever see the centred design.
/// </summary>
public sealed class LinearRegression : IRegressor
{
    private Vector<double>? _coefficients;
    private double _intercept;
    private int _rank;
    private Vector<double>? _singularValues;

    public LinearRegression(bool fitIntercept = true, LeastSquaresSolver solver = LeastSquaresSolver.Svd)
    {
        Guard.Defined(solver, nameof(solver));
        FitIntercept = fitIntercept;
        Solver = solver;
    }

    public bool FitIntercept { get; }
    public LeastSquaresSolver Solver { get; }

    public bool IsFitted => _coefficients is not null;

    /// <summary>Learned weights w, one per feature.</summary>
    public Vector<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(LinearRegression), nameof(Coefficients)); return _coefficients!.Clone(); } }

    /// <summary>Learned intercept b (0 when FitIntercept is false).</summary>
    public double Intercept { get { Guard.Fitted(IsFitted, nameof(LinearRegression), nameof(Intercept)); return _intercept; } }

    /// <summary>Numerical rank of the (centred) design; fewer than the feature count means some columns are redundant.</summary>
    public int Rank { get { Guard.Fitted(IsFitted, nameof(LinearRegression), nameof(Rank)); return _rank; } }

    /// <summary>Singular values of the (centred) design, largest first; their ratio is the condition number.</summary>
    public Vector<double> SingularValues { get { Guard.Fitted(IsFitted, nameof(LinearRegression), nameof(SingularValues)); return _singularValues!.Clone(); } }

    public LinearRegression Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));

        var data = Centered.From(x, y, FitIntercept);
        var svd = ThinSvd.Of(data.X);
        int rank = svd.Rank(data.X.RowCount, data.X.ColumnCount);
        if (Solver != LeastSquaresSolver.Svd && rank < data.X.ColumnCount)
            throw new ArgumentException(
                $"LinearRegression with solver {Solver} needs x to have full column rank, but the {(FitIntercept ? "centred " : "")}design " +
                $"({Guard.Shape(x)}) has rank {rank} for {data.X.ColumnCount} columns: some columns are linear combinations of others " +
                $"(duplicated or constant features, or fewer samples than features), so XᵀX is singular and (XᵀX)⁻¹ does not exist. " +
                $"Use solver: LeastSquaresSolver.Svd (minimum-norm solution) or RidgeRegression.", nameof(x));

        var w = Solver switch
        {
            LeastSquaresSolver.NormalEquation => SolveNormalEquation(data.X, data.Y, svd),
            LeastSquaresSolver.Qr => SolveQr(data.X, data.Y),
            _ => SolveMinimumNorm(svd, data.Y, svd.Tolerance(data.X.RowCount, data.X.ColumnCount)),
        };

        _coefficients = w;
        _intercept = data.Intercept(w);
        _rank = rank;
        _singularValues = svd.S.Clone();
        return this;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LinearRegression), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.Count, nameof(x));
        return LinearPrediction.Predict(x, _coefficients, _intercept);
    }

    private static Vector<double> SolveNormalEquation(Matrix<double> x, Vector<double> y, ThinSvd svd)
    {
        try
        {
            return NormalEquation(x, y);
        }
        catch (ArgumentException)
        {
            // Full rank by the SVD test, yet not numerically positive definite: the normal equation
            // squares the condition number, so cond(X) ≈ 1e8 already exhausts double precision.
            double cond = svd.S.Maximum() / svd.S.Minimum();
            throw new ArgumentException(
                $"The normal equation failed: XᵀX is not numerically positive definite. cond(X) is {cond:G3}, so cond(XᵀX) = cond(X)² is {cond * cond:G3}, " +
                $"beyond what double precision resolves. Standardise the features (StandardScaler) or use LeastSquaresSolver.Qr or Svd.", nameof(x));
        }
    }

    private static Vector<double> NormalEquation(Matrix<double> x, Vector<double> y)
    {
        // <snippet name="normal-equation">
        // Setting the gradient of ||y − Xw||² to zero: −2Xᵀ(y − Xw) = 0  =>  XᵀX w = Xᵀy.
        // The textbook writes w = (XᵀX)⁻¹Xᵀy; we solve the system instead of forming the inverse:
        // XᵀX is symmetric positive definite (full column rank), so a Cholesky solve is cheaper and
        // more accurate than inverting.
        var gram = x.TransposeThisAndMultiply(x);       // XᵀX: (p, p)
        var moment = x.TransposeThisAndMultiply(y);     // Xᵀy: (p)
        return gram.Cholesky().Solve(moment);           // throws ArgumentException if not positive definite
        // </snippet>
    }

    private static Vector<double> SolveQr(Matrix<double> x, Vector<double> y)
    {
        // <snippet name="qr-solve">
        // X = QR with orthonormal Q: ||y − Xw||² = ||Qᵀy − Rw||² + ||(I − QQᵀ)y||², minimised by the
        // triangular system R w = Qᵀy. cond(R) = cond(X), not its square as in the normal equation.
        var qr = x.QR(QRMethod.Thin);                   // Q: (n, p), R: (p, p)
        var qty = qr.Q.TransposeThisAndMultiply(y);    // Qᵀy: (p)
        var w = Vector<double>.Build.Dense(x.ColumnCount);
        for (int i = w.Count - 1; i >= 0; i--)          // back substitution: R is upper triangular
        {
            double sum = qty[i];
            for (int j = i + 1; j < w.Count; j++) sum -= qr.R[i, j] * w[j];
            w[i] = sum / qr.R[i, i];
        }
        return w;
        // </snippet>
    }

    private static Vector<double> SolveMinimumNorm(ThinSvd svd, Vector<double> y, double tolerance)
    {
        // <snippet name="svd-min-norm">
        // X = U S Vᵀ: the residual is smallest for any w with S Vᵀw = Uᵀy on the non-zero singular
        // values; setting the components along zero singular values to 0 gives the solution of
        // smallest ||w||: w = Σ_{s_i > tol} v_i (u_iᵀy) / s_i (the pseudo-inverse, X⁺y).
        var w = Vector<double>.Build.Dense(svd.V.RowCount);
        for (int i = 0; i < svd.S.Count; i++)
            if (svd.S[i] > tolerance)
                w += svd.V.Column(i) * (svd.U.Column(i).DotProduct(y) / svd.S[i]);
        return w;
        // </snippet>
    }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
