using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Expands features into all monomials of total degree at most <see cref="Degree"/> (Week 1,
/// "Polynomial regression and overfitting"): for two features and degree 2, [1, a, b, a², ab, b²].
/// A linear model on these columns is a polynomial in the original features, still linear in w, so
/// every least-squares tool applies unchanged.
/// </summary>
/// <remarks>
/// Column order is scikit-learn's: by degree, and within a degree the index tuples of
/// itertools.combinations_with_replacement (non-decreasing, lexicographic). There are C(p + d, d)
/// columns with the bias, which grows fast: p = 10, d = 3 already gives 286.
/// </remarks>
public sealed class PolynomialFeatures : ITransformer
{
    private int[][]? _terms;   // each term: the feature indices multiplied together, non-decreasing
    private int _inputFeatureCount;

    public PolynomialFeatures(int degree = 2, bool includeBias = true, bool interactionOnly = false)
    {
        Guard.Positive(degree, nameof(degree));
        Degree = degree;
        IncludeBias = includeBias;
        InteractionOnly = interactionOnly;
    }

    public int Degree { get; }
    /// <summary>Start with the degree-0 column of ones.</summary>
    public bool IncludeBias { get; }
    /// <summary>
    /// Keep only products of distinct features (a·b, a·b·c; no a², Week 8 "Interaction features"), scikit-learn's
    /// interaction_only: the columns a tree cannot build from one split and a linear model cannot build at all,
    /// without the squares. Degrees above the feature count add nothing.
    /// </summary>
    public bool InteractionOnly { get; }

    public bool IsFitted => _terms is not null;

    public int InputFeatureCount { get { Guard.Fitted(IsFitted, nameof(PolynomialFeatures), nameof(InputFeatureCount)); return _inputFeatureCount; } }
    public int OutputFeatureCount { get { Guard.Fitted(IsFitted, nameof(PolynomialFeatures), nameof(OutputFeatureCount)); return _terms!.Length; } }

    /// <summary>Exponents: row k gives the power of each input feature in output column k (scikit-learn's powers_).</summary>
    public int[,] Powers
    {
        get
        {
            Guard.Fitted(IsFitted, nameof(PolynomialFeatures), nameof(Powers));
            var powers = new int[_terms!.Length, _inputFeatureCount];
            for (int k = 0; k < _terms.Length; k++)
                foreach (int j in _terms[k]) powers[k, j]++;
            return powers;
        }
    }

    /// <summary>Learns only the number of input features; the terms follow from it and the degree.</summary>
    public PolynomialFeatures Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        _inputFeatureCount = x.ColumnCount;
        _terms = Terms(x.ColumnCount, Degree, IncludeBias, InteractionOnly);
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(PolynomialFeatures), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _inputFeatureCount, nameof(x));
        var terms = _terms!;
        // <snippet name="polynomial-features">
        // Output column k is the product of the input columns listed in term k (the empty product is
        // the bias, 1): [a, b] with degree 2 -> [1, a, b, a·a, a·b, b·b].
        var result = Matrix<double>.Build.Dense(x.RowCount, terms.Length);       // (n, C(p + d, d))
        for (int i = 0; i < x.RowCount; i++)
            for (int k = 0; k < terms.Length; k++)
            {
                double product = 1.0;
                foreach (int j in terms[k]) product *= x[i, j];
                result[i, k] = product;
            }
        // </snippet>
        return result;
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    /// <summary>
    /// Names of the output columns as scikit-learn's get_feature_names_out writes them: "1", "x0",
    /// "x0^2", "x0 x1". Pass the input names to use them instead of x0, x1, ...
    /// </summary>
    public IReadOnlyList<string> FeatureNames(IReadOnlyList<string>? inputNames = null)
    {
        Guard.Fitted(IsFitted, nameof(PolynomialFeatures), nameof(FeatureNames));
        if (inputNames is not null) Guard.Length(inputNames.Count, _inputFeatureCount, nameof(inputNames), $"one name per input feature: the transformer was fitted with {_inputFeatureCount} features");
        var names = inputNames ?? Enumerable.Range(0, _inputFeatureCount).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        return _terms!.Select(term => term.Length == 0 ? "1" : string.Join(" ",
            term.GroupBy(j => j).Select(g => g.Count() == 1 ? names[g.Key] : $"{names[g.Key]}^{g.Count()}"))).ToArray();
    }

    /// <summary>All non-decreasing index tuples of length 0..degree over 0..p−1, by length then lexicographically.</summary>
    private static int[][] Terms(int p, int degree, bool includeBias, bool interactionOnly)
    {
        var terms = new List<int[]>();
        if (includeBias) terms.Add([]);
        for (int d = 1; d <= degree; d++)
            AddCombinations(p, d, first: 0, prefix: new List<int>(), terms, interactionOnly);
        return terms.ToArray();
    }

    // Non-decreasing tuples are combinations with replacement: choosing indices >= the previous one
    // counts each monomial once (a·b and b·a are the same column).
    // Interaction-only: strictly increasing tuples (combinations without replacement), so no index repeats.
    private static void AddCombinations(int p, int remaining, int first, List<int> prefix, List<int[]> terms, bool interactionOnly)
    {
        if (remaining == 0) { terms.Add(prefix.ToArray()); return; }
        for (int j = first; j < p; j++)
        {
            prefix.Add(j);
            AddCombinations(p, remaining - 1, interactionOnly ? j + 1 : j, prefix, terms, interactionOnly);
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
