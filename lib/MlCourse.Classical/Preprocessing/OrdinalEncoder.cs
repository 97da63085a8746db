using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Replaces each category by its position 0, 1, ..., K−1 in a category list (Week 8, "Label / ordinal
/// encoding"). Right for ordered categories (a BMI band "low < normal < high", given in that order with
/// <c>categories</c>) and for trees, which split on thresholds and can isolate any code range; wrong for a
/// linear model on a nominal feature, which would read the arbitrary order as a slope.
/// </summary>
/// <remarks>
/// Without explicit categories the order is ascending code, as scikit-learn's OrdinalEncoder. Categories are
/// numeric codes (see <see cref="OneHotEncoder"/> for why). Unknown categories: error, or
/// <see cref="UnknownValue"/> (scikit-learn's handle_unknown="use_encoded_value").
/// </remarks>
public sealed class OrdinalEncoder : ITransformer
{
    private readonly double[][]? _given;
    private double[][]? _categories;

    /// <param name="categories">Optional: per feature, the categories in their meaningful order.</param>
    public OrdinalEncoder(IReadOnlyList<double[]>? categories = null, UnknownCategory handleUnknown = UnknownCategory.Error, double unknownValue = -1)
    {
        Guard.Defined(handleUnknown, nameof(handleUnknown));
        Guard.NotNaN(unknownValue, nameof(unknownValue));
        if (categories is not null)
        {
            for (int j = 0; j < categories.Count; j++)
            {
                Guard.NotNull(categories[j], nameof(categories));
                if (categories[j].Length == 0 || categories[j].Distinct().Count() != categories[j].Length || categories[j].Any(c => !double.IsFinite(c)))
                    throw new ArgumentException($"{nameof(categories)}[{j}] must be a non-empty list of distinct finite codes.", nameof(categories));
            }
            _given = categories.Select(c => (double[])c.Clone()).ToArray();
        }
        HandleUnknown = handleUnknown;
        UnknownValue = unknownValue;
    }

    public UnknownCategory HandleUnknown { get; }
    public double UnknownValue { get; }

    public bool IsFitted => _categories is not null;

    public IReadOnlyList<double[]> Categories { get { Guard.Fitted(IsFitted, nameof(OrdinalEncoder), nameof(Categories)); return _categories!.Select(c => (double[])c.Clone()).ToArray(); } }

    public OrdinalEncoder Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        if (_given is not null)
        {
            Guard.Length(_given.Length, x.ColumnCount, "categories", $"one list per feature of x, which has {x.ColumnCount}");
            _categories = _given.Select(c => (double[])c.Clone()).ToArray();
        }
        else _categories = Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).Distinct().Order().ToArray()).ToArray();
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(OrdinalEncoder), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _categories!.Length, nameof(x));
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var position = _categories[j].Select((c, k) => (c, k)).ToDictionary(t => t.c, t => t.k);
            for (int i = 0; i < x.RowCount; i++)
            {
                if (position.TryGetValue(x[i, j], out int k)) result[i, j] = k;
                else if (HandleUnknown == UnknownCategory.Ignore) result[i, j] = UnknownValue;
                else throw OneHotEncoder.Unknown(x[i, j], i, j, _categories[j], nameof(x));
            }
        }
        return result;
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
