using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MlCourse.Benchmarks;

/// <summary>
/// <c>course-bench compare</c>: both sides in one run, alternately. This process holds the C# workloads (recorded by
/// <see cref="Measure.Registry"/>) and a python child (benchmarks/python/serve.py) holds scikit-learn's; every timed
/// round calls C# once, then each scikit-learn variant once (A B A B ...), so load that drifts during the run hits both
/// sides alike. Also times the first call of each workload in a fresh process of each side, as a learner meets it.
/// </summary>
public static class Compare
{
    /// <summary>One table row: a C# case and the scikit-learn cases that do the same work (the first is the default).</summary>
    private sealed record Pair(string Benchmark, string Case, string[] Sklearn);

    private static readonly Pair[] Pairs =
    [
        new("logistic-and-auc", "logistic fit (Newton)", ["logistic fit (lbfgs)", "logistic fit (newton-cg)"]),
        new("logistic-and-auc", "roc auc, 1e6 scores", ["roc auc, 1e6 scores"]),
        new("svm", "breast cancer, rbf gamma 1/30, C=1", ["breast cancer, rbf gamma 1/30, C=1", "breast cancer, rbf gamma 1/30, C=1, no shrinking"]),
        new("svm", "breast cancer, linear, C=1", ["breast cancer, linear, C=1", "breast cancer, linear, C=1, no shrinking"]),
        new("svm", "digits OvO, rbf gamma 0.001, C=10", ["digits OvO, rbf gamma 0.001, C=10", "digits OvO, rbf gamma 0.001, C=10, no shrinking"]),
        new("svm", "digits OvO, linear, C=1", ["digits OvO, linear, C=1", "digits OvO, linear, C=1, no shrinking"]),
        new("trees", "breast_cancer: decision tree fit", ["breast_cancer: decision tree fit"]),
        new("trees", "digits: decision tree fit", ["digits: decision tree fit"]),
        new("trees", "breast_cancer: random forest fit, 100 trees", ["breast_cancer: random forest fit, 100 trees"]),
        new("trees", "digits: random forest fit, 100 trees", ["digits: random forest fit, 100 trees"]),
        new("trees", "breast_cancer: gradient boosting, 100 x depth 3, Gradient leaves", ["breast_cancer: gradient boosting, 100 x depth 3"]),
        new("trees", "breast_cancer: gradient boosting, 100 x depth 3, Newton leaves", ["breast_cancer: gradient boosting, 100 x depth 3"]),
        new("trees", "breast_cancer: gradient boosting, 100 x depth 3, GradientTreeNewtonLeaves leaves", ["breast_cancer: gradient boosting, 100 x depth 3"]),
        new("unsupervised", "k-means digits k=10, k-means++ n_init=10", ["k-means digits k=10, k-means++ n_init=10"]),
        new("unsupervised", "k-means digits k=10, init = first 10 rows", ["k-means digits k=10, init = first 10 rows"]),
        new("unsupervised", "PCA digits 1797x64, all components", ["PCA digits 1797x64, all components"]),
        new("unsupervised", "PCA Gaussian 20000x100, fit + transform 10", ["PCA Gaussian 20000x100, fit + transform 10 (full)", "PCA Gaussian 20000x100, fit + transform 10 (randomized)"]),
        new("scaling", "logistic fit 10000x100 (Lbfgs)", ["logistic fit 10000x100"]),
        new("scaling", "softmax fit 10000x100, 5 classes (Lbfgs)", ["softmax fit 10000x100, 5 classes"]),
        new("scaling", "logistic fit 10000x100 (Newton)", ["logistic fit 10000x100"]),
        new("scaling", "softmax fit 10000x100, 5 classes (Newton)", ["softmax fit 10000x100, 5 classes"]),
        new("scaling", "logistic fit 20000x100 (Lbfgs)", ["logistic fit 20000x100"]),
        new("scaling", "softmax fit 20000x100, 5 classes (Lbfgs)", ["softmax fit 20000x100, 5 classes"]),
        new("scaling", "logistic fit 20000x100 (Newton)", ["logistic fit 20000x100"]),
        new("scaling", "softmax fit 20000x100, 5 classes (Newton)", ["softmax fit 20000x100, 5 classes"]),
        new("scaling", "decision tree fit 10000x50", ["decision tree fit 10000x50"]),
        new("scaling", "random forest fit 10000x50, 20 trees", ["random forest fit 10000x50, 20 trees"]),
        new("scaling", "decision tree fit 20000x50", ["decision tree fit 20000x50"]),
        new("scaling", "random forest fit 20000x50, 20 trees", ["random forest fit 20000x50, 20 trees"]),
        new("scaling", "k-means 50000x16, k=8, init = first 8 rows", ["k-means 50000x16, k=8, init = first 8 rows"]),
        new("scaling", "k-means 100000x16, k=8, init = first 8 rows", ["k-means 100000x16, k=8, init = first 8 rows"]),
    ];

