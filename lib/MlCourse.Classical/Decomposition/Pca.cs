using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Decomposition;

/// <summary>
/// Principal component analysis by the singular value decomposition of the centred data (Week 7, sections 2-5:
/// "PCA", "Maximum variance = minimum reconstruction error", "PCA by the SVD", "Whitening"). With Xc = X − mean = U S Vᵀ, the rows of Vᵀ are the
/// eigenvectors of the covariance XcᵀXc / (n − 1) and S² / (n − 1) its eigenvalues, so the SVD gives the
/// spectral decomposition without ever forming the covariance (whose condition number is the square of Xc's).
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
        var xc = x.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) xc[i, j] -= mean[j];
        var svd = ThinSvd.Of(xc);                                   // Xc = U S Vᵀ, singular values descending
        var v = svd.V.Clone();                                      // (p, r)
        for (int c = 0; c < r; c++)
        {
            // svd_flip: the sign of an eigenvector is arbitrary; fix it by U's largest entry.
            var u = svd.U.Column(c);
            if (u[u.AbsoluteMaximumIndex()] < 0) v.SetColumn(c, -v.Column(c));
        }
        var all = svd.S.PointwisePower(2) / (n - 1);
        _mean = mean;
        _components = v.SubMatrix(0, p, 0, k).Transpose();        // (k, p)
        _allExplained = all;
        _explained = all.SubVector(0, k);
        _singular = svd.S.SubVector(0, k);
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

    private Matrix<double> Centre(Matrix<double> x)
    {
        var xc = x.Clone();
        for (int i = 0; i < xc.RowCount; i++)
            for (int j = 0; j < xc.ColumnCount; j++) xc[i, j] -= _mean![j];
        return xc;
    }

    private T Get<T>(T? value, string member) where T : class
    {
        Guard.Fitted(IsFitted, nameof(Pca), member);
        return value!;
    }
}
