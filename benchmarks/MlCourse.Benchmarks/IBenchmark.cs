namespace MlCourse.Benchmarks;

/// <summary>
/// One named benchmark: a workload timed by <see cref="Measure"/>, with its python counterpart in
/// benchmarks/python/&lt;Name&gt;.py timing scikit-learn on the same data with the same settings.
/// Program discovers every implementation by reflection, so adding a benchmark is adding one file.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short kebab-case name, also the python script's name (with '-' read as '_').</summary>
    string Name { get; }

    /// <summary>What is timed, in one line (data, size, settings).</summary>
    string Description { get; }

    /// <summary>Runs the workload and returns one row per timed case (and any quality figure, such as accuracy).</summary>
    IEnumerable<BenchmarkRow> Run(BenchmarkOptions options);
}

/// <summary>How many warm-up and timed repetitions each case gets.</summary>
public sealed record BenchmarkOptions(int Warmup = 2, int Repeats = 7);

/// <summary>A timed case: median and fastest wall time over the repeats, plus a quality figure to compare.</summary>
public sealed record BenchmarkRow(string Case, TimeSpan Median, TimeSpan Fastest, string Quality = "");