    // Tiered compilation: a method is promoted to optimised tier-1 code after 30 calls (loops earlier, by OSR) and the
    // promotion is compiled on a background thread after a 100 ms quiet period. So C# warm-up runs until at least 30
    // calls or 3 s of calls, then waits 500 ms; the timed runs then count methods still being JIT-compiled (JitInfo),
    // and the table shows that count, so a row timed while code was still being optimised is visible.
    private const int TierUpCalls = 30;
    private static readonly TimeSpan WarmupBudget = TimeSpan.FromSeconds(3), TierUpWait = TimeSpan.FromMilliseconds(500);

    /// <summary>Child mode: times the first call of one case in this (fresh) process and prints one JSON line.</summary>
    public static int FirstCall(IReadOnlyList<IBenchmark> benchmarks, string benchmark, string caseName)
    {
        var registry = Record(benchmarks.Where(b => b.Name == benchmark));
        if (!registry.TryGetValue(caseName, out var workload)) { Console.Error.WriteLine($"no case '{caseName}' in {benchmark}"); return 2; }
        var clock = Stopwatch.StartNew();
        var quality = workload();
        Console.WriteLine(JsonSerializer.Serialize(new { ms = clock.Elapsed.TotalMilliseconds, quality }));
        return 0;
    }

    public static int Run(IReadOnlyList<IBenchmark> benchmarks, BenchmarkOptions options, string? resultsPath, bool firstCall, string? only)
    {
        string root = RepositoryRoot();
        var pairs = Pairs.Where(p => only is null || p.Case.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
        string load0 = LoadAverage();
        var registry = Record(benchmarks.Where(b => pairs.Any(p => p.Benchmark == b.Name)));
        using var python = new PythonSide(root, pairs.Select(p => p.Benchmark).Distinct());
        Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}; {python.Versions}; load {load0}");
        Console.WriteLine($"per row: C# warm-up to >= {TierUpCalls} calls or {WarmupBudget.TotalSeconds:F0} s, scikit-learn {options.Warmup} warm-ups, then {options.Repeats} alternating rounds");

        var results = new List<RowResult>();
        foreach (var pair in pairs)
        {
            var work = registry[pair.Case];
            int warmCalls = 0;
            var warm = Stopwatch.StartNew();
            string csQuality = "";
            while (warmCalls < options.Warmup || (warmCalls < TierUpCalls && warm.Elapsed < WarmupBudget)) { csQuality = work(); warmCalls++; }
            Thread.Sleep(TierUpWait);
            foreach (var s in pair.Sklearn) for (int i = 0; i < options.Warmup; i++) python.Call(s);

            var cs = new List<double>();
            var py = pair.Sklearn.ToDictionary(s => s, _ => new List<double>());
            var pyQuality = new Dictionary<string, string>();
            long bytes = 0, jitDuring = 0;   // counted around the C# calls only (this process also parses the python replies)
            for (int r = 0; r < options.Repeats; r++)
            {
                long b0 = GC.GetAllocatedBytesForCurrentThread(), jit0 = System.Runtime.JitInfo.GetCompiledMethodCount();
                var clock = Stopwatch.StartNew();
                csQuality = work();
                cs.Add(clock.Elapsed.TotalMilliseconds);
                jitDuring += System.Runtime.JitInfo.GetCompiledMethodCount() - jit0;
                bytes += GC.GetAllocatedBytesForCurrentThread() - b0;
                foreach (var s in pair.Sklearn)
                {
                    var (ms, q) = python.Call(s);
                    py[s].Add(ms);
                    pyQuality[s] = q;
                }
            }
            var row = new RowResult(pair, Median(cs), cs.Min(), csQuality, warmCalls, jitDuring, bytes / (double)options.Repeats,
                pair.Sklearn.Select(s => (s, Median(py[s]), pyQuality[s])).ToArray());
            if (firstCall) row = row with { FirstCs = FirstCallCs(pair), FirstPy = python.FirstCall(pair.Benchmark, pair.Sklearn[0]) };
            results.Add(row);
            Console.WriteLine(Format(row));
        }
        string load1 = LoadAverage();
        Console.WriteLine($"load average at the end: {load1}");
        if (resultsPath is not null)
        {
            WriteResults(Path.Combine(root, resultsPath), results, options, python.Versions, load0, load1, firstCall);
            Console.WriteLine($"wrote {resultsPath}");
        }
        return 0;
    }

