using MlCourse.DeepLearning.Convolution;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Convolution;

/// <summary>
/// The output-size formula against TorchSharp's own layers: a tensor of the given size goes through nn.Conv1d/2d/3d or
/// nn.ConvTranspose2d and the shape that comes out is compared, over a grid of kernel, padding, stride and dilation.
/// </summary>
public sealed class ConvolutionShapeTests
{
    // Every (kernel, padding, stride, dilation) with kernel 1-4, padding 0-2, stride 1-3, dilation 1-2 on inputs 5 and 8
    // whose output is non-empty: 2 x 4 x 3 x 3 x 2 = 144 settings, a few impossible ones left out by the filter.
    public static TheoryData<int, int, int, int, int> Grid()
    {
        var data = new TheoryData<int, int, int, int, int>();
        foreach (var n in new[] { 5, 8 })
            foreach (var k in new[] { 1, 2, 3, 4 })
                foreach (var p in new[] { 0, 1, 2 })
                    foreach (var s in new[] { 1, 2, 3 })
                        foreach (var d in new[] { 1, 2 })
                            if (d * (k - 1) + 1 <= n + 2 * p) data.Add(n, k, p, s, d);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Output_size_matches_TorchSharp_Conv1d_Conv2d_and_Conv3d(int n, int k, int p, int s, int d)
    {
        using var scope = NewDisposeScope();
        int expected = ConvolutionShape.OutputSize(n, k, p, s, d);
        Assert.Equal([1L, 2, expected], nn.Conv1d(3, 2, k, stride: s, padding: p, dilation: d).forward(zeros(1, 3, n)).shape);
        // Height gets the setting under test, width a fixed 3x3 stride-1 unpadded kernel on 6: width 4 on both sides.
        var conv2 = nn.Conv2d(3, 2, (k, 3), stride: (s, 1), padding: (p, 0), dilation: (d, 1));
        var axes = new ConvolutionAxes([k, 3], [p, 0], [s, 1], [d, 1]);
        var shape2 = ConvolutionShape.OutputShape([n, 6], axes);
        Assert.Equal([1L, 2, shape2[0], shape2[1]], conv2.forward(zeros(1, 3, n, 6)).shape);
        Assert.Equal(expected, shape2[0]);
        var shape3 = ConvolutionShape.OutputShape([n, n, n], ConvolutionAxes.Cube(3, k, p, s, d));
        Assert.Equal([1L, 1, shape3[0], shape3[1], shape3[2]],
            nn.Conv3d(1, 1, k, stride: s, padding: p, dilation: d).forward(zeros(new long[] { 1, 1, n, n, n })).shape);
    }

    [Theory]
    [InlineData(4, 3, 0, 1, 1, 0)]
    [InlineData(4, 3, 1, 2, 1, 0)]
    [InlineData(4, 3, 1, 2, 1, 1)]
    [InlineData(5, 4, 1, 2, 1, 0)]
    [InlineData(7, 2, 0, 2, 1, 0)]
    [InlineData(3, 3, 0, 3, 2, 1)]
    [InlineData(6, 5, 2, 3, 1, 2)]
    [InlineData(2, 1, 0, 1, 1, 0)]
    public void Transposed_output_size_matches_TorchSharp_ConvTranspose2d(int n, int k, int p, int s, int d, int outputPadding)
    {
        using var scope = NewDisposeScope();
        var size = ConvolutionShape.TransposedOutputShape([n, n], ConvolutionAxes.Cube(2, k, p, s, d), outputPadding);
        var layer = nn.ConvTranspose2d(2, 3, k, stride: s, padding: p, output_padding: outputPadding, dilation: d);
        Assert.Equal([1L, 3, size[0], size[1]], layer.forward(zeros(1, 2, n, n)).shape);
    }

    [Theory]
    [InlineData(5, 3, 1, 1, 1)]
    [InlineData(8, 3, 1, 2, 1)]
    [InlineData(9, 4, 0, 3, 2)]
    [InlineData(7, 2, 0, 2, 1)]
    public void A_transposed_convolution_maps_the_output_size_back_to_the_input_size(int n, int k, int p, int s, int d)
    {
        int m = ConvolutionShape.OutputSize(n, k, p, s, d);
        // floor drops (n + 2p − d(k−1) − 1) mod s positions; outputPadding restores them.
        int lost = (n + 2 * p - d * (k - 1) - 1) % s;
        Assert.Equal(n, ConvolutionShape.TransposedOutputSize(m, k, p, s, d, outputPadding: lost));
    }

    [Fact]
    public void Closed_form_cases()
    {
        Assert.Equal(28, ConvolutionShape.OutputSize(28, 5, padding: 2));            // "same" padding (k−1)/2 keeps the size
        Assert.Equal(24, ConvolutionShape.OutputSize(28, 5));                        // valid: n − k + 1
        Assert.Equal(14, ConvolutionShape.OutputSize(28, 2, stride: 2));             // 2x2 pooling halves
        Assert.Equal(112, ConvolutionShape.OutputSize(224, 7, padding: 3, stride: 2)); // ResNet's stem
        Assert.Equal(55, ConvolutionShape.OutputSize(227, 11, stride: 4));          // AlexNet's first layer
        Assert.Equal(5, ConvolutionShape.EffectiveKernelSize(3, dilation: 2));
        Assert.Equal(28, ConvolutionShape.OutputSize(32, 3, dilation: 2));            // a dilated 3-tap kernel covers 5
    }

    [Fact]
    public void Impossible_settings_are_refused_naming_the_argument()
    {
        var tooBig = Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.OutputSize(4, 3, padding: 0, dilation: 2));
        Assert.Equal("kernelSize", tooBig.ParamName);
        Assert.Contains("spans 5 positions", tooBig.Message);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.OutputSize(8, 3, stride: 0)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.OutputSize(8, 3, padding: -1)).ParamName);
        Assert.Equal("dilation", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.OutputSize(8, 3, dilation: 0)).ParamName);
        Assert.Equal("inputSize", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.OutputSize(0, 1)).ParamName);
        Assert.Equal("outputPadding", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.TransposedOutputSize(4, 3, stride: 2, outputPadding: 2)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionShape.TransposedOutputSize(1, 1, padding: 1)).ParamName);
        Assert.Equal("inputShape", Assert.Throws<ArgumentException>(() => ConvolutionShape.OutputShape([8, 8], ConvolutionAxes.Cube(3, 3))).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentException>(() => new ConvolutionAxes([3, 3], [1], [1, 1], [1, 1])).ParamName);
        Assert.Equal("kernel", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionAxes.Cube(2, 0)).ParamName);
    }
}
