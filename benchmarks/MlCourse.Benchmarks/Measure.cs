using System.Diagnostics;

namespace MlCourse.Benchmarks;

/// <summary>
/// The one timing helper: warm-up runs (JIT, caches) first, then the median of the repeats, which a single
/// slow run on a noisy 2-core machine cannot move the way it moves a mean.
/// </summary>
public static class Measure
{
    /// <summary>
    /// When set (by <see cref="Compare"/>), <see cref="Time"/> records each workload under its case name instead of
    /// timing it, so that the compare driver can call this side and scikit-learn's alternately, one call at a time.
    /// </summary>
    public static Dictionary<string, Func<string>>? Registry { get; set; }

    public static BenchmarkRow Time(string caseName, BenchmarkOptions options, Func<string> workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (Registry is not null)
        {
            Registry[caseName] = workload;
            return new BenchmarkRow(caseName, TimeSpan.Zero, TimeSpan.Zero, "(recorded, not timed)");
        }
        string quality = "";
        for (int i = 0; i < options.Warmup; i++) quality = workload();
        var times = new List<TimeSpan>(options.Repeats);
        for (int i = 0; i < options.Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            quality = workload();
            times.Add(clock.Elapsed);
        }
        times.Sort();
        return new BenchmarkRow(caseName, times[times.Count / 2], times[0], quality);
    }
}
