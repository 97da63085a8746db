using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;

namespace MlCourse.Tests.Classical.SupportVectorMachines;

/// <summary>
/// The data of tests/reference/week06_svm.py, built the same way here, and the values that script recorded
/// from scikit-learn 1.2.1's SVC (libsvm; numpy 1.24.2, Python 3.11.2) in tests/reference/week06_svm.json.
/// </summary>
internal static class SvmReferenceData
{
    public static JsonElement Json => Support.Reference.Load("week06_svm.json");

    public static (Matrix<double> X, Vector<double> Y) Data(string caseName)
    {
        string name = caseName.Split('_')[0];
        switch (name)
        {
            case "breast":
                {
                    var d = Datasets.BreastCancer();
                    return (new StandardScaler().Fit(d.X).Transform(d.X), d.Y);
                }
            case "wine":
                {
                    var d = Datasets.Wine();
                    return (new StandardScaler().Fit(d.X).Transform(d.X), d.Y);
                }
            case "digits600":
                {
                    var d = Datasets.Digits();
                    return (d.X.SubMatrix(0, 600, 0, 64), d.Y.SubVector(0, 600));
                }
            case "iris" when caseName.StartsWith("iris_vv"):
                {
                    // Versicolor (1) vs virginica (2), relabelled 0/1, raw features.
                    var d = Datasets.Iris();
                    var rows = Enumerable.Range(0, d.Y.Count).Where(i => d.Y[i] > 0).ToArray();
                    return (Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => d.X.Row(i))),
                        Vector<double>.Build.DenseOfEnumerable(rows.Select(i => d.Y[i] == 2 ? 1.0 : 0.0)));
                }
            case "iris":
                {
                    var d = Datasets.Iris();
                    return (d.X, d.Y);
                }
            default: throw new ArgumentException($"unknown case {caseName}");
        }
    }

    /// <summary>Setosa vs versicolor on sepal length and width: linearly separable.</summary>
    public static (Matrix<double> X, Vector<double> Y) HardMarginData()
    {
        var d = Datasets.Iris();
        var rows = Enumerable.Range(0, d.Y.Count).Where(i => d.Y[i] < 2).ToArray();
        return (Matrix<double>.Build.Dense(rows.Length, 2, (r, j) => d.X[rows[r], j]),
            Vector<double>.Build.DenseOfEnumerable(rows.Select(i => d.Y[i])));
    }

    public static int[] Ints(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
    public static Vector<double> Vec(this JsonElement e, string name) => Support.Reference.Vector(e.GetProperty(name));
}
