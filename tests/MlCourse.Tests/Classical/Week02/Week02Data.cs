using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Week02;

/// <summary>
/// Week 2 data and recorded references. Features are standardised with the library's StandardScaler
/// (population std), as tests/reference/week02_logistic.py does with scikit-learn's, on all rows.
/// Values in week02_logistic.json were recorded from scikit-learn 1.2.1 (numpy 1.24.2, Python 3.11.2).
/// </summary>
internal static class Week02Data
{
    private static readonly Lazy<Dataset> BreastCancer = new(() => Datasets.BreastCancer());
    private static readonly Lazy<Dataset> Iris = new(() => Datasets.Iris());

    public static JsonElement Reference => Support.Reference.Load("week02_logistic.json");

    /// <summary>Breast cancer (569 x 30), standardised; labels 0 malignant, 1 benign.</summary>
    public static (Matrix<double> X, Vector<double> y) BreastCancerStandardized() =>
        (new StandardScaler().Fit(BreastCancer.Value.X).Transform(BreastCancer.Value.X), BreastCancer.Value.Y.Clone());

    /// <summary>Iris (150 x 4), standardised; labels 0..2.</summary>
    public static (Matrix<double> X, Vector<double> y) IrisStandardized() =>
        (new StandardScaler().Fit(Iris.Value.X).Transform(Iris.Value.X), Iris.Value.Y.Clone());

    /// <summary>Two overlapping Gaussian classes in p dimensions (not separable, so every penalty has a minimiser).</summary>
    public static (Matrix<double> X, Vector<double> y) Blobs(int n = 60, int p = 3, int classes = 2, int seed = 7)
    {
        var rng = Seeded.Random(seed);
        var y = Vector<double>.Build.Dense(n, i => i % classes);
        var x = Matrix<double>.Build.Dense(n, p, (i, j) => rng.NextGaussian() + (j == (int)y[i] % p ? 1.0 : 0.0));
        return (x, y);
    }

    public static Vector<double> Vector(JsonElement array) =>
        Vector<double>.Build.DenseOfEnumerable(array.EnumerateArray().Select(e => e.GetDouble()));

    public static Matrix<double> Matrix(JsonElement rows) =>
        Matrix<double>.Build.DenseOfRowArrays(rows.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()));
}
