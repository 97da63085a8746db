using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Data;

namespace MlCourse.Tests.Classical.Trees;

/// <summary>
/// Values recorded from scikit-learn 1.2.1 (numpy 1.24.2, scipy 1.10.1, Python 3.11.2) by
/// tests/reference/week05_trees.py, and the split that script uses (test rows: i % 4 == 0).
/// </summary>
internal static class Week05Reference
{
    public static JsonElement Get(string name) => Support.Reference.Load("week05_trees.json").GetProperty(name);

    public static double[] Doubles(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static Dataset Load(string name) => name switch
    {
        "breast_cancer" => Datasets.BreastCancer(),
        "wine" => Datasets.Wine(),
        "iris" => Datasets.Iris(),
        "digits" => Datasets.Digits(),
        "diabetes" => Datasets.Diabetes(),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The script's split: row i is a test row when i % 4 == 0.</summary>
    public static (Matrix<double> XTrain, Vector<double> yTrain, Matrix<double> XTest, Vector<double> yTest) Split(Dataset d)
    {
        var train = Enumerable.Range(0, d.SampleCount).Where(i => i % 4 != 0).ToArray();
        var test = Enumerable.Range(0, d.SampleCount).Where(i => i % 4 == 0).ToArray();
        Matrix<double> Rows(int[] r) => Matrix<double>.Build.DenseOfRowVectors(r.Select(d.X.Row));
        Vector<double> Entries(int[] r) => Vector<double>.Build.DenseOfEnumerable(r.Select(i => d.Y[i]));
        return (Rows(train), Entries(train), Rows(test), Entries(test));
    }

    /// <summary>(feature, threshold, samples) per node in preorder, leaves with feature −1, as the script records them.</summary>
    public static (int Feature, double Threshold, int Samples)[] Nodes(JsonElement e) =>
        e.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("feature").GetInt32(), n.GetProperty("threshold").GetDouble(), n.GetProperty("samples").GetInt32())).ToArray();
}
