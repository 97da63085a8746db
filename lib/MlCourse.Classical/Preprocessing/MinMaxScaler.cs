using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Rescales each feature linearly so that the training minimum maps to <see cref="Min"/> and the training
/// maximum to <see cref="Max"/> (Week 8, "Feature scaling"): z = min + (x − xmin)(max − min)/(xmax − xmin).
/// Test data are mapped with the training range, so they can fall outside [min, max]. One outlier sets the
/// range for everybody, squeezing the bulk of the data into a sliver: that is what <see cref="RobustScaler"/> fixes.
/// </summary>
/// <remarks>As scikit-learn's MinMaxScaler, a constant column (range 0) gets range 1, so it maps to min.</remarks>
public sealed class MinMaxScaler : ITransformer
{
    private Vector<double>? _dataMin;
    private Vector<double>? _dataRange;

    public MinMaxScaler(double min = 0.0, double max = 1.0)
    {
        Guard.Finite(min, nameof(min));
        Guard.Finite(max, nameof(max));
        Guard.GreaterThan(max, min, nameof(max), nameof(min));
        Min = min;
        Max = max;
    }

    public double Min { get; }
    public double Max { get; }

    public bool IsFitted => _dataMin is not null;

    public Vector<double> DataMin { get { Guard.Fitted(IsFitted, nameof(MinMaxScaler), nameof(DataMin)); return _dataMin!.Clone(); } }
    /// <summary>xmax − xmin per feature, or 1 for a constant feature.</summary>
    public Vector<double> DataRange { get { Guard.Fitted(IsFitted, nameof(MinMaxScaler), nameof(DataRange)); return _dataRange!.Clone(); } }

    public MinMaxScaler Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        var min = Vector<double>.Build.Dense(x.ColumnCount);
        var range = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var column = x.Column(j);
            min[j] = column.Minimum();
            double r = column.Maximum() - min[j];
            range[j] = r == 0 ? 1.0 : r;
        }
        _dataMin = min;
        _dataRange = range;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(MinMaxScaler), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _dataMin!.Count, nameof(x));
        // <snippet name="min-max">
        double width = Max - Min;
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => Min + (x[i, j] - _dataMin[j]) * width / _dataRange![j]);
        // </snippet>
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
