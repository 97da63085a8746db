using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Data;

namespace MlCourse.Tests.Classical.Support;

/// <summary>
/// Values recorded by the scripts in tests/reference/ (each JSON file names the library versions that
/// produced it), read from the repository rather than copied to the output folder. Week 1's come from
/// scikit-learn 1.2.1 (numpy 1.24.2, Python 3.11.2) by week01_linear_models.py.
/// </summary>
internal static class Reference
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonElement>> Files = new();

    /// <summary>The root element of tests/reference/<paramref name="fileName"/>, parsed once per test run.</summary>
    public static JsonElement Load(string fileName) => Files.GetOrAdd(fileName, name => new Lazy<JsonElement>(() =>
    {
        var path = Path.Combine(CoursePaths.Root, "tests", "reference", name);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    })).Value;

    public static JsonElement Week01 => Load("week01_linear_models.json");

    public static Vector<double> Vector(JsonElement array) =>
        Vector<double>.Build.DenseOfEnumerable(array.EnumerateArray().Select(e => e.GetDouble()));

    public static Matrix<double> Matrix(JsonElement rows) =>
        Matrix<double>.Build.DenseOfRowArrays(rows.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()));

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();
}
