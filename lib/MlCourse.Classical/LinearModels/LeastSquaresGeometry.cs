using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// The geometry of least squares, for checking it numerically (Week 1, "Geometric interpretation:
/// projection onto the column space"): the fitted values ŷ are the orthogonal projection of y onto the
/// span of the design's columns, ŷ = P y, with P symmetric (Pᵀ = P) and idempotent (P² = P), and the
/// residual y − ŷ is orthogonal to every column.
/// </summary>
public static class LeastSquaresGeometry
{
    /// <summary>
    /// The design matrix the model really uses: with an intercept, a column of ones first, [1 | X]
    /// (n x (p+1)); without, a copy of X.
    /// </summary>
    public static Matrix<double> DesignMatrix(Matrix<double> x, bool fitIntercept = true)
    {
        Guard.Matrix(x, nameof(x));
        if (!fitIntercept) return x.Clone();
        var ones = Matrix<double>.Build.Dense(x.RowCount, 1, 1.0);
        return ones.Append(x);                                    // (n, p + 1)
    }

    /// <summary>
    /// The hat (projection) matrix P = A(AᵀA)⁻¹Aᵀ of the design A = <see cref="DesignMatrix"/> — it
    /// "puts the hat on y". Computed as U_r U_rᵀ from the thin SVD A = U S Vᵀ (U_r: columns of U with
    /// non-zero singular values): substituting the SVD into the textbook formula gives U Uᵀ when A has
    /// full column rank, and U_r U_rᵀ still projects onto the column space when it does not, where
    /// (AᵀA)⁻¹ would not exist. n x n, so meant for small n (a notebook check), not for production.
    /// </summary>
    public static Matrix<double> HatMatrix(Matrix<double> x, bool fitIntercept = true)
    {
        var basis = ColumnSpaceBasis(DesignMatrix(x, fitIntercept));  // (n, r), orthonormal columns
        return basis.TransposeAndMultiply(basis);                     // U_r U_rᵀ: (n, n)
    }

    /// <summary>ŷ = P y, computed as U_r (U_rᵀ y) without forming the n x n matrix P.</summary>
    public static Vector<double> Project(Matrix<double> x, Vector<double> y, bool fitIntercept = true)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var basis = ColumnSpaceBasis(DesignMatrix(x, fitIntercept));
        return basis * basis.TransposeThisAndMultiply(y);
    }

    /// <summary>
    /// Aᵀ(y − ŷ): the inner product of the residual with every column of the design (the intercept's
    /// column of ones first when <paramref name="fitIntercept"/>). The normal equation says this is 0
    /// at the least-squares solution, up to rounding.
    /// </summary>
    public static Vector<double> ResidualColumnProducts(Matrix<double> x, Vector<double> y, Vector<double> yHat, bool fitIntercept = true)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.Vector(yHat, nameof(yHat));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.SameLength(y, yHat, nameof(y), nameof(yHat));
        return DesignMatrix(x, fitIntercept).TransposeThisAndMultiply(y - yHat);
    }

    private static Matrix<double> ColumnSpaceBasis(Matrix<double> a)
    {
        var svd = ThinSvd.Of(a);
        int r = svd.Rank(a.RowCount, a.ColumnCount);
        return svd.U.SubMatrix(0, a.RowCount, 0, r);
    }
}
