using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Centres each feature on its median and divides by its interquartile range, IQR = q75 − q25 (Week 8,
/// "Robust scaling"). Median and quartiles have a 25% breakdown point: a few extreme values cannot move
/// them, whereas one outlier moves the mean and standard deviation (StandardScaler) or the range (MinMaxScaler)
/// arbitrarily far. The outliers themselves are not tamed; they stay far out, but the bulk gets a sensible scale.
/// </summary>
/// <remarks>
/// Quantiles use numpy's default linear interpolation, as scikit-learn's RobustScaler (quantile_range = (25, 75)).
/// A column with IQR 0 keeps scale 1.
/// </remarks>
public sealed class RobustScaler : ITransformer
{
    private Vector<double>? _center;
    private Vector<double>? _scale;

    public RobustScaler(double lowerQuantile = 25.0, double upperQuantile = 75.0)
    {
        Guard.InRange(lowerQuantile, 0.0, 100.0, nameof(lowerQuantile));
        Guard.InRange(upperQuantile, 0.0, 100.0, nameof(upperQuantile));
        Guard.GreaterThan(upperQuantile, lowerQuantile, nameof(upperQuantile), nameof(lowerQuantile));
        LowerQuantile = lowerQuantile;
        UpperQuantile = upperQuantile;
    }

    /// <summary>Percent, 0..100.</summary>
    public double LowerQuantile { get; }
    public double UpperQuantile { get; }

    public bool IsFitted => _center is not null;

    /// <summary>The median of each training feature.</summary>
    public Vector<double> Center { get { Guard.Fitted(IsFitted, nameof(RobustScaler), nameof(Center)); return _center!.Clone(); } }
    /// <summary>The interquartile range of each training feature (1 when it is 0).</summary>
    public Vector<double> Scale { get { Guard.Fitted(IsFitted, nameof(RobustScaler), nameof(Scale)); return _scale!.Clone(); } }

    public RobustScaler Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        var center = Vector<double>.Build.Dense(x.ColumnCount);
        var scale = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var sorted = x.Column(j).ToArray();
            Array.Sort(sorted);
            center[j] = Percentile.OfSorted(sorted, 50);
            double iqr = Percentile.OfSorted(sorted, UpperQuantile) - Percentile.OfSorted(sorted, LowerQuantile);
            scale[j] = iqr == 0 ? 1.0 : iqr;
        }
        _center = center;
        _scale = scale;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(RobustScaler), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _center!.Count, nameof(x));
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => (x[i, j] - _center[j]) / _scale![j]);
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
