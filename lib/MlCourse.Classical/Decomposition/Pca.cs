using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MlCourse.Classical.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Decomposition;

/// <summary>
/// Principal component analysis by the spectral decomposition of the centred data (Week 7, sections 2-5:
/// "PCA", "Maximum variance = minimum reconstruction error", "PCA by the SVD", "Whitening"). With Xc = X − mean = U S Vᵀ, the rows of Vᵀ are the
/// eigenvectors of the covariance XcᵀXc / (n − 1) and S² / (n − 1) its eigenvalues. Tall data (n ≥ p, the usual case)
/// take the eigendecomposition of the p x p Gram matrix XcᵀXc, which is fast; wide data take the thin SVD. The Gram
/// matrix squares the condition number: see <c>CovarianceEigen</c> for what that costs and how it is handled.
/// </summary>
/// <remarks>
/// Signs follow scikit-learn 1.2.1's <c>svd_flip</c>: each component is oriented so that the largest-magnitude
/// entry of its column of U is positive, which makes the result deterministic (an eigenvector's sign is not).
/// <see cref="Whiten"/> scales the scores to unit variance; <see cref="InverseTransform"/> undoes that too.
/// </remarks>
public sealed class Pca : ITransformer
{
    private Vector<double>? _mean;
    private Matrix<double>? _components;      // (k, p): rows are principal axes
    private Vector<double>? _explained;        // (k,)
    private Vector<double>? _allExplained;     // (min(n, p),): the whole spectrum, for ComponentsToExplain
    private Vector<double>? _singular;
    private double _totalVariance;

    /// <param name="nComponents">Components to keep; null keeps min(n, p).</param>
    /// <param name="whiten">Divide each score by the square root of its component's variance.</param>
    public Pca(int? nComponents = null, bool whiten = false)
    {
        if (nComponents is int k) Guard.Positive(k, nameof(nComponents));
        NComponents = nComponents;
        Whiten = whiten;
    }

    public int? NComponents { get; }
    public bool Whiten { get; }
    public bool IsFitted => _components is not null;

    public Vector<double> Mean => Get(_mean, nameof(Mean)).Clone();
    /// <summary>k x p: row c is the c-th principal axis (unit length, orthogonal to the others).</summary>
    public Matrix<double> Components => Get(_components, nameof(Components)).Clone();
    /// <summary>Variance of the data along each kept axis: S² / (n − 1), the covariance eigenvalues.</summary>
    public Vector<double> ExplainedVariance => Get(_explained, nameof(ExplainedVariance)).Clone();
    /// <summary>ExplainedVariance divided by the total variance (trace of the covariance).</summary>
    public Vector<double> ExplainedVarianceRatio => Get(_explained, nameof(ExplainedVarianceRatio)) / _totalVariance;
    public Vector<double> SingularValues => Get(_singular, nameof(SingularValues)).Clone();

