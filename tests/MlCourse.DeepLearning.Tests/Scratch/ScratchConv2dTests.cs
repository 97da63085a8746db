using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch;

/// <summary>
/// The scratch convolution against torch.nn.functional.conv2d (forward) and TorchSharp autograd (backward), both
/// float64, over a grid of stride, padding, dilation and groups; against central finite differences on a small
/// case; and the textbook backward with a forgotten kernel flip or an ignored stride shown to fail the same checks.
/// </summary>
public sealed class ScratchConv2dTests
{
    // float64 sums of at most a few hundred products: the two implementations differ by rounding only, ~1e-15 each.
    private const double Tolerance = 1e-12;

    private static double[] Random(int length, int seed)
    {
        var rng = Seeded.Random(seed);
        return Enumerable.Range(0, length).Select(_ => rng.NextGaussian()).ToArray();
    }

    private static double MaxDifference(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (u, v) => Math.Abs(u - v)).DefaultIfEmpty(0).Max();
    }

    /// <summary>A layer with random weights and biases (non-square kernel, so a swapped height and width shows).</summary>
    private static ScratchConv2d Layer(int cin, int cout, int kh, int kw, Conv2dOptions options, int seed) =>
        new(cin, cout, kh, kw, Random(cout * cin / options.Groups * kh * kw, seed), Random(cout, seed + 1), options);

    /// <summary>TorchSharp's output and its gradients of L = Σ y ⊙ G for the given upstream gradient G.</summary>
    private static (double[] Output, Conv2dGradients Gradients) Torch(ScratchConv2d layer, double[] x, ImageShape shape, double[] dy)
    {
        using var scope = NewDisposeScope();
        var o = layer.Options;
        var input = TensorConversion.ToTensor(x, shape.ToLongs()).requires_grad_();                                                       // (N, Cin, H, W)
        var weight = TensorConversion.ToTensor(layer.Weight, [layer.OutChannels, layer.InChannels / o.Groups, layer.KernelHeight, layer.KernelWidth]).requires_grad_(); // (Cout, Cin/g, kH, kW)
        var bias = TensorConversion.ToTensor(layer.Bias, [layer.OutChannels]).requires_grad_();                                            // (Cout,)
        var y = nn.functional.conv2d(input, weight, bias, strides: [o.Stride, o.Stride], padding: [o.Padding, o.Padding],
            dilation: [o.Dilation, o.Dilation], groups: o.Groups);                                                                          // (N, Cout, H', W')
        var upstream = TensorConversion.ToTensor(dy, y.shape);                                                                              // (N, Cout, H', W')
        (y * upstream).sum().backward();
        return (TensorConversion.ToDoubles(y), new Conv2dGradients(TensorConversion.ToDoubles(input.grad!),
            TensorConversion.ToDoubles(weight.grad!), TensorConversion.ToDoubles(bias.grad!)));
    }

    public static TheoryData<int, int, int, int> Settings()
    {
        var data = new TheoryData<int, int, int, int>();
        foreach (var stride in new[] { 1, 2, 3 })
            foreach (var padding in new[] { 0, 1, 2 })
                foreach (var dilation in new[] { 1, 2 })
                    foreach (var groups in new[] { 1, 2 })
                        data.Add(stride, padding, dilation, groups);
        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Forward_and_all_three_gradients_agree_with_TorchSharp(int stride, int padding, int dilation, int groups)
    {
        var options = new Conv2dOptions(stride, padding, dilation, groups);
        var layer = Layer(4, 6, 3, 2, options, seed: 11);
        var shape = new ImageShape(2, 4, 8, 7);
        var x = Random(shape.Length, 3);
        var y = layer.Forward(x, shape);
        var dy = Random(y.Length, 5);
        var grads = layer.Backward(x, shape, dy);
        var (torchY, torchGrads) = Torch(layer, x, shape, dy);

        Assert.True(MaxDifference(y, torchY) < Tolerance, $"forward differs by {MaxDifference(y, torchY)}");
        Assert.True(MaxDifference(grads.Input, torchGrads.Input) < Tolerance, $"dx differs by {MaxDifference(grads.Input, torchGrads.Input)}");
        Assert.True(MaxDifference(grads.Weight, torchGrads.Weight) < Tolerance, $"dW differs by {MaxDifference(grads.Weight, torchGrads.Weight)}");
        Assert.True(MaxDifference(grads.Bias, torchGrads.Bias) < Tolerance, $"db differs by {MaxDifference(grads.Bias, torchGrads.Bias)}");
    }

    [Fact]
    public void Gradients_agree_with_central_finite_differences()
    {
        var layer = Layer(2, 3, 3, 3, new Conv2dOptions(Stride: 2, Padding: 1), seed: 21);
        var shape = new ImageShape(1, 2, 5, 6);
        var x = Random(shape.Length, 22);
        var dy = Random(layer.OutputShape(shape).Length, 23);
        var grads = layer.Backward(x, shape, dy);
        double Loss(double[] input, ScratchConv2d l) => l.Forward(input, shape).Zip(dy, (a, b) => a * b).Sum();

        var numericInput = FiniteDifference.Gradient(v => Loss(v.ToArray(), layer), Vector<double>.Build.Dense(x));
        var numericWeight = FiniteDifference.Gradient(v => Loss(x, new ScratchConv2d(2, 3, 3, 3, v.ToArray(), layer.Bias, layer.Options)),
            Vector<double>.Build.Dense(layer.Weight));
        var numericBias = FiniteDifference.Gradient(v => Loss(x, new ScratchConv2d(2, 3, 3, 3, layer.Weight, v.ToArray(), layer.Options)),
            Vector<double>.Build.Dense(layer.Bias));
        // The loss is linear in each argument, so central differences are exact up to rounding (h = 1e-5): ~1e-10 relative.
        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.Dense(grads.Input), numericInput) < 1e-8);
        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.Dense(grads.Weight), numericWeight) < 1e-8);
        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.Dense(grads.Bias), numericBias) < 1e-8);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void The_textbook_backward_done_right_agrees_with_TorchSharp(int stride, int padding)
    {
        var (layer, x, shape, dy) = TextbookCase(stride, padding);
        var textbook = TextbookConv2dBackward.Run(layer, x, shape, dy, flipKernel: true, honourStride: true);
        var torch = Torch(layer, x, shape, dy).Gradients;
        Assert.True(MaxDifference(textbook.Input, torch.Input) < Tolerance);
        Assert.True(MaxDifference(textbook.Weight, torch.Weight) < Tolerance);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void A_backward_that_forgets_to_flip_the_kernel_is_caught(int stride, int padding)
    {
        var (layer, x, shape, dy) = TextbookCase(stride, padding);
        var wrong = TextbookConv2dBackward.Run(layer, x, shape, dy, flipKernel: false, honourStride: true);
        var torch = Torch(layer, x, shape, dy).Gradients;
        Assert.True(MaxDifference(wrong.Input, torch.Input) > 0.1, $"dx without the flip differs by only {MaxDifference(wrong.Input, torch.Input)}");
        Assert.True(MaxDifference(wrong.Weight, torch.Weight) < Tolerance);   // the flip only concerns ∂L/∂x
        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.Dense(wrong.Input), NumericInputGradient(layer, x, shape, dy)) > 0.1);
    }

    [Fact]
    public void A_backward_that_ignores_the_stride_is_caught_though_a_stride_1_check_would_pass_it()
    {
        var (layer1, x1, shape1, dy1) = TextbookCase(stride: 1, padding: 1);
        var atStride1 = TextbookConv2dBackward.Run(layer1, x1, shape1, dy1, flipKernel: true, honourStride: false);
        Assert.True(MaxDifference(atStride1.Input, Torch(layer1, x1, shape1, dy1).Gradients.Input) < Tolerance);

        var (layer, x, shape, dy) = TextbookCase(stride: 2, padding: 1);
        var wrong = TextbookConv2dBackward.Run(layer, x, shape, dy, flipKernel: true, honourStride: false);
        var torch = Torch(layer, x, shape, dy).Gradients;
        Assert.True(MaxDifference(wrong.Input, torch.Input) > 0.1, $"dx differs by only {MaxDifference(wrong.Input, torch.Input)}");
        Assert.True(MaxDifference(wrong.Weight, torch.Weight) > 0.1, $"dW differs by only {MaxDifference(wrong.Weight, torch.Weight)}");
        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.Dense(wrong.Input), NumericInputGradient(layer, x, shape, dy)) > 0.1);
    }

    private static (ScratchConv2d Layer, double[] X, ImageShape Shape, double[] Dy) TextbookCase(int stride, int padding)
    {
        var layer = Layer(3, 4, 3, 2, new Conv2dOptions(stride, padding), seed: 31);
        var shape = new ImageShape(2, 3, 7, 8);
        var x = Random(shape.Length, 32);
        return (layer, x, shape, Random(layer.OutputShape(shape).Length, 33));
    }

    private static Vector<double> NumericInputGradient(ScratchConv2d layer, double[] x, ImageShape shape, double[] dy) =>
        FiniteDifference.Gradient(v => layer.Forward(v.ToArray(), shape).Zip(dy, (a, b) => a * b).Sum(), Vector<double>.Build.Dense(x));

    [Fact]
    public void Bad_arguments_are_refused_naming_them()
    {
        Assert.Equal("inChannels", Assert.Throws<ArgumentException>(() => new ScratchConv2d(3, 4, 3, new Conv2dOptions(Groups: 2))).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => new ScratchConv2d(2, 2, 3, 3, new double[17], new double[2])).ParamName);
        var layer = new ScratchConv2d(2, 2, 3);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => layer.Forward(new double[3 * 25], new ImageShape(1, 3, 5, 5))).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => layer.Forward(new double[49], new ImageShape(1, 2, 5, 5))).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => layer.Forward(new double[8], new ImageShape(1, 2, 2, 2))).ParamName);
        Assert.Equal("outputGradient", Assert.Throws<ArgumentException>(() => layer.Backward(new double[50], new ImageShape(1, 2, 5, 5), new double[5])).ParamName);
    }

    [Fact]
    public void Default_weights_follow_PyTorchs_bound_and_the_seed()
    {
        var layer = new ScratchConv2d(4, 8, 3, seed: 1);
        double bound = 1 / Math.Sqrt(4 * 9);
        Assert.All(layer.Weight, w => Assert.InRange(w, -bound, bound));
        Assert.True(layer.Weight.Max() > 0.8 * bound && layer.Weight.Min() < -0.8 * bound);   // spread over the interval
        Assert.Equal(layer.Weight, new ScratchConv2d(4, 8, 3, seed: 1).Weight);
        Assert.NotEqual(layer.Weight, new ScratchConv2d(4, 8, 3, seed: 2).Weight);
    }
}
