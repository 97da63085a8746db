using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Numerics;

/// <summary>
/// Class labels as the course stores them: integers 0..K−1 held in a double vector (see IClassifier).
/// Validation here gives every classifier the same error messages (Week 2, "From labels to probabilities").
/// </summary>
public static class ClassLabels
{
    /// <summary>Every y_i is 0 or 1; otherwise the error names the first offending entry.</summary>
    public static void Binary(Vector<double> y, string name)
    {
        Guard.Vector(y, name);
        Guard.BinaryLabels(y, name, "For more classes use SoftmaxRegression or LogisticOneVsRest.");
    }

    /// <summary>Binary labels with both classes present: a margin or a log-odds start needs one sample of each.</summary>
    public static void BinaryWithBothClasses(Vector<double> y, string name)
    {
        Binary(y, name);
        if (y.All(v => v == y[0]))
            throw new ArgumentException($"{name} must contain both labels 0 and 1, but every label is {y[0]}.", name);
    }

    /// <summary>
    /// Every y_i is an integer in 0..K−1 and K ≥ 2; returns K = max label + 1. Every class between 0 and
    /// K−1 must occur, because a class with no sample has no data to learn its weights from.
    /// </summary>
    public static int Multiclass(Vector<double> y, string name)
    {
        Guard.Vector(y, name);
        int k = Guard.ClassLabels(y, name) + 1;
        if (k < 2) throw new ArgumentException($"{name} must contain at least two classes (labels 0 and 1 at least), but only label 0 occurs.", name);
        var seen = new bool[k];
        foreach (var v in y) seen[(int)v] = true;
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new ArgumentException($"{name} must use every label 0..{k - 1} (labels are 0..K-1 with K = max label + 1), but label {missing} never occurs.", name);
        return k;
    }

    /// <summary>Labels within 0..K−1 for a known K (a loss's check, no requirement that every class occurs).</summary>
    public static void InRange(Vector<double> y, int classCount, string name)
    {
        Guard.Vector(y, name);
        Guard.ClassLabels(y, name, classCount);
    }

    /// <summary>The (n, K) one-hot matrix Y with Y[i, y_i] = 1.</summary>
    public static Matrix<double> OneHot(Vector<double> y, int classCount)
    {
        InRange(y, classCount, nameof(y));
        var result = Matrix<double>.Build.Dense(y.Count, classCount);   // (n, K)
        for (int i = 0; i < y.Count; i++) result[i, (int)y[i]] = 1.0;
        return result;
    }
}
