using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Scratch;
using MlCourse.DeepLearning.Scratch.Normalization;
using static MlCourse.DeepLearning.Tests.Scratch.Normalization.NormalizationAssert;

namespace MlCourse.DeepLearning.Tests.Scratch.Normalization;

/// <summary>Scratch batch norm against nn.BatchNorm2d / nn.BatchNorm1d (float64): outputs, autograd gradients, running statistics, train and eval.</summary>
public sealed class ScratchBatchNormTests
{
    private const double Tolerance = 1e-12;

    private static ScratchBatchNorm Layer(int channels, double momentum, Random rng)
    {
        var layer = new ScratchBatchNorm(channels, momentum);
        for (int c = 0; c < channels; c++) { layer.Gamma[c] = 1 + 0.5 * rng.NextGaussian(); layer.Beta[c] = rng.NextGaussian(); }
        return layer;
    }

    [Theory]
    [InlineData(0.1)]    // PyTorch's default momentum
    [InlineData(0.5)]
    public void Training_steps_then_eval_match_BatchNorm2d_in_outputs_gradients_and_running_statistics(double momentum)
    {
        var rng = Seeded.Random(11);
        var shape = new ImageShape(3, 4, 3, 5);
        var layer = Layer(shape.Channels, momentum, rng);
        using var torch = TorchNormalizationTwin.BatchNorm2d(shape.Channels, momentum, layer.Gamma, layer.Beta);
        for (int step = 0; step < 3; step++)   // batches with a non-zero mean and a non-unit spread move the running averages visibly
        {
            var x = Gaussian(rng, shape.Length, scale: 2 + step, shift: 3 - step);
            var dy = Gaussian(rng, shape.Length);
            var forward = layer.Forward(x, shape);
            var gradients = layer.Backward(forward, dy);
            var expected = torch.Run(x, shape.ToLongs(), dy);
            MatchesTorch(expected, forward, gradients, Tolerance);
            Close(torch.RunningMean, layer.RunningMean, Tolerance, "running mean");
            Close(torch.RunningVariance, layer.RunningVariance, Tolerance, "running variance (unbiased)");
        }

        layer.Training = false;
        torch.Eval();
        var xEval = Gaussian(rng, shape.Length, scale: 3);
        var dyEval = Gaussian(rng, shape.Length);
        var runningMean = layer.RunningMean.ToArray();
        var evalForward = layer.Forward(xEval, shape);
        var evalGradients = layer.Backward(evalForward, dyEval);
        var evalExpected = torch.Run(xEval, shape.ToLongs(), dyEval);
        Close(evalExpected.Output, evalForward.Output, Tolerance, "eval output");
        Close(evalExpected.InputGradient, evalGradients.Input, Tolerance, "eval dx");
        Close(evalExpected.GammaGradient, evalGradients.Gamma, Tolerance, "eval dγ");
        Assert.Equal(runningMean, layer.RunningMean);   // eval leaves the running averages alone
    }

    [Fact]
    public void Feature_rows_match_BatchNorm1d()
    {
        var rng = Seeded.Random(12);
        int batch = 6, features = 5;
        var layer = Layer(features, 0.1, rng);
        using var torch = TorchNormalizationTwin.BatchNorm1d(features, 0.1, layer.Gamma, layer.Beta);
        var x = Gaussian(rng, batch * features, scale: 2, shift: 1);
        var dy = Gaussian(rng, batch * features);
        var forward = layer.Forward(x, batch, features);
        var gradients = layer.Backward(forward, dy);
        var expected = torch.Run(x, [batch, features], dy);
        MatchesTorch(expected, forward, gradients, Tolerance);
        Close(torch.RunningMean, layer.RunningMean, Tolerance, "running mean");
        Close(torch.RunningVariance, layer.RunningVariance, Tolerance, "running variance");
    }

    /// <summary>
    /// The plausible wrong backward: treat the batch mean and variance as constants, ∂L/∂x = γ·∂L/∂y/σ. It is exactly
    /// right in eval mode, which is why it is an easy mistake in training mode, where it drops the paths through μ and σ².
    /// </summary>
    private static double[] FrozenStatisticsBackward(NormalizationForward forward, double[] gamma, double[] dy) =>
        dy.Select((g, i) => gamma[forward.Layout.ParameterOf[i]] * g * forward.InverseStd[forward.Layout.GroupOf[i]]).ToArray();

    [Fact]
    public void A_backward_that_treats_the_batch_statistics_as_constants_is_caught_in_training_and_right_only_in_eval()
    {
        var rng = Seeded.Random(13);
        var shape = new ImageShape(4, 3, 2, 2);
        var layer = Layer(shape.Channels, 0.1, rng);
        using var torch = TorchNormalizationTwin.BatchNorm2d(shape.Channels, 0.1, layer.Gamma, layer.Beta);
        var x = Gaussian(rng, shape.Length, scale: 2);
        var dy = Gaussian(rng, shape.Length);
        var train = layer.Forward(x, shape);
        var expected = torch.Run(x, shape.ToLongs(), dy).InputGradient;
        Close(expected, layer.Backward(train, dy).Input, Tolerance, "correct dx");
        Assert.True(MaxDifference(expected, FrozenStatisticsBackward(train, layer.Gamma, dy)) > 0.05);

        layer.Training = false;
        torch.Eval();
        var eval = layer.Forward(x, shape);
        Close(torch.Run(x, shape.ToLongs(), dy).InputGradient, FrozenStatisticsBackward(eval, layer.Gamma, dy), Tolerance, "frozen-statistics dx in eval");
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_name()
    {
        Assert.Equal("channels", Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchBatchNorm(0)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchBatchNorm(2, momentum: 0)).ParamName);
        var layer = new ScratchBatchNorm(2);
        Assert.Equal("shape", Assert.ThrowsAny<ArgumentException>(() => layer.Forward(new double[12], new ImageShape(1, 3, 2, 2))).ParamName);
        Assert.Equal("x", Assert.ThrowsAny<ArgumentException>(() => layer.Forward(new double[7], new ImageShape(1, 2, 2, 2))).ParamName);
        // one value per channel has no variance to normalise by (PyTorch refuses it in training too)
        Assert.Equal("shape", Assert.ThrowsAny<ArgumentException>(() => layer.Forward(new double[2], 1, 2)).ParamName);
        layer.Training = false;
        Assert.Equal(2, layer.Forward(new double[2], 1, 2).Output.Length);   // eval uses running statistics: one row is fine
        var forward = layer.Forward(new double[4], 2, 2);
        Assert.Equal("outputGradient", Assert.ThrowsAny<ArgumentException>(() => layer.Backward(forward, new double[3])).ParamName);
    }
}
