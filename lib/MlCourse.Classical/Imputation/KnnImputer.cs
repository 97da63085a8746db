using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Imputation;

/// <summary>
/// Fills a missing x[i, j] with the mean of column j over the k training rows nearest to row i among those that
/// have column j (Week 8, "k-NN imputation"). Uses the relationships between features (a tall person's missing
/// weight is filled from similar people) where a column mean ignores them. Distances skip missing coordinates and
/// scale up for them: d(a, b) = sqrt(p / |present| · Σ_present (a_k − b_k)²), scikit-learn's nan_euclidean. Scale
/// the features first, or the widest one decides who is a neighbour.
/// </summary>
/// <remarks>
/// Matches scikit-learn's KNNImputer with uniform weights (tested). A row that shares no observed coordinate with
/// any donor gets the column's training mean. The whole training matrix is stored: O(n_train) per imputed row.
/// </remarks>
public sealed class KnnImputer : ITransformer
{
    private Matrix<double>? _train;
    private double[]? _columnMeans;

    public KnnImputer(int neighbors = 5)
    {
        Guard.Positive(neighbors, nameof(neighbors));
        Neighbors = neighbors;
    }

    public int Neighbors { get; }

    public bool IsFitted => _train is not null;

    public KnnImputer Fit(Matrix<double> x)
    {
        Guard.MatrixAllowingNaN(x, nameof(x));
        var means = new double[x.ColumnCount];
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var observed = ObservedValues.Of(x, j, "no row can donate a value for it");
            means[j] = observed.Average();
        }
        _train = x.Clone();
        _columnMeans = means;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(KnnImputer), nameof(Transform));
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.FeatureCount(x, _train!.ColumnCount, nameof(x));
        var result = x.Clone();
        var train = _train;
        for (int i = 0; i < x.RowCount; i++)
        {
            var row = x.Row(i);
            if (!row.Any(double.IsNaN)) continue;
            var distances = Enumerable.Range(0, train.RowCount).Select(r => NanEuclidean(row, train.Row(r))).ToArray();
            for (int j = 0; j < x.ColumnCount; j++)
            {
                if (!double.IsNaN(row[j])) continue;
                // <snippet name="knn-impute">
                // Donors: training rows that observed column j and share at least one coordinate with row i.
                var donors = Enumerable.Range(0, train.RowCount)
                    .Where(r => !double.IsNaN(train[r, j]) && !double.IsNaN(distances[r]))
                    .OrderBy(r => distances[r]).Take(Neighbors).ToArray();
                result[i, j] = donors.Length == 0 ? _columnMeans![j] : donors.Average(r => train[r, j]);
                // </snippet>
            }
        }
        return result;
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    /// <summary>Euclidean distance over the coordinates present in both, scaled by sqrt(p / present); NaN if none is.</summary>
    public static double NanEuclidean(Vector<double> a, Vector<double> b)
    {
        Guard.NotNull(a, nameof(a));
        Guard.NotNull(b, nameof(b));
        Guard.SameLength(a.Count, b.Count, nameof(a), nameof(b));
        double sum = 0;
        int present = 0;
        for (int k = 0; k < a.Count; k++)
        {
            if (double.IsNaN(a[k]) || double.IsNaN(b[k])) continue;
            sum += (a[k] - b[k]) * (a[k] - b[k]);
            present++;
        }
        return present == 0 ? double.NaN : Math.Sqrt(a.Count / (double)present * sum);
    }

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
