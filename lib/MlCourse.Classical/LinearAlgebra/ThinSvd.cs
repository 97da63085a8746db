using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.LinearAlgebra;

/// <summary>
/// The economy ("thin") singular value decomposition A = U diag(S) Vᵀ of an n x p matrix, with
/// k = min(n, p) columns in U and V. Shared by the least-squares solver, the hat matrix and the ridge
/// path (Week 1, "Linear regression: rank and the SVD").
/// </summary>
/// <remarks>
/// MathNet's <c>Svd(true)</c> returns the full n x n U, which for a tall design (n = 10 000 rows) is an
/// 800 MB matrix we never need. A thin QR first (A = QR, Q n x p, R p x p) and an SVD of the small R
/// (R = Ur S Vᵀ) gives the same factorisation with U = Q Ur, at O(np²) cost and O(np) memory.
/// A wide matrix is handled through its transpose.
/// </remarks>
internal sealed class ThinSvd
{
    public Matrix<double> U { get; }
    public Vector<double> S { get; }
    public Matrix<double> V { get; }

    private ThinSvd(Matrix<double> u, Vector<double> s, Matrix<double> v) { U = u; S = s; V = v; }

    public static ThinSvd Of(Matrix<double> a)
    {
        if (a.RowCount >= a.ColumnCount)
        {
            var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin); // Q: (n, p), R: (p, p)
            var svd = qr.R.Svd(computeVectors: true);                                  // R = Ur S Vᵀ, all (p, p)
            return new ThinSvd(qr.Q * svd.U, svd.S, svd.VT.Transpose());
        }
        // Aᵀ = U' S V'ᵀ  =>  A = V' S U'ᵀ: the roles of U and V swap.
        var t = Of(a.Transpose());
        return new ThinSvd(t.V, t.S, t.U);
    }

    /// <summary>
    /// Singular values at or below this are treated as zero. numpy's matrix_rank rule: the largest
    /// singular value times max(n, p) times machine epsilon, i.e. the size of the rounding error an
    /// SVD of this matrix can make. (scipy's lstsq, used by scikit-learn, cuts at eps·s_max; on a
    /// duplicated column both agree, because the computed "zero" is about 1e-17·s_max.)
    /// </summary>
    public double Tolerance(int rowCount, int columnCount) =>
        S.Count == 0 ? 0.0 : S.Maximum() * Math.Max(rowCount, columnCount) * MachineEpsilon;

    /// <summary>2^-52, the gap between 1 and the next double (numpy's finfo(float).eps).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    public int Rank(int rowCount, int columnCount)
    {
        double tol = Tolerance(rowCount, columnCount);
        return S.Count(s => s > tol);
    }
}
