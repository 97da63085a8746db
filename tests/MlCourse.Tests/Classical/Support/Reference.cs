using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Data;

namespace MlCourse.Tests.Classical.Support;

/// <summary>
/// Values recorded from scikit-learn 1.2.1 (numpy 1.24.2, Python 3.11.2) by
/// tests/reference/week01_linear_models.py, read from the repository (not copied to the output folder).
/// </summary>
internal static class Reference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(CoursePaths.Root, "tests", "reference", "week01_linear_models.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    });

    public static JsonElement Week01 => Root.Value;

    public static Vector<double> Vector(JsonElement array) =>
        Vector<double>.Build.DenseOfEnumerable(array.EnumerateArray().Select(e => e.GetDouble()));

    public static Matrix<double> Matrix(JsonElement rows) =>
        Matrix<double>.Build.DenseOfRowArrays(rows.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()));

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();
}