    // <snippet name="pca-fit">
    public Pca Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        int n = x.RowCount, p = x.ColumnCount, r = Math.Min(n, p);
        Guard.HasAtLeast(n, 2, nameof(x), "rows", "to estimate a variance");
        if (NComponents is int want && want > r)
            throw new ArgumentException($"NComponents = {want} must be at most min(rows, columns) = min({n}, {p}) = {r}.", nameof(x));
        int k = NComponents ?? r;
        var mean = x.ColumnSums() / n;
        var xc = Centred(x, mean);                                  // column-major n x p
        var (v, all, singular) = n >= p ? CovarianceEigen(xc, n, p) : SvdOfWide(Matrix<double>.Build.Dense(n, p, xc));
        for (int c = 0; c < k; c++)
        {
            // svd_flip: the sign of an eigenvector is arbitrary; fix it by U's largest entry, U[:, c] ∝ Xc v_c.
            var u = new double[n];
            for (int j = 0; j < p; j++) SpanMath.AddScaled(u, v[j, c], xc.AsSpan(j * n, n));
            int top = 0;
            for (int i = 1; i < n; i++) if (Math.Abs(u[i]) > Math.Abs(u[top])) top = i;
            if (u[top] < 0) v.SetColumn(c, -v.Column(c));
        }
        _mean = mean;
        _components = v.SubMatrix(0, p, 0, k).Transpose();        // (k, p)
        _allExplained = all;
        _explained = all.SubVector(0, k);
        _singular = singular.SubVector(0, k);
        _totalVariance = all.Sum();
        return this;
    }

    /// <summary>Scores Z = (X − mean) Vₖ (n x k), divided by sqrt(ExplainedVariance) when whitening.</summary>
    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(Pca), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _mean!.Count, nameof(x));
        var z = Centre(x) * _components!.Transpose();
        if (Whiten) for (int c = 0; c < z.ColumnCount; c++) z.SetColumn(c, z.Column(c) / Math.Sqrt(_explained![c]));
        return z;
    }

    /// <summary>Back to feature space: X̂ = Z Vₖᵀ + mean, the closest point to x in the k-dimensional affine subspace.</summary>
    public Matrix<double> InverseTransform(Matrix<double> z)
    {
        Guard.Fitted(IsFitted, nameof(Pca), nameof(InverseTransform));
        Guard.Matrix(z, nameof(z));
        Guard.FeatureCount(z, _components!.RowCount, nameof(z));
        var scores = z.Clone();
        if (Whiten) for (int c = 0; c < scores.ColumnCount; c++) scores.SetColumn(c, scores.Column(c) * Math.Sqrt(_explained![c]));
        var back = scores * _components;
        for (int i = 0; i < back.RowCount; i++) back.SetRow(i, back.Row(i) + _mean!);
        return back;
    }
    // </snippet>

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    /// <summary>Mean over rows of ‖x − X̂‖²: what the kept components fail to reconstruct.</summary>
    public double ReconstructionError(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(Pca), nameof(ReconstructionError));
        var diff = x - InverseTransform(Transform(x));
        return diff.PointwisePower(2).RowSums().Sum() / x.RowCount;
    }

    /// <summary>
    /// Smallest number of components whose cumulative explained-variance ratio reaches <paramref name="fraction"/>,
    /// counted over the whole spectrum (not only the kept components).
    /// </summary>
    public int ComponentsToExplain(double fraction)
    {
        Guard.Fitted(IsFitted, nameof(Pca), nameof(ComponentsToExplain));
        Guard.InOpenRange(fraction, 0.0, 1.0 + 1e-12, nameof(fraction));
        double cumulative = 0.0;
        for (int c = 0; c < _allExplained!.Count; c++)
        {
            cumulative += _allExplained[c] / _totalVariance;
            if (cumulative >= fraction - 1e-12) return c + 1;
        }
        return _allExplained.Count;
    }

    /// <summary>The whole spectrum's explained-variance ratios (all min(n, p) components), for a scree plot.</summary>
    public Vector<double> FullExplainedVarianceRatio => Get(_allExplained, nameof(FullExplainedVarianceRatio)) / _totalVariance;

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);

    private Matrix<double> Centre(Matrix<double> x) => Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, Centred(x, _mean!));

    // X − mean as a column-major array, one contiguous column at a time (the indexer loop was a third of Transform).
    private static double[] Centred(Matrix<double> x, Vector<double> mean)
    {
        int n = x.RowCount;
        var values = x.ToColumnMajorArray();
        for (int j = 0; j < x.ColumnCount; j++)
        {
            double m = mean[j];
            foreach (ref double value in values.AsSpan(j * n, n)) value -= m;
        }
        return values;
    }

    /// <summary>
    /// Tall data (n ≥ p): the symmetric eigendecomposition of the p x p Gram matrix XcᵀXc = V S² Vᵀ, built from SIMD
    /// dot products of the contiguous columns. Measured (benchmarks/results.md) this is several times faster than the
    /// thin SVD through MathNet's managed QR, because the n x p work is p²/2 dot products instead of Householder
    /// reflections and forming Q·Ur. The price is the condition number: an eigenvalue carries an absolute error of about
    /// p·ε·λ_max, so eigenvalues below that are set to exactly 0 (the directions of constant columns, e.g. digits' blank
    /// pixels, whose variance the SVD computes as 1e-30 rather than 1e-14); above it both routes agree to the digits the
    /// scikit-learn tests check.
    /// </summary>
    private static (Matrix<double> V, Vector<double> Variance, Vector<double> Singular) CovarianceEigen(double[] xc, int n, int p)
    {
        var gram = new double[p * p];
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
                gram[a * p + b] = gram[b * p + a] = SpanMath.Dot(xc.AsSpan(a * n, n), xc.AsSpan(b * n, n));
        var evd = Matrix<double>.Build.Dense(p, p, gram).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, p).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        double top = Math.Max(evd.EigenValues[order[0]].Real, 0.0), floor = p * ThinSvd.MachineEpsilon * top;
        var squares = Vector<double>.Build.Dense(p, c => evd.EigenValues[order[c]].Real is var l && l > floor ? l : 0.0);
        var v = Matrix<double>.Build.Dense(p, p, (i, c) => evd.EigenVectors[i, order[c]]);
        return (v, squares / (n - 1), squares.PointwiseSqrt());
    }

    // Wide data (n < p): the thin SVD of Xc (through its transpose), whose V has the r = n principal axes.
    private static (Matrix<double> V, Vector<double> Variance, Vector<double> Singular) SvdOfWide(Matrix<double> xc)
    {
        var svd = ThinSvd.Of(xc);                                   // Xc = U S Vᵀ, singular values descending
        return (svd.V.Clone(), svd.S.PointwisePower(2) / (xc.RowCount - 1), svd.S.Clone());
    }

    private T Get<T>(T? value, string member) where T : class
    {
        Guard.Fitted(IsFitted, nameof(Pca), member);
        return value!;
    }
}
