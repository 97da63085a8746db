using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>
/// Counts of (true label, predicted label) pairs (Week 4, "Metrics from the confusion matrix").
/// Rows are true labels, columns predicted labels, both in ascending order of <see cref="Labels"/>
/// (the sorted union of the labels in y and yHat, as scikit-learn's confusion_matrix). Every
/// classification metric in <see cref="ClassificationMetrics"/> is a ratio of these counts.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(double[] labels, int[,] counts)
    {
        Labels = labels;
        _counts = counts;
    }

    /// <summary>The class labels, ascending; index k of a row or column is Labels[k].</summary>
    public IReadOnlyList<double> Labels { get; }

    /// <summary>Number of classes K (the matrix is K x K).</summary>
    public int ClassCount => Labels.Count;

    /// <summary>Number of samples whose true label is Labels[trueIndex] and predicted label Labels[predictedIndex].</summary>
    public int this[int trueIndex, int predictedIndex] => _counts[trueIndex, predictedIndex];

    public int Total { get; private init; }

    /// <summary>Builds the matrix from true labels y and predicted labels yHat (same length, finite values).</summary>
    public static ConfusionMatrix From(Vector<double> y, Vector<double> yHat)
    {
        Guard.Vector(y, nameof(y));
        Guard.Vector(yHat, nameof(yHat));
        Guard.SameLength(y, yHat, nameof(y), nameof(yHat));
        var labels = y.Concat(yHat).Distinct().Order().ToArray();
        var index = new Dictionary<double, int>();
        for (int k = 0; k < labels.Length; k++) index[labels[k]] = k;
        var counts = new int[labels.Length, labels.Length];
        for (int i = 0; i < y.Count; i++) counts[index[y[i]], index[yHat[i]]]++;
        return new ConfusionMatrix(labels, counts) { Total = y.Count };
    }

    /// <summary>Index of a label in <see cref="Labels"/>, or a clear error if the label never occurs.</summary>
    public int IndexOf(double label, string name)
    {
        for (int k = 0; k < Labels.Count; k++)
            if (Labels[k] == label) return k;
        throw new ArgumentException(
            $"{name} = {label} does not occur in y or yHat; the labels present are [{string.Join(", ", Labels)}].", name);
    }

    // For class k in a one-versus-rest view: TP is the diagonal entry, FP the rest of column k
    // (predicted k, truly something else), FN the rest of row k (truly k, predicted something else).
    public int TruePositives(int k) => _counts[k, k];
    public int FalsePositives(int k) => ColumnSum(k) - _counts[k, k];
    public int FalseNegatives(int k) => RowSum(k) - _counts[k, k];
    public int TrueNegatives(int k) => Total - RowSum(k) - ColumnSum(k) + _counts[k, k];

    /// <summary>Number of samples whose true label is Labels[k] (scikit-learn's "support").</summary>
    public int Support(int k) => RowSum(k);

    private int RowSum(int k)
    {
        int s = 0;
        for (int j = 0; j < ClassCount; j++) s += _counts[k, j];
        return s;
    }

    private int ColumnSum(int k)
    {
        int s = 0;
        for (int i = 0; i < ClassCount; i++) s += _counts[i, k];
        return s;
    }

    /// <summary>The counts as a K x K array (a copy), e.g. for display.</summary>
    public int[,] ToArray() => (int[,])_counts.Clone();
}
