using System.Globalization;
using MlCourse.DeepLearning.Benchmarks;
using TorchSharp;

// Usage: course-dl-bench [--nets mlp,lenet,lstm] [--threads N] [--rounds N] [--steps N] [--warmup N]
//                        [--python PATH] [--python-path DIR] [--python-ld-path DIRS] [--no-python]
// Each round times TorchSharp, then PyTorch (a fresh python process), for each network: A B A B ...,
// so drift on a shared machine hits both sides alike. Medians are over every timed step of every round.
// `course-dl-bench attention [--lengths 64,128,256,512,1024] [--repeats N] [--threads N]`: scratch attention against
// scaled_dot_product_attention by sequence length (AttentionBenchmark.cs).
if (args.Length > 0 && args[0] == "attention") return MlCourse.DeepLearning.Benchmarks.AttentionBenchmark.Run(args[1..]);
var options = new Dictionary<string, string>
{
    ["nets"] = "mlp,lenet,lstm", ["threads"] = $"{Environment.ProcessorCount}", ["rounds"] = "3",
    ["steps"] = "20", ["warmup"] = "5", ["python"] = "/usr/bin/python3",
};
bool withPython = true;
for (int i = 0; i < args.Length; i++)
{
    string name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
    if (name == "no-python") { withPython = false; continue; }
    if (name is "nets" or "threads" or "rounds" or "steps" or "warmup" or "python" or "python-path" or "python-ld-path" && i + 1 < args.Length)
    { options[name] = args[++i]; continue; }
    Console.Error.WriteLine($"course-dl-bench: unknown or incomplete option '{args[i]}' (see the usage at the top of Program.cs or benchmarks/README.md).");
    return 2;
}

int Positive(string key)
{
    if (int.TryParse(options[key], out int value) && value > 0) return value;
    Console.Error.WriteLine($"course-dl-bench: --{key} must be a positive integer, got '{options[key]}'.");
    Environment.Exit(2);
    return 0;
}

int threads = Positive("threads"), rounds = Positive("rounds"), steps = Positive("steps"), warmup = Positive("warmup");
var nets = options["nets"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var unknown = nets.Where(n => StepWorkload.All.All(w => w.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"course-dl-bench: unknown network(s) {string.Join(", ", unknown)} (known: {string.Join(", ", StepWorkload.All.Select(w => w.Name))}).");
    return 2;
}

#if DEBUG
Console.WriteLine("warning: a Debug build; timings mean little. Use -c Release.");
#endif
string script = Path.Combine(AppContext.BaseDirectory, "dl_steps.py");
var python = withPython ? new PythonSide(options["python"], script, options.GetValueOrDefault("python-path"), options.GetValueOrDefault("python-ld-path")) : null;
torch.set_num_threads(threads);
Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, TorchSharp {typeof(torch).Assembly.GetName().Version} " +
                  $"(libtorch {torch.__version__}), {threads} threads both sides, {rounds} rounds x {steps} timed steps after {warmup} warm-up steps");

var rows = new List<string>();
foreach (var workload in StepWorkload.All.Where(w => nets.Contains(w.Name)))
{
    var sharp = new List<double>();
    var pytorch = new List<double>();
    PythonStepReport? lastPython = null;
    double sharpLoss = 0;
    for (int round = 0; round < rounds; round++)
    {
        var (times, loss) = StepTimer.Run(workload, warmup, steps, seed: round);
        sharp.AddRange(times);
        sharpLoss = loss;
        if (python is null) continue;
        try
        {
            lastPython = python.Run(workload.Name, threads, warmup, steps, seed: round);
            pytorch.AddRange(lastPython.StepMilliseconds);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"course-dl-bench: {e.Message}");
            python = null;
        }
    }
    Console.WriteLine();
    Console.WriteLine($"## {workload.Name}: {workload.Description}");
    Console.WriteLine(Line("TorchSharp", sharp, $"last loss {sharpLoss:F3}"));
    if (lastPython is not null)
    {
        Console.WriteLine(Line($"PyTorch {lastPython.TorchVersion}", pytorch, $"last loss {lastPython.FinalLoss:F3}; BLAS {lastPython.Blas}; threads {lastPython.Threads}"));
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {workload.Name} | {Median(sharp):F2} | {Median(pytorch):F2} | {Median(sharp) / Median(pytorch):F2} |"));
    }
}

if (rows.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("| network | TorchSharp median ms/step | PyTorch median ms/step | ratio (TorchSharp / PyTorch) |");
    Console.WriteLine("|---|---:|---:|---:|");
    rows.ForEach(Console.WriteLine);
}
return 0;

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Line(string side, List<double> times, string note) => string.Create(CultureInfo.InvariantCulture,
    $"{side,-22} median {Median(times),9:F2} ms/step   min {times.Min(),9:F2}   ({times.Count} steps; {note})");
