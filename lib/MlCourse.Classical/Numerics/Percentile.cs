namespace MlCourse.Classical.Numerics;

/// <summary>Percentiles of sorted data, for the robust scaler, the quantile transformer and median imputation (Week 8).</summary>
internal static class Percentile
{
    /// <summary>numpy's default percentile q in [0, 100] of ascending <paramref name="sorted"/> (linear interpolation between order statistics, "type 7").</summary>
    public static double OfSorted(double[] sorted, double q)
    {
        double position = q / 100.0 * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
