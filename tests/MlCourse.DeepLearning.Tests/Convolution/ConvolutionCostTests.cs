using MlCourse.DeepLearning.Convolution;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Convolution;

/// <summary>Parameter counts against TorchSharp modules' parameters; MACs against closed forms.</summary>
public sealed class ConvolutionCostTests
{
    private static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Theory]
    [InlineData(3, 8, 3, 1, true)]
    [InlineData(3, 8, 3, 1, false)]
    [InlineData(8, 16, 5, 4, true)]
    [InlineData(6, 6, 3, 6, true)]
    [InlineData(4, 12, 1, 2, false)]
    public void Parameter_counts_match_TorchSharp_modules(int cin, int cout, int k, int groups, bool bias)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ParameterCount(nn.Conv1d(cin, cout, k, groups: groups, bias: bias)),
            ConvolutionCost.Standard(cin, cout, [9], ConvolutionAxes.Cube(1, k), groups, bias).Parameters);
        Assert.Equal(ParameterCount(nn.Conv2d(cin, cout, k, groups: groups, bias: bias)),
            ConvolutionCost.Standard(cin, cout, [9, 9], ConvolutionAxes.Cube(2, k), groups, bias).Parameters);
        Assert.Equal(ParameterCount(nn.Conv3d(cin, cout, k, groups: groups, bias: bias)),
            ConvolutionCost.Standard(cin, cout, [9, 9, 9], ConvolutionAxes.Cube(3, k), groups, bias).Parameters);
        Assert.Equal(ParameterCount(nn.ConvTranspose2d(cin, cout, k, stride: 2, groups: groups, bias: bias)),
            ConvolutionCost.Transposed(cin, cout, [5, 5], ConvolutionAxes.Cube(2, k, stride: 2), groups, bias).Parameters);
        Assert.Equal(ParameterCount(nn.Conv2d(cin, cout, 1, bias: bias)), ConvolutionCost.Pointwise(cin, cout, [9, 9], bias).Parameters);
        var separable = nn.Sequential(("depthwise", nn.Conv2d(cin, cin, k, groups: cin, bias: bias)), ("pointwise", nn.Conv2d(cin, cout, 1, bias: bias)));
        Assert.Equal(ParameterCount(separable), ConvolutionCost.DepthwiseSeparable(cin, cout, [9, 9], ConvolutionAxes.Cube(2, k), bias).Parameters);
    }

    [Fact]
    public void Closed_form_costs()
    {
        // LeNet's conv1: 6 filters of 5x5 on 1 channel, padded to keep 28x28: 156 parameters, 150 MACs at each of 784 positions.
        var conv1 = ConvolutionCost.Standard(1, 6, [28, 28], ConvolutionAxes.Cube(2, 5, padding: 2));
        Assert.Equal(156, conv1.Parameters);
        Assert.Equal(150L * 784, conv1.MultiplyAccumulates);
        Assert.Equal(2 * 150L * 784, conv1.Flops);
        Assert.Equal([28, 28], conv1.OutputShape);
        // A 3x3 convolution 256 → 256 channels on 56x56 (a ResNet-34 layer): 589,824 weights, 1.85 GMACs.
        Assert.Equal(589_824L * 56 * 56, ConvolutionCost.Standard(256, 256, [56, 56], ConvolutionAxes.Cube(2, 3, padding: 1), bias: false).MultiplyAccumulates);
        // Transposed 2x2 stride-2 upsampling 64 → 32 channels of 16x16 (U-Net): each input position writes 32·4 products per input channel.
        var up = ConvolutionCost.Transposed(64, 32, [16, 16], ConvolutionAxes.Cube(2, 2, stride: 2));
        Assert.Equal([32, 32], up.OutputShape);
        Assert.Equal(64L * 32 * 4 * 256, up.MultiplyAccumulates);
        // Four groups cut a standard convolution's weights and MACs by four.
        var full = ConvolutionCost.Standard(16, 32, [10, 10], ConvolutionAxes.Cube(2, 3), bias: false);
        var grouped = ConvolutionCost.Standard(16, 32, [10, 10], ConvolutionAxes.Cube(2, 3), groups: 4, bias: false);
        Assert.Equal(full.MultiplyAccumulates, 4 * grouped.MultiplyAccumulates);
    }

    [Theory]
    [InlineData(32, 64, 3)]
    [InlineData(128, 128, 3)]
    [InlineData(64, 256, 5)]
    public void Depthwise_separable_MACs_are_one_over_Cout_plus_one_over_k_squared_of_a_standard_convolution(int cin, int cout, int k)
    {
        var axes = ConvolutionAxes.Cube(2, k, padding: k / 2);
        double ratio = (double)ConvolutionCost.DepthwiseSeparable(cin, cout, [14, 14], axes).MultiplyAccumulates /
                       ConvolutionCost.Standard(cin, cout, [14, 14], axes).MultiplyAccumulates;
        Assert.Equal(1.0 / cout + 1.0 / (k * k), ratio, 12);
    }

    [Fact]
    public void Channels_that_groups_do_not_divide_are_refused_naming_the_argument()
    {
        Assert.Equal("inChannels", Assert.Throws<ArgumentException>(() => ConvolutionCost.Standard(6, 8, [5, 5], ConvolutionAxes.Cube(2, 3), groups: 4)).ParamName);
        Assert.Equal("outChannels", Assert.Throws<ArgumentException>(() => ConvolutionCost.Standard(8, 6, [5, 5], ConvolutionAxes.Cube(2, 3), groups: 4)).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionCost.Standard(8, 8, [5, 5], ConvolutionAxes.Cube(2, 3), groups: 0)).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionCost.Standard(1, 1, [2, 2], ConvolutionAxes.Cube(2, 3))).ParamName);
    }
}