    private sealed record RowResult(Pair Pair, double CsMedian, double CsMin, string CsQuality, int WarmCalls, long JitDuring, double BytesPerCall,
        (string Case, double Median, string Quality)[] Sklearn)
    {
        public double? FirstCs { get; init; }
        public double? FirstPy { get; init; }
        public double BestSklearn => Sklearn.Min(s => s.Median);
        public double Ratio => CsMedian / BestSklearn;
    }

    private static Dictionary<string, Func<string>> Record(IEnumerable<IBenchmark> benchmarks)
    {
        var registry = new Dictionary<string, Func<string>>();
        Measure.Registry = registry;
        try { foreach (var b in benchmarks) _ = b.Run(new BenchmarkOptions()).ToList(); }
        finally { Measure.Registry = null; }
        return registry;
    }

    private static double FirstCallCs(Pair pair)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "first-call", pair.Benchmark, pair.Case }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        string line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        return JsonDocument.Parse(line).RootElement.GetProperty("ms").GetDouble();
    }

    private static double Median(List<double> xs) { var s = xs.Order().ToArray(); return s[s.Length / 2]; }

    private static string Format(RowResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{r.Pair.Case,-62} C# {r.CsMedian,9:F2} ms");
        foreach (var s in r.Sklearn) sb.Append(CultureInfo.InvariantCulture, $" | sk {s.Median,9:F2}");
        sb.Append(CultureInfo.InvariantCulture, $" | ratio {r.Ratio:F2} | jit {r.JitDuring} | {r.BytesPerCall / 1e6:F2} MB/call");
        if (r.FirstCs is not null) sb.Append(CultureInfo.InvariantCulture, $" | first {r.FirstCs:F0} / {r.FirstPy:F0}");
        sb.Append($"\n      C#: {r.CsQuality}\n      sk: {string.Join(" | ", r.Sklearn.Select(s => s.Quality).Distinct())}");
        return sb.ToString();
    }

    private const string Begin = "<!-- course-bench compare: begin (generated, do not edit by hand) -->";
    private const string End = "<!-- course-bench compare: end -->";

    private static void WriteResults(string path, List<RowResult> rows, BenchmarkOptions options, string versions, string load0, string load1, bool firstCall)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine(inv, $"Generated by `course-bench compare --write` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} logical cores ({CpuModel()}), {OsName()},");
        md.AppendLine(inv, $".NET {Environment.Version} Release; {versions}. Load average (1, 5, 15 min) {load0} at the start, {load1} at the end");
        md.AppendLine("(the machine is shared: these are loaded figures; the alternation makes drift hit both sides, so read the ratios).");
        md.AppendLine(inv, $"Per row: C# warm-up to at least {TierUpCalls} calls (or {WarmupBudget.TotalSeconds:F0} s of calls) and a {TierUpTotalMs()} ms wait for the background tier-1 compile;");
        md.AppendLine(inv, $"scikit-learn {options.Warmup} warm-ups; then {options.Repeats} rounds of one C# call and one call of each scikit-learn variant. Medians in ms.");
        md.AppendLine("\"JIT\" is the number of methods the runtime compiled during the timed C# calls (0: steady-state code was timed).");
        if (firstCall) md.AppendLine("\"first call\" is one call in a fresh process of each side (C#: this executable; python: serve.py with the default variant), after data set-up.");
        md.AppendLine();
        md.AppendLine("| workload | C# | scikit-learn (variants) | ratio C# / fastest sk | C# first call | sk first call | JIT | C# MB/call | quality C# | quality scikit-learn |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            string sk = string.Join("; ", r.Sklearn.Select(s => string.Create(inv, $"{s.Median:F2}{Variant(r.Pair, s.Case)}")));
            string q = string.Join("; ", r.Sklearn.Select(s => s.Quality).Distinct());
            md.AppendLine(inv, $"| {r.Pair.Benchmark}: {r.Pair.Case} | {r.CsMedian:F2} | {sk} | **{r.Ratio:F2}** | {r.FirstCs?.ToString("F1", inv) ?? "-"} | {r.FirstPy?.ToString("F1", inv) ?? "-"} | {r.JitDuring} | {r.BytesPerCall / 1e6:F2} | {r.CsQuality} | {q} |");
        }
        md.AppendLine(End);
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n\n";
        int b = text.IndexOf(Begin, StringComparison.Ordinal), e = text.IndexOf(End, StringComparison.Ordinal);
        text = b >= 0 && e > b ? text[..b] + md + text[(e + End.Length)..].TrimStart('\r', '\n').Insert(0, "\n")
                               : text.TrimEnd() + "\n\n## Side by side, one run (`course-bench compare`)\n\n" + md;
        File.WriteAllText(path, text);
    }

    private static double TierUpTotalMs() => TierUpWait.TotalMilliseconds;

    // The scikit-learn variant named after the shared prefix, e.g. " (lbfgs)", so the table says which figure is which.
    private static string Variant(Pair pair, string sk)
    {
        if (pair.Sklearn.Length == 1) return "";
        int common = 0;
        var other = pair.Sklearn.First(s => s != sk);
        while (common < Math.Min(sk.Length, other.Length) && sk[common] == other[common]) common++;
        var rest = sk[common..].Trim(' ', ',', '(', ')');
        return rest.Length == 0 ? " (default)" : $" ({rest})";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?" : "?";

    private static string OsName() =>
        File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') ?? "?" : Environment.OSVersion.ToString();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "benchmarks", "python", "serve.py"))) return dir.FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "benchmarks", "python", "serve.py"))) return dir.FullName;
        throw new InvalidOperationException("course-bench compare: run from inside the repository (benchmarks/python/serve.py not found).");
    }

    /// <summary>The scikit-learn side: a long-lived serve.py child for the alternating rounds, fresh ones for first calls.</summary>
    private sealed class PythonSide : IDisposable
    {
        private const string Python = "/usr/bin/python3";   // Debian's, with python3-sklearn
        private readonly string _root;
        private readonly Process _server;
        public string Versions { get; }

        public PythonSide(string root, IEnumerable<string> benchmarks)
        {
            _root = root;
            (_server, Versions) = Start(benchmarks);
        }

        public (double Ms, string Quality) Call(string caseName) => Ask(_server, caseName);

        public double FirstCall(string benchmark, string caseName)
        {
            var (fresh, _) = Start([benchmark]);
            try { return Ask(fresh, caseName).Ms; }
            finally { fresh.StandardInput.Close(); fresh.WaitForExit(); fresh.Dispose(); }
        }

        private (Process, string) Start(IEnumerable<string> benchmarks)
        {
            var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(_root, "benchmarks", "python", "serve.py"));
            foreach (var b in benchmarks) start.ArgumentList.Add(b);
            var p = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
            var ready = JsonDocument.Parse(p.StandardOutput.ReadLine() ?? throw new InvalidOperationException("serve.py exited before it was ready")).RootElement;
            return (p, ready.GetProperty("versions").GetString()!);
        }

        private static (double Ms, string Quality) Ask(Process p, string caseName)
        {
            p.StandardInput.WriteLine(caseName);
            p.StandardInput.Flush();
            var reply = JsonDocument.Parse(p.StandardOutput.ReadLine() ?? throw new InvalidOperationException("serve.py exited")).RootElement;
            if (reply.TryGetProperty("error", out var error)) throw new InvalidOperationException($"serve.py: {error.GetString()}");
            return (reply.GetProperty("ms").GetDouble(), reply.GetProperty("quality").GetString()!);
        }

        public void Dispose()
        {
            _server.StandardInput.Close();
            _server.WaitForExit();
            _server.Dispose();
        }
    }
}
