using MlCourse.DeepLearning.Exercises;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static MlCourse.DeepLearning.Tests.Training.TrainingProblem;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>
/// Every checker of week11-training-in-practice.ipynb accepts the reference, rejects the mistakes candidates make, and
/// calls the stub "not attempted"; the references agree with TorchSharp and the course library.
/// </summary>
public sealed class Week11ScalingExercisesTests
{
    // ---- Exercise 1: clipping by the global norm ----

    public static TheoryData<string, Func<double[][], double, double[][]>> WrongClips() => new()
    {
        // Clip by value: each entry clamped to [-maxNorm, maxNorm] (clip_grad_value_), which changes the direction.
        { "clip by value", (g, m) => g.Select(p => p.Select(v => Math.Clamp(v, -m, m)).ToArray()).ToArray() },
        // Each parameter's own norm clipped separately: not the global norm clip_grad_norm_ uses.
        { "per-parameter norm", (g, m) => g.Select(p => { double n = Math.Sqrt(p.Sum(v => v * v)); return p.Select(v => n > m ? v * m / n : v).ToArray(); }).ToArray() },
        // Always normalising to maxNorm, even when the norm is already below it.
        { "always rescaled to maxNorm", (g, m) => { double n = Math.Sqrt(g.Sum(p => p.Sum(v => v * v))); return g.Select(p => p.Select(v => v * m / n).ToArray()).ToArray(); } },
        // The squared norm used as if it were the norm.
        { "squared norm", (g, m) => { double n = g.Sum(p => p.Sum(v => v * v)); return g.Select(p => p.Select(v => n > m ? v * m / n : v).ToArray()).ToArray(); } },
    };

    [Fact]
    public void The_clipping_checker_accepts_the_reference() => AssertPassed(Week11Scaling.CheckClipByNorm(Week11ScalingSolutions.ClipByNorm));

    [Theory]
    [MemberData(nameof(WrongClips))]
    public void The_clipping_checker_rejects_a_wrong_answer(string mistake, Func<double[][], double, double[][]> clip) =>
        AssertRejected(mistake, Week11Scaling.CheckClipByNorm(clip));

    [Fact]
    public void The_clipping_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week11Scaling.CheckClipByNorm((_, _) => throw new NotImplementedException()));

    [Fact]
    public void The_clipping_reference_matches_clip_grad_norm_()
    {
        var (x, y) = Blobs(32, 1);
        var model = Mlp(0);
        using var scope = NewDisposeScope();
        CrossEntropy(model.forward(x), y).backward();
        var before = model.parameters().Select(p => TensorConversion.ToDoubles(p.grad!)).ToArray();
        nn.utils.clip_grad_norm_(model.parameters(), 0.05);
        var torchs = model.parameters().SelectMany(p => TensorConversion.ToDoubles(p.grad!)).ToArray();
        var ours = Week11ScalingSolutions.ClipByNorm(before, 0.05).SelectMany(p => p).ToArray();
        Assert.True(MaxDifference(torchs, ours) < 1e-7, $"max difference {MaxDifference(torchs, ours)}");   // float32 gradients
    }

    // ---- Exercise 2: linear warm-up ----

    public static TheoryData<string, Func<int, int, double, double>> WrongWarmups() => new()
    {
        // Off by one: step 0 gets rate 0 (a wasted update) and the full rate arrives one step late.
        { "t / W", (t, w, eta) => t < w ? eta * t / w : eta },
        // Dividing by W + 1 never reaches η inside the warm-up.
        { "(t + 1) / (W + 1)", (t, w, eta) => t < w ? eta * (t + 1) / (w + 1) : eta },
        // Warm-up that never ends.
        { "no cap at eta", (t, w, eta) => eta * (t + 1) / w },
    };

    [Fact]
    public void The_warmup_checker_accepts_the_reference() => AssertPassed(Week11Scaling.CheckWarmup(Week11ScalingSolutions.Warmup));

    [Theory]
    [MemberData(nameof(WrongWarmups))]
    public void The_warmup_checker_rejects_a_wrong_answer(string mistake, Func<int, int, double, double> rate) =>
        AssertRejected(mistake, Week11Scaling.CheckWarmup(rate));

    [Fact]
    public void The_warmup_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week11Scaling.CheckWarmup((_, _, _) => throw new NotImplementedException()));

    // ---- Exercise 3: the all-reduce ----

    public static TheoryData<string, Func<double[][], int[], double[]>> WrongAllReduces() => new()
    {
        // Summing instead of averaging: W times the large batch's gradient.
        { "sum of the workers' gradients", (g, _) => Enumerable.Range(0, g[0].Length).Select(i => g.Sum(w => w[i])).ToArray() },
        // The plain mean of means: right only when the shards are equal.
        { "unweighted mean", (g, _) => Enumerable.Range(0, g[0].Length).Select(i => g.Average(w => w[i])).ToArray() },
        // Weighted sum without dividing by the total count.
        { "weighted sum, no division", (g, n) => Enumerable.Range(0, g[0].Length).Select(i => g.Select((w, k) => w[i] * n[k]).Sum()).ToArray() },
    };

    [Fact]
    public void The_all_reduce_checker_accepts_the_reference() => AssertPassed(Week11Scaling.CheckAllReduce(Week11ScalingSolutions.AllReduce));

    [Theory]
    [MemberData(nameof(WrongAllReduces))]
    public void The_all_reduce_checker_rejects_a_wrong_answer(string mistake, Func<double[][], int[], double[]> allReduce) =>
        AssertRejected(mistake, Week11Scaling.CheckAllReduce(allReduce));

    [Fact]
    public void The_all_reduce_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week11Scaling.CheckAllReduce((_, _) => throw new NotImplementedException()));

    [Fact]
    public void The_all_reduce_reference_on_equal_shards_is_the_library_s_mean()
    {
        double[][] g = [[1.0, -2.0, 0.5], [3.0, 4.0, -1.5]];
        Assert.Equal(SimulatedDataParallel.AllReduceMean(g), Week11ScalingSolutions.AllReduce(g, [5, 5]));
    }
}
