using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>
/// Cumulative true and false positive counts when every score ≥ t is called positive, for each
/// distinct score t from the highest down (Week 4, "ROC and PR curves"). Shared by
/// <see cref="RocCurve"/> and <see cref="PrecisionRecallCurve"/>: both are just different ratios of
/// these counts. One sort, then one pass: O(n log n).
/// </summary>
internal sealed record ThresholdCounts(double[] Thresholds, int[] TruePositives, int[] FalsePositives, int Positives, int Negatives)
{
    /// <summary>Validates y ∈ {0, 1} and finite scores, then counts. Ties share one threshold.</summary>
    public static ThresholdCounts From(Vector<double> y, Vector<double> scores)
    {
        Guard.Vector(y, nameof(y));
        Guard.Vector(scores, nameof(scores));
        Guard.SameLength(y, scores, nameof(y), nameof(scores));
        var labels = y.ToArray();                       // plain arrays: the loops below run a million times in the benchmark
        Guard.BinaryLabels(labels, nameof(y));

        // <snippet name="threshold-counts">
        int n = labels.Length;
        var keys = scores.ToArray();
        var sortedLabels = (double[])labels.Clone();
        Array.Sort(keys, sortedLabels);               // labels travel with their scores; ascending, walked from the end

        var thresholds = new List<double>();
        var tps = new List<int>();
        var fps = new List<int>();
        int tp = 0, fp = 0;
        for (int r = n - 1; r >= 0; r--)
        {
            if (sortedLabels[r] == 1.0) tp++; else fp++;
            // Emit a point only after the last sample with this score: tied scores cannot be
            // separated by any threshold, so they enter the positive set together.
            if (r == 0 || keys[r - 1] != keys[r])
            {
                thresholds.Add(keys[r]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }
        // </snippet>
        return new ThresholdCounts(thresholds.ToArray(), tps.ToArray(), fps.ToArray(), tp, fp);
    }
}
