using MlCourse.DeepLearning.Networks;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch;

/// <summary>The scratch MLP and its TorchSharp twin, given the same weights, compute the same numbers (float64).</summary>
public sealed class MlpAgreementTests
{
    private static Mlp TwinOf(ScratchMlp scratch)
    {
        var model = new Mlp(new MlpConfig(scratch.Sizes.ToArray(), scratch.Hidden.Kind));
        model.to(ScalarType.Float64);
        MlpWeights.CopyInto(scratch, model);
        return model;
    }

    private static Tensor Inputs(double[] x, int n, int d) =>
        TensorConversion.ToTensor(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(n, d, x), ScalarType.Float64);   // (n, d)

    private static Tensor Labels(int[] y) => tensor(y.Select(v => (long)v).ToArray());                                                // (n,)

    private static double MaxDifference(IEnumerable<double[]> a, IEnumerable<double[]> b) =>
        a.Zip(b, (u, v) => u.Zip(v, (p, q) => Math.Abs(p - q)).Max()).Max();

    [Theory]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.LeakyRelu)]
    [InlineData(ActivationKind.Gelu)]
    public void Same_weights_give_the_same_logits_loss_and_gradients_as_TorchSharp_autograd(ActivationKind hidden)
    {
        var scratch = new ScratchMlp([12, 9, 7, 4], hidden, WeightInit.Xavier, seed: 5);
        var (x, y) = ScratchProblem.Random(16, 12, 4, seed: 6);
        var pass = scratch.Forward(x, 16);
        var (loss, dLogits) = ScratchLosses.SoftmaxCrossEntropy(pass.Output, 16, 4, y);
        var grads = scratch.Backward(pass, dLogits);

        using var scope = NewDisposeScope();
        var model = TwinOf(scratch);
        var logits = model.forward(Inputs(x, 16, 12));                                   // (16, 4)
        var torchLoss = nn.functional.cross_entropy(logits, Labels(y));
        torchLoss.backward();
        var (dW, db) = MlpWeights.Gradients(model);

        Assert.True(MaxDifference([pass.Output], [TensorConversion.ToDoubles(logits)]) < 1e-12);
        Assert.Equal(torchLoss.item<double>(), loss, 12);
        Assert.True(MaxDifference(grads.Weights, dW) < 1e-12, $"dW differ by {MaxDifference(grads.Weights, dW)}");
        Assert.True(MaxDifference(grads.Biases, db) < 1e-12, $"db differ by {MaxDifference(grads.Biases, db)}");
    }

    [Fact]
    public void Copying_weights_there_and_back_is_exact()
    {
        var scratch = new ScratchMlp([6, 5, 3], seed: 1);
        using var scope = NewDisposeScope();
        var back = MlpWeights.ToScratch(TwinOf(scratch));
        Assert.Equal(0.0, MaxDifference(scratch.Weights, back.Weights));
        Assert.Equal(0.0, MaxDifference(scratch.Biases, back.Biases));
    }

    [Fact]
    public void Two_epochs_of_scratch_SGD_with_momentum_land_on_the_weights_the_course_Trainer_reaches()
    {
        // Same initial weights, same batches (both cut by BatchOrder from the same seed), same update rule
        // (torch.optim.SGD with momentum): the two runs must stay together step after step.
        var scratch = new ScratchMlp([10, 8, 3], ActivationKind.Relu, WeightInit.He, seed: 2);
        var (x, y) = ScratchProblem.Random(90, 10, 3, seed: 9);
        using var scope = NewDisposeScope();
        var model = TwinOf(scratch);
        var options = new ScratchTrainingOptions(Epochs: 2, BatchSize: 16, LearningRate: 0.05, Momentum: 0.9) { Seed = 4 };
        var scratchHistory = ScratchTraining.Fit(scratch, x, y, options);

        var trainer = new Trainer(model, optim.SGD(model.parameters(), 0.05, momentum: 0.9),
            (logits, labels) => nn.functional.cross_entropy(logits, labels),
            new TrainerOptions(Epochs: 2, BatchSize: 16) { Seed = 4 });
        var torchHistory = trainer.Fit(Inputs(x, 90, 10), Labels(y));

        var trained = MlpWeights.ToScratch(model);
        Assert.Equal(torchHistory.Steps, scratchHistory.Steps.Count);   // ⌈90/16⌉ = 6 steps an epoch, 12 in all
        Assert.True(MaxDifference(scratch.Weights, trained.Weights) < 1e-10, $"weights differ by {MaxDifference(scratch.Weights, trained.Weights)}");
        Assert.True(MaxDifference(scratch.Biases, trained.Biases) < 1e-10);
        Assert.Equal(torchHistory.Epochs[^1].TrainLoss, scratchHistory.Epochs[^1].TrainLoss, 10);
    }

    [Fact]
    public void Training_the_TorchSharp_twin_through_the_Trainer_keeps_the_live_tensor_count_flat()
    {
        var (x, y) = ScratchProblem.Random(200, 10, 3, seed: 3);
        TorchSeed.Seed(0);
        var model = new Mlp(new MlpConfig([10, 16, 3]));
        var xt = TensorConversion.ToTensor(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(200, 10, x));   // (200, 10) float32
        var yt = Labels(y);
        var counts = new List<(int Step, long Live)>();
        new Trainer(model, optim.SGD(model.parameters(), 0.05, momentum: 0.9), (logits, labels) => nn.functional.cross_entropy(logits, labels),
                new TrainerOptions(Epochs: 10, BatchSize: 20) { Metrics = [Metric.Accuracy] })
            .Fit(xt, yt, (xt, yt), p => counts.Add((p.Step, DisposeScopeManager.Statistics.ThreadTotalLiveCount)));
        // After the first step (gradients and momentum buffers appear then) nothing may accumulate over 100 steps and 10 evaluations.
        Assert.Equal(100 + 10, counts.Count);
        var settled = counts.Where(c => c.Step >= 2).Select(c => c.Live).Distinct().ToArray();
        Assert.True(settled.Length == 1, $"live tensors over the run: {string.Join(", ", settled)}");
    }

    [Fact]
    public void Copying_between_networks_of_different_shapes_is_refused()
    {
        using var scope = NewDisposeScope();
        var model = new Mlp(new MlpConfig([6, 4, 3]));
        var ex = Assert.Throws<ArgumentException>(() => MlpWeights.CopyInto(new ScratchMlp([6, 5, 3]), model));
        Assert.Equal("model", ex.ParamName);
        Assert.Throws<InvalidOperationException>(() => MlpWeights.Gradients(model));
    }
}
