using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Preprocessing;

/// <summary>
/// Values recorded by tests/reference/week08_features.py (scikit-learn 1.2.1, numpy 1.24.2, scipy 1.10.1, Python 3.11.2),
/// including the input matrices, so both sides use the same numbers. JSON null stands for a missing value (NaN).
/// </summary>
internal static class Week08Reference
{
    public static JsonElement Root => Reference.Load("week08_features.json");

    public static JsonElement Section(string name) => Root.GetProperty(name);

    public static Matrix<double> Matrix(JsonElement section, string name) =>
        Matrix<double>.Build.DenseOfRowArrays(section.GetProperty(name).EnumerateArray()
            .Select(r => r.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray()));

    public static Vector<double> Vector(JsonElement section, string name) => Reference.Vector(section.GetProperty(name));

    public static string[] Strings(JsonElement section, string name) => section.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
