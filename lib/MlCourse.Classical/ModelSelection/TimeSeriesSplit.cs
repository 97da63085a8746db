using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// Forward-chaining splits for data in time order (Week 4, "Time-series split"): each test block comes
/// after all of its training rows, so the model never trains on the future it is scored on. Follows
/// scikit-learn's TimeSeriesSplit: test blocks of testSize (default n / (nSplits + 1)) at the end of
/// the series, training on everything before the block minus a <paramref name="gap"/> (rows whose
/// labels would overlap the test period), optionally only the last maxTrainSize rows. No randomness:
/// shuffling would be exactly the leakage this splitter exists to prevent.
/// </summary>
public sealed class TimeSeriesSplit : ICrossValidator
{
    public TimeSeriesSplit(int nSplits = 5, int? testSize = null, int gap = 0, int? maxTrainSize = null)
    {
        Guard.AtLeast(nSplits, 2, nameof(nSplits));
        if (testSize is int t) Guard.Positive(t, nameof(testSize));
        Guard.NonNegative(gap, nameof(gap));
        if (maxTrainSize is int m) Guard.Positive(m, nameof(maxTrainSize));
        NSplits = nSplits;
        TestSize = testSize;
        Gap = gap;
        MaxTrainSize = maxTrainSize;
    }

    public int NSplits { get; }
    public int? TestSize { get; }
    public int Gap { get; }
    public int? MaxTrainSize { get; }

    public IReadOnlyList<Fold> Split(Vector<double> y)
    {
        Guard.Vector(y, nameof(y));
        int n = y.Count;
        int testSize = TestSize ?? n / (NSplits + 1);
        int firstTest = n - NSplits * testSize;
        if (testSize < 1 || firstTest - Gap < 1)
            throw new ArgumentException(
                $"{NSplits} splits with test size {testSize} and gap {Gap} need more than {NSplits * testSize + Gap} samples, but y has {n}.", nameof(y));
        var folds = new List<Fold>(NSplits);
        for (int start = firstTest; start < n; start += testSize)
        {
            int trainEnd = start - Gap;                 // exclusive: rows [trainStart, trainEnd) all precede the test block
            int trainStart = MaxTrainSize is int m ? Math.Max(0, trainEnd - m) : 0;
            folds.Add(new Fold(Enumerable.Range(trainStart, trainEnd - trainStart).ToArray(), Enumerable.Range(start, testSize).ToArray()));
        }
        return folds;
    }
}
