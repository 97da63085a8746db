using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Tests.Classical.Week04;

/// <summary>
/// Values recorded from scikit-learn 1.2.1 and scipy 1.10.1 (numpy 1.24.2, Python 3.11.2) by
/// tests/reference/week04_evaluation.py, read from the repository.
/// </summary>
internal static class Week04Reference
{
    public static JsonElement Get(string name) => Support.Reference.Load("week04_evaluation.json").GetProperty(name);

    public static Vector<double> Vector(this JsonElement e, string name) =>
        Vector<double>.Build.DenseOfEnumerable(e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()));

    public static int[] Ints(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();
}
