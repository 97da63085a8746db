using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Networks;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using TorchSharp;

namespace MlCourse.Benchmarks;

/// <summary>
/// Week 9's figure: one training step (forward, softmax cross-entropy, backward, SGD with momentum) of the same
/// 784 → 128 → 10 ReLU MLP on a batch of 64, from scratch in C# arrays (float64, one thread) and on TorchSharp
/// (float32 and float64, 1 and 2 intra-op threads). Each timed run is 50 steps on the same random batch.
/// No python counterpart: Debian's PyTorch must not be installed on the course machines (it breaks TorchSharp;
/// see the deep-learning notes), so the PyTorch comparison of the issue is left to a machine where it can run.
/// </summary>
public sealed class MlpStepBenchmark : IBenchmark
{
    private const int Batch = 64, Steps = 50;
    private static readonly int[] Sizes = [784, 128, 10];

    public string Name => "mlp-step";
    public string Description => "50 training steps of a 784-128-10 ReLU MLP, batch 64, SGD momentum 0.9: scratch C# arrays (float64) vs TorchSharp (float32/float64, 1 and 2 threads)";

    public IEnumerable<BenchmarkRow> Run(BenchmarkOptions options)
    {
        var rng = Seeded.Random(1);
        var x = Enumerable.Range(0, Batch * Sizes[0]).Select(_ => rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, Batch).Select(_ => rng.Next(Sizes[^1])).ToArray();

        var scratch = new ScratchMlp(Sizes, ActivationKind.Relu, WeightInit.He, seed: 2);
        var optimizer = new SgdMomentum(0.01, 0.9);
        yield return PerStep(Measure.Time("scratch, float64, 1 thread", options, () =>
        {
            double loss = 0;
            for (int t = 0; t < Steps; t++)
            {
                var pass = scratch.Forward(x, Batch);
                var (l, dLogits) = ScratchLosses.SoftmaxCrossEntropy(pass.Output, Batch, Sizes[^1], y);
                optimizer.Step(scratch, scratch.Backward(pass, dLogits));
                loss = l;
            }
            return $"final loss {loss:F4}";
        }));

        foreach (var threads in new[] { 1, 2 })
            foreach (var dtype in new[] { torch.ScalarType.Float32, torch.ScalarType.Float64 })
                yield return PerStep(TorchCase(x, y, threads, dtype, options));
    }

    private static BenchmarkRow TorchCase(double[] x, int[] y, int threads, torch.ScalarType dtype, BenchmarkOptions options)
    {
        TorchNative.EnsureLoaded();
        torch.set_num_threads(threads);
        var model = new Mlp(new MlpConfig(Sizes));
        model.to(dtype);
        MlpWeights.CopyInto(new ScratchMlp(Sizes, ActivationKind.Relu, WeightInit.He, seed: 2), model);
        var sgd = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        using var xt = TensorConversion.ToTensor(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(Batch, Sizes[0], x), dtype);   // (64, 784)
        using var yt = torch.tensor(y.Select(v => (long)v).ToArray());                                                                              // (64,)
        var name = $"TorchSharp, {(dtype == torch.ScalarType.Float32 ? "float32" : "float64")}, {threads} thread{(threads > 1 ? "s" : "")}";
        return Measure.Time(name, options, () =>
        {
            double loss = 0;
            for (int t = 0; t < Steps; t++)
            {
                using var scope = torch.NewDisposeScope();
                sgd.zero_grad();
                var l = torch.nn.functional.cross_entropy(model.forward(xt), yt);
                l.backward();
                sgd.step();
                loss = l.to_type(torch.ScalarType.Float64).item<double>();
            }
            return $"final loss {loss:F4}";
        });
    }

    // The timed unit is 50 steps; report per step.
    private static BenchmarkRow PerStep(BenchmarkRow row) =>
        row with { Case = row.Case + " (per step)", Median = row.Median / Steps, Fastest = row.Fastest / Steps };
}
