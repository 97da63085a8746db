using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Standardises each feature to mean 0 and standard deviation 1: z = (x − mean) / scale
/// (Week 1, "Feature scaling before gradient descent"). As scikit-learn's StandardScaler, the scale is
/// the population standard deviation (divide by n, not n − 1), learned on the data passed to Fit and
/// reused by Transform, so test data are scaled with the training statistics and nothing leaks.
/// </summary>
/// <remarks>
/// A column whose values are all equal has standard deviation 0; dividing by it would give NaN, so its
/// scale is set to 1 (scikit-learn does the same) and the column becomes all zeros after centring.
/// The variance is computed in two passes (mean first, then squared deviations) rather than as
/// E[x²] − E[x]², which cancels catastrophically when the mean is large compared with the spread.
/// </remarks>
public sealed class StandardScaler : ITransformer
{
    private Vector<double>? _mean;
    private Vector<double>? _scale;

    public StandardScaler(bool withMean = true, bool withStd = true)
    {
        WithMean = withMean;
        WithStd = withStd;
    }

    /// <summary>Subtract the mean (otherwise Mean is still learned but not used).</summary>
    public bool WithMean { get; }
    /// <summary>Divide by the standard deviation (otherwise Scale is all ones).</summary>
    public bool WithStd { get; }

    public bool IsFitted => _mean is not null;

    /// <summary>Per-feature mean of the training data.</summary>
    public Vector<double> Mean { get { Guard.Fitted(IsFitted, nameof(StandardScaler), nameof(Mean)); return _mean!.Clone(); } }

    /// <summary>Per-feature divisor: the population standard deviation, or 1 for a constant column (or when WithStd is false).</summary>
    public Vector<double> Scale { get { Guard.Fitted(IsFitted, nameof(StandardScaler), nameof(Scale)); return _scale!.Clone(); } }

    public StandardScaler Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        int n = x.RowCount, p = x.ColumnCount;
        var mean = Vector<double>.Build.Dense(p);
        var scale = Vector<double>.Build.Dense(p, 1.0);
        for (int j = 0; j < p; j++)
        {
            var column = x.Column(j);
            mean[j] = column.Sum() / n;
            if (!WithStd || column.Minimum() == column.Maximum()) continue;   // constant column: keep scale 1
            double squares = 0.0;
            foreach (var v in column) squares += (v - mean[j]) * (v - mean[j]);
            scale[j] = Math.Sqrt(squares / n);
        }
        _mean = mean;
        _scale = scale;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(StandardScaler), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _mean!.Count, nameof(x));
        var shift = WithMean ? _mean : Vector<double>.Build.Dense(_mean.Count);
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => (x[i, j] - shift[j]) / _scale![j]);
    }

    /// <summary>Undoes Transform: x = z · scale + mean.</summary>
    public Matrix<double> InverseTransform(Matrix<double> z)
    {
        Guard.Fitted(IsFitted, nameof(StandardScaler), nameof(InverseTransform));
        Guard.Matrix(z, nameof(z));
        Guard.FeatureCount(z, _mean!.Count, nameof(z));
        var shift = WithMean ? _mean : Vector<double>.Build.Dense(_mean.Count);
        return Matrix<double>.Build.Dense(z.RowCount, z.ColumnCount, (i, j) => z[i, j] * _scale![j] + shift[j]);
    }

    /// <summary>Fit on x, then transform x (the training set).</summary>
    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
