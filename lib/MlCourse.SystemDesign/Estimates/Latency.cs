using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// The arithmetic behind "reduce inference latency by 10x": what a cache buys and what speeding up
/// one part can buy at most (Amdahl's law). Taught in notebooks/interview-prep/system-design
/// (section "Reduce inference latency by 10x").
/// </summary>
public static class Latency
{
    /// <summary>Mean latency with a cache: hitRate × hit time + (1 − hitRate) × miss time.</summary>
    public static double WithCache(double hitRate, double hitMilliseconds, double missMilliseconds)
    {
        Guard.InRange(hitRate, 0, 1, nameof(hitRate));
        Guard.NonNegative(hitMilliseconds, nameof(hitMilliseconds));
        Guard.NonNegative(missMilliseconds, nameof(missMilliseconds));
        return hitRate * hitMilliseconds + (1 - hitRate) * missMilliseconds;
    }

    /// <summary>
    /// Amdahl's law: making a fraction p of the time s times faster speeds the whole up by
    /// 1 / ((1 − p) + p / s).
    /// </summary>
    // <snippet name="amdahl">
    public static double AmdahlSpeedup(double fractionImproved, double partSpeedup)
    {
        Guard.InRange(fractionImproved, 0, 1, nameof(fractionImproved));
        Guard.Positive(partSpeedup, nameof(partSpeedup));
        return 1 / ((1 - fractionImproved) + fractionImproved / partSpeedup);
    }
    // </snippet>

    /// <summary>The limit of <see cref="AmdahlSpeedup"/> as the part's speed-up grows: 1 / (1 − p); infinite when p = 1.</summary>
    public static double MaxSpeedup(double fractionImproved)
    {
        Guard.InRange(fractionImproved, 0, 1, nameof(fractionImproved));
        return fractionImproved == 1 ? double.PositiveInfinity : 1 / (1 - fractionImproved);
    }
}
