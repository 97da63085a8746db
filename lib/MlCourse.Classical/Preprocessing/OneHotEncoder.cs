using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>What an encoder does with a category it did not see in Fit.</summary>
public enum UnknownCategory
{
    /// <summary>Throw, naming the column, the value and the known categories (the safe default).</summary>
    Error,
    /// <summary>One-hot: encode as all zeros. Ordinal: encode as <see cref="OrdinalEncoder.UnknownValue"/>.</summary>
    Ignore,
}

/// <summary>
/// One binary column per (feature, category) pair (Week 8, "One-hot encoding"): a nominal feature with K
/// categories becomes K indicator columns, so a linear model gets one weight per category and no false
/// order (code 3 is not "three times" code 1).
/// </summary>
/// <remarks>
/// <para><b>How categories are represented in this library.</b> A categorical column is a column of a
/// <c>Matrix&lt;double&gt;</c> whose values are category <i>codes</i> (any finite numbers: 0/1/2, or the diabetes
/// data's sex 1/2); the value is an identifier, never used in arithmetic. Keeping one matrix type lets an
/// encoder sit anywhere in a <c>Pipeline</c> or <c>ColumnTransformer</c> next to scalers and imputers, and lets
/// every estimator of the library consume the result. Strings (city names) are mapped to codes once, at the
/// boundary, with <see cref="CategoryCodes"/>; the ColumnTransformer's column lists say which columns are
/// categorical. scikit-learn's encoders accept numeric codes the same way.</para>
/// <para>Categories are the sorted distinct training values per feature; output columns are grouped by
/// feature, categories ascending (scikit-learn's order). With K categories the K columns sum to 1, which is
/// collinear with an intercept; unpenalised linear regression then needs drop-first, a regularised one does not.</para>
/// </remarks>
public sealed class OneHotEncoder : ITransformer
{
    private double[][]? _categories;

    public OneHotEncoder(UnknownCategory handleUnknown = UnknownCategory.Error)
    {
        Guard.Defined(handleUnknown, nameof(handleUnknown));
        HandleUnknown = handleUnknown;
    }

    public UnknownCategory HandleUnknown { get; }

    public bool IsFitted => _categories is not null;

    /// <summary>Sorted categories of each input feature.</summary>
    public IReadOnlyList<double[]> Categories { get { Guard.Fitted(IsFitted, nameof(OneHotEncoder), nameof(Categories)); return _categories!.Select(c => (double[])c.Clone()).ToArray(); } }

    public int OutputFeatureCount { get { Guard.Fitted(IsFitted, nameof(OneHotEncoder), nameof(OutputFeatureCount)); return _categories!.Sum(c => c.Length); } }

    public OneHotEncoder Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        _categories = Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).Distinct().Order().ToArray()).ToArray();
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(OneHotEncoder), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _categories!.Length, nameof(x));
        var result = Matrix<double>.Build.Dense(x.RowCount, OutputFeatureCount);
        // <snippet name="one-hot">
        int offset = 0;
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var categories = _categories[j];
            for (int i = 0; i < x.RowCount; i++)
            {
                int k = Array.BinarySearch(categories, x[i, j]);
                if (k >= 0) result[i, offset + k] = 1.0;
                else if (HandleUnknown == UnknownCategory.Error) throw Unknown(x[i, j], i, j, categories, nameof(x));
                // Ignore: an unseen category has no column of its own, so every indicator of this feature stays 0.
            }
            offset += categories.Length;
        }
        // </snippet>
        return result;
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    /// <summary>Output column names, "x0_1", "x0_2", ... as scikit-learn's get_feature_names_out (or with the given input names).</summary>
    public IReadOnlyList<string> FeatureNames(IReadOnlyList<string>? inputNames = null)
    {
        Guard.Fitted(IsFitted, nameof(OneHotEncoder), nameof(FeatureNames));
        if (inputNames is not null) Guard.Length(inputNames.Count, _categories!.Length, nameof(inputNames), "one name per input feature");
        return _categories!.SelectMany((cats, j) => cats.Select(c =>
            $"{inputNames?[j] ?? "x" + j.ToString(CultureInfo.InvariantCulture)}_{c.ToString(CultureInfo.InvariantCulture)}")).ToArray();
    }

    internal static ArgumentException Unknown(double value, int row, int column, double[] categories, string name) =>
        new($"{name}[{row}, {column}] is category {value.ToString(CultureInfo.InvariantCulture)}, which was not seen in Fit; " +
            $"column {column} has categories {{{string.Join(", ", categories.Select(c => c.ToString(CultureInfo.InvariantCulture)))}}}. " +
            "Refit on data that include it, or construct the encoder with handleUnknown: UnknownCategory.Ignore.", name);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}

/// <summary>
/// Maps string categories to numeric codes 0, 1, 2, ... in order of first appearance, the boundary between
/// text data and the library's numeric matrices (Week 8, "Categorical data"). Unseen strings get −1 from
/// <see cref="Encode(string)"/>, so an encoder downstream can apply its own unknown-category rule.
/// </summary>
public sealed class CategoryCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public CategoryCodes(IEnumerable<string> values)
    {
        Guard.NotNull(values, nameof(values));
        foreach (var v in values)
        {
            Guard.NotNull(v, nameof(values));
            if (_codes.TryAdd(v, _names.Count)) _names.Add(v);
        }
        Guard.NotEmpty(_names, nameof(values), "value");
    }

    public IReadOnlyList<string> Names => _names;

    public double Encode(string value) => _codes.TryGetValue(value, out int code) ? code : -1;

    public Vector<double> Encode(IEnumerable<string> values) => Vector<double>.Build.DenseOfEnumerable(values.Select(Encode));
}
