using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Tests.Classical.Week04;

/// <summary>
/// A minimal classifier for testing the cross-validation runner (the course's classifiers arrive in
/// later weeks): predict the class whose training mean is nearest in Euclidean distance.
/// </summary>
internal sealed class NearestCentroid : IClassifier
{
    private (double Label, Vector<double> Mean)[]? _centroids;

    public bool IsFitted => _centroids is not null;

    public NearestCentroid Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        _centroids = y.Distinct().Order()
            .Select(c =>
            {
                var rows = Enumerable.Range(0, y.Count).Where(i => y[i] == c).Select(x.Row).ToArray();
                return (c, rows.Aggregate((a, b) => a + b) / rows.Length);
            }).ToArray();
        return this;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(NearestCentroid), nameof(Predict));
        return Vector<double>.Build.Dense(x.RowCount, i => _centroids!.MinBy(c => (x.Row(i) - c.Mean).L2Norm()).Label);
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
