using System.Diagnostics;
using System.Globalization;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Benchmarks;

/// <summary>
/// `course-dl-bench attention`: the course's scratch scaled dot-product attention (plain C# loops, float64) against
/// TorchSharp's functional.scaled_dot_product_attention (float64 and float32) for one head of width 64 at growing sequence
/// lengths, forward only. Time is the median of the timed calls; memory is what the call needs beyond what was live before
/// it: for the scratch side the bytes the managed heap allocated, for TorchSharp the growth of the process's peak resident
/// set (reset through /proc/self/clear_refs before each call, Linux only), since libtorch allocates outside the managed heap.
/// </summary>
public static class AttentionBenchmark
{
    public static int Run(string[] args)
    {
        var lengths = new[] { 64, 128, 256, 512, 1024 };
        int repeats = 5, dim = 64;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lengths" && i + 1 < args.Length) lengths = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            else if (args[i] == "--repeats" && i + 1 < args.Length) repeats = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--threads" && i + 1 < args.Length) set_num_threads(int.Parse(args[++i], CultureInfo.InvariantCulture));
            else
            {
                Console.Error.WriteLine($"course-dl-bench attention: unknown or incomplete option '{args[i]}' (--lengths 64,128 --repeats N --threads N).");
                return 2;
            }
        }
        Console.WriteLine($"{Environment.ProcessorCount} logical cores, TorchSharp threads {get_num_threads()}, libtorch {__version__}; one head, d = {dim}, " +
                          $"forward only; median of {repeats} calls after one warm-up");
        Console.WriteLine();
        Console.WriteLine("| L | scratch float64 ms | SDPA float64 ms | SDPA float32 ms | scratch MiB allocated | SDPA float64 peak RSS growth MiB | L² x 8 bytes MiB | largest |difference| |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int l in lengths)
        {
            var shape = AttentionShape.Self(1, 1, l, dim);
            var rng = new Random(l);
            double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
            double[] q = Draw(shape.QuerySize), k = Draw(shape.KeySize), v = Draw(shape.ValueSize);

            ScaledDotProductAttention.Forward(q, k, v, shape);   // warm-up (JIT)
            long before = GC.GetAllocatedBytesForCurrentThread();
            var pass = ScaledDotProductAttention.Forward(q, k, v, shape);
            double scratchBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            double scratchMs = Median(repeats, () => ScaledDotProductAttention.Forward(q, k, v, shape));

            double difference = 0, torchPeak = double.NaN, torch64 = 0, torch32 = 0;
            using (var scope = NewDisposeScope())
            {
                long[] dims = [1, 1, l, dim];
                var (tq, tk, tv) = (TensorConversion.ToTensor(q, dims), TensorConversion.ToTensor(k, dims), TensorConversion.ToTensor(v, dims));
                var output = nn.functional.scaled_dot_product_attention(tq, tk, tv);
                difference = TensorConversion.ToDoubles(output).Zip(pass.Output, (a, b) => Math.Abs(a - b)).Max();
                torchPeak = PeakGrowth(() => nn.functional.scaled_dot_product_attention(tq, tk, tv).Dispose());
                torch64 = Median(repeats, () => nn.functional.scaled_dot_product_attention(tq, tk, tv).Dispose());
                var (fq, fk, fv) = (tq.to_type(ScalarType.Float32), tk.to_type(ScalarType.Float32), tv.to_type(ScalarType.Float32));
                nn.functional.scaled_dot_product_attention(fq, fk, fv).Dispose();
                torch32 = Median(repeats, () => nn.functional.scaled_dot_product_attention(fq, fk, fv).Dispose());
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {l} | {scratchMs:F2} | {torch64:F2} | {torch32:F2} | {scratchBytes / (1 << 20):F2} | {torchPeak:F2} | {8.0 * l * l / (1 << 20):F2} | {difference:G2} |"));
        }
        return 0;
    }

    private static double Median(int repeats, Action call)
    {
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>The growth of VmHWM (peak resident set) over one call in MiB, after resetting it to the current resident set; NaN off Linux.</summary>
    private static double PeakGrowth(Action call)
    {
        if (!File.Exists("/proc/self/clear_refs")) return double.NaN;
        File.WriteAllText("/proc/self/clear_refs", "5");   // "5" resets the peak RSS to the current RSS (Linux ≥ 4.0)
        double start = StatusKiB("VmHWM:");
        call();
        return (StatusKiB("VmHWM:") - start) / 1024;
    }

    private static double StatusKiB(string field) =>
        double.Parse(File.ReadLines("/proc/self/status").First(line => line.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
