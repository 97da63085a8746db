using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch;

/// <summary>Inverted dropout: unbiased in expectation, identity in eval, gradient mask/(1 − p), and the same statistics as nn.Dropout.</summary>
public sealed class ScratchDropoutTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void The_expected_value_of_every_entry_is_preserved_within_five_standard_errors(double p)
    {
        var rng = Seeded.Random(1);
        var x = Enumerable.Range(0, 8).Select(_ => 1 + rng.NextGaussian()).ToArray();
        const int draws = 4000;
        var mean = new double[x.Length];
        for (int seed = 0; seed < draws; seed++)
        {
            var y = ScratchDropout.Forward(x, p, training: true, seed).Output;
            for (int i = 0; i < x.Length; i++) mean[i] += y[i] / draws;
        }
        for (int i = 0; i < x.Length; i++)
        {
            // one draw is x/(1 − p) with probability 1 − p, else 0: variance x²·p/(1 − p)
            double standardError = Math.Abs(x[i]) * Math.Sqrt(p / (1 - p) / draws);
            Assert.True(Math.Abs(mean[i] - x[i]) < 5 * standardError, $"entry {i}: mean {mean[i]} vs x {x[i]} (5 SE = {5 * standardError})");
        }
    }

    [Fact]
    public void Without_the_inverse_scaling_the_mean_shrinks_by_one_minus_p_and_the_same_test_catches_it()
    {
        const double p = 0.5;
        var x = Enumerable.Repeat(2.0, 100_000).ToArray();
        var forward = ScratchDropout.Forward(x, p, training: true);
        double scaled = forward.Output.Average();
        double unscaled = forward.Output.Select(v => v * (1 - p)).Average();   // plain dropout: mask only
        double standardError = 2.0 * Math.Sqrt(p / (1 - p) / x.Length);
        Assert.True(Math.Abs(scaled - 2.0) < 5 * standardError);
        Assert.False(Math.Abs(unscaled - 2.0) < 5 * standardError);
    }

    [Fact]
    public void Eval_is_the_identity_forward_and_backward()
    {
        var rng = Seeded.Random(2);
        var x = Enumerable.Range(0, 50).Select(_ => rng.NextGaussian()).ToArray();
        var dy = Enumerable.Range(0, 50).Select(_ => rng.NextGaussian()).ToArray();
        var forward = ScratchDropout.Forward(x, 0.5, training: false);
        Assert.Equal(x, forward.Output);
        Assert.Equal(dy, ScratchDropout.Backward(forward, dy));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]   // everything dropped: no division by zero, gradient 0
    public void The_gradient_is_the_mask_over_one_minus_p(double p)
    {
        var rng = Seeded.Random(3);
        var x = Enumerable.Range(0, 200).Select(_ => 0.5 + Math.Abs(rng.NextGaussian())).ToArray();   // no zeros: a kept entry shows in the output
        var dy = Enumerable.Range(0, 200).Select(_ => rng.NextGaussian()).ToArray();
        var forward = ScratchDropout.Forward(x, p, training: true, seed: 9);
        var dx = ScratchDropout.Backward(forward, dy);
        for (int i = 0; i < x.Length; i++)
        {
            bool kept = forward.Output[i] != 0;
            Assert.True(Math.Abs((kept ? dy[i] / (1 - p) : 0.0) - dx[i]) < 1e-14, $"entry {i}: {dx[i]}");
        }
        Assert.Equal(forward.Output, ScratchDropout.Forward(x, p, training: true, seed: 9).Output);   // a seed fixes the mask
    }

    [Fact]
    public void Different_seeds_draw_different_masks()
    {
        var x = Enumerable.Repeat(1.0, 64).ToArray();
        Assert.NotEqual(ScratchDropout.Forward(x, 0.5, true, seed: 1).Scale, ScratchDropout.Forward(x, 0.5, true, seed: 2).Scale);
    }

    private static (double[] Output, double[] Gradient) TorchDropout(double[] x, double p, bool training)
    {
        using var scope = NewDisposeScope();
        using var dropout = nn.Dropout(p);
        if (training) dropout.train(); else dropout.eval();
        var input = TensorConversion.ToTensor(x, [x.Length]).requires_grad_();
        var y = dropout.call(input);
        y.sum().backward();
        return (TensorConversion.ToDoubles(y), TensorConversion.ToDoubles(input.grad!));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void Scratch_and_TorchSharp_dropout_zero_about_p_and_scale_survivors_by_exactly_one_over_one_minus_p(double p)
    {
        TorchSeed.Seed(7);
        const int n = 100_000;
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        double tolerance = 5 * Math.Sqrt(p * (1 - p) / n);   // five standard errors of a Bernoulli(p) fraction
        var (torchY, torchGrad) = TorchDropout(ones, p, training: true);
        var scratch = ScratchDropout.Forward(ones, p, training: true, seed: 7);
        var scratchGrad = ScratchDropout.Backward(scratch, ones);
        foreach (var (name, y, grad) in new[] { ("torch", torchY, torchGrad), ("scratch", scratch.Output, scratchGrad) })
        {
            double zeroed = y.Count(v => v == 0) / (double)n;
            Assert.True(Math.Abs(zeroed - p) < tolerance, $"{name}: fraction zeroed {zeroed} vs p {p}");
            Assert.All(y.Where(v => v != 0), v => Assert.Equal(1.0 / (1 - p), v));
            Assert.Equal(y, grad);   // with x = 1 and dL/dy = 1, dL/dx is the scaled mask itself
        }

        var x = Enumerable.Range(0, 100).Select(i => i - 50.5).ToArray();
        Assert.Equal(x, TorchDropout(x, p, training: false).Output);
        Assert.Equal(x, ScratchDropout.Forward(x, p, training: false).Output);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_name()
    {
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => ScratchDropout.Forward([1.0], 1.5, true)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => ScratchDropout.Forward([1.0], -0.1, true)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => ScratchDropout.Forward(null!, 0.5, true)).ParamName);
        var forward = ScratchDropout.Forward([1.0, 2.0], 0.5, true);
        Assert.Equal("outputGradient", Assert.ThrowsAny<ArgumentException>(() => ScratchDropout.Backward(forward, [1.0])).ParamName);
    }
}
