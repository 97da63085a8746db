using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>
/// Learnable parameters and multiply-accumulates (MACs, per sample) of one convolution layer, with its spatial output
/// shape. FLOPs are counted as 2 x MACs (a multiply and an add); bias additions are left out of the MACs, as
/// the usual tables do. Week 10: why 1x1 and depthwise-separable convolutions are cheap.
/// </summary>
public sealed record ConvolutionCost(long Parameters, long MultiplyAccumulates, int[] OutputShape)
{
    public long Flops => 2 * MultiplyAccumulates;

    /// <summary>
    /// A standard (grouped when <paramref name="groups"/> &gt; 1) convolution: weight Cout x Cin/g x Πk, so
    /// Cout·(Cin/g)·Πk weights (+ Cout biases), and that many MACs at each output position.
    /// </summary>
    public static ConvolutionCost Standard(int inChannels, int outChannels, int[] inputShape, ConvolutionAxes axes, int groups = 1, bool bias = true)
    {
        GroupedChannels.Check(inChannels, outChannels, groups);
        var output = ConvolutionShape.OutputShape(inputShape, axes);
        long weights = (long)outChannels * (inChannels / groups) * Product(axes.Kernel);
        return new ConvolutionCost(weights + (bias ? outChannels : 0), weights * Product(output), output);
    }

    /// <summary>A 1x1 (pointwise) convolution: a dense layer Cin → Cout applied at every position; Cout·Cin weights.</summary>
    public static ConvolutionCost Pointwise(int inChannels, int outChannels, int[] inputShape, bool bias = true)
    {
        Guard.NotNull(inputShape, nameof(inputShape));
        return Standard(inChannels, outChannels, inputShape, ConvolutionAxes.Cube(inputShape.Length, kernel: 1), groups: 1, bias);
    }

    /// <summary>
    /// A depthwise convolution (one k x k filter per input channel, groups = Cin) followed by a pointwise Cin → Cout one,
    /// as in MobileNet. Against a standard convolution with the same kernel its MACs are in the ratio 1/Cout + 1/Πk.
    /// </summary>
    public static ConvolutionCost DepthwiseSeparable(int inChannels, int outChannels, int[] inputShape, ConvolutionAxes axes, bool bias = true)
    {
        var depthwise = Standard(inChannels, inChannels, inputShape, axes, groups: inChannels, bias);
        var pointwise = Pointwise(inChannels, outChannels, depthwise.OutputShape, bias);
        return new ConvolutionCost(depthwise.Parameters + pointwise.Parameters,
            depthwise.MultiplyAccumulates + pointwise.MultiplyAccumulates, pointwise.OutputShape);
    }

    /// <summary>
    /// A transposed convolution: weight Cin x Cout/g x Πk (PyTorch's layout), so Cin·(Cout/g)·Πk weights (+ Cout biases).
    /// Each input position scatters (Cout/g)·Πk products into the output, so the MACs are that times Cin·Π(input);
    /// the products that the padding crops away are counted too, as the layer computes them.
    /// </summary>
    public static ConvolutionCost Transposed(int inChannels, int outChannels, int[] inputShape, ConvolutionAxes axes, int groups = 1, bool bias = true, int outputPadding = 0)
    {
        GroupedChannels.Check(inChannels, outChannels, groups);
        var output = ConvolutionShape.TransposedOutputShape(inputShape, axes, outputPadding);
        long weights = (long)inChannels * (outChannels / groups) * Product(axes.Kernel);
        return new ConvolutionCost(weights + (bias ? outChannels : 0), weights * Product(inputShape), output);
    }

    private static long Product(int[] sizes) => sizes.Aggregate(1L, (a, b) => a * b);
}
