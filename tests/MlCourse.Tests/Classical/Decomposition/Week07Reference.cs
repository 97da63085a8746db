using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Data;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Decomposition;

/// <summary>Values recorded by tests/reference/week07_unsupervised.py (scikit-learn 1.2.1, SciPy 1.10.1, numpy 1.24.2).</summary>
internal static class Week07Reference
{
    public static JsonElement Get(string section) => Reference.Load("week07_unsupervised.json").GetProperty(section);

    public static Matrix<double> Matrix(string section, string name) => Reference.Matrix(Get(section).GetProperty(name));

    public static Vector<double> Vector(string section, string name) => Reference.Vector(Get(section).GetProperty(name));

    public static int[] Ints(string section, string name) => Get(section).GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static readonly Lazy<Dataset> DigitsData = new(() => Datasets.Digits());

    public static Matrix<double> Digits() => DigitsData.Value.X.Clone();

    /// <summary>True when a and b are the same partition (equal up to renaming the labels).</summary>
    public static bool SamePartition(int[] a, int[] b)
    {
        if (a.Length != b.Length) return false;
        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (int i = 0; i < a.Length; i++)
        {
            if (forward.TryGetValue(a[i], out int fb) && fb != b[i]) return false;
            if (backward.TryGetValue(b[i], out int ba) && ba != a[i]) return false;
            forward[a[i]] = b[i];
            backward[b[i]] = a[i];
        }
        return true;
    }
}
