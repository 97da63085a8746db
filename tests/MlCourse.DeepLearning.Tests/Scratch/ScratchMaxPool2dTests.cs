using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch;

/// <summary>Scratch max pooling against nn.functional.max_pool2d and its autograd gradient (float64, exact: no arithmetic).</summary>
public sealed class ScratchMaxPool2dTests
{
    private static (double[] Output, double[] InputGradient) Torch(double[] x, ImageShape shape, int kernel, int stride, double[] dy)
    {
        using var scope = NewDisposeScope();
        var input = TensorConversion.ToTensor(x, shape.ToLongs()).requires_grad_();                              // (N, C, H, W)
        var y = nn.functional.max_pool2d(input, [kernel, kernel], [stride, stride]);                              // (N, C, H', W')
        (y * TensorConversion.ToTensor(dy, y.shape)).sum().backward();
        return (TensorConversion.ToDoubles(y), TensorConversion.ToDoubles(input.grad!));
    }

    [Theory]
    [InlineData(2, 2, 8, 8)]    // the usual 2x2: halves height and width
    [InlineData(2, 2, 7, 9)]    // odd sizes: the last row or column is dropped
    [InlineData(3, 2, 9, 8)]    // overlapping windows: an input can win twice and collect both gradients
    [InlineData(3, 3, 9, 6)]
    public void Output_and_gradient_match_TorchSharp(int kernel, int stride, int height, int width)
    {
        var shape = new ImageShape(2, 3, height, width);
        var rng = Seeded.Random(height * 10 + width);
        var x = Enumerable.Range(0, shape.Length).Select(_ => rng.NextGaussian()).ToArray();
        var pooled = ScratchMaxPool2d.Forward(x, shape, kernel, stride);
        var dy = Enumerable.Range(0, pooled.Output.Length).Select(_ => rng.NextGaussian()).ToArray();
        var dx = ScratchMaxPool2d.Backward(pooled, shape, dy);
        var (torchY, torchDx) = Torch(x, shape, kernel, stride, dy);
        Assert.Equal(torchY, pooled.Output);
        Assert.Equal(torchDx.Length, dx.Length);
        Assert.True(torchDx.Zip(dx, (a, b) => Math.Abs(a - b)).Max() < 1e-14);   // only sums of two shares can round
    }

    [Fact]
    public void Ties_send_the_gradient_to_the_first_entry_of_the_window_as_TorchSharp_does()
    {
        var shape = new ImageShape(1, 1, 4, 4);
        var x = new double[16];                                   // all equal: every entry of every window ties
        var pooled = ScratchMaxPool2d.Forward(x, shape);
        var dx = ScratchMaxPool2d.Backward(pooled, shape, [1, 2, 3, 4]);
        Assert.Equal(Torch(x, shape, 2, 2, [1, 2, 3, 4]).InputGradient, dx);
        Assert.Equal([0, 2, 8, 10], pooled.Winners);
    }

    [Fact]
    public void A_window_larger_than_the_input_or_a_wrong_gradient_length_is_refused()
    {
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => ScratchMaxPool2d.Forward(new double[4], new ImageShape(1, 1, 2, 2), 3)).ParamName);
        var pooled = ScratchMaxPool2d.Forward(new double[16], new ImageShape(1, 1, 4, 4));
        Assert.Equal("outputGradient", Assert.Throws<ArgumentException>(() => ScratchMaxPool2d.Backward(pooled, new ImageShape(1, 1, 4, 4), new double[3])).ParamName);
    }
}
