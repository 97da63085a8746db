using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>
/// Output sizes of convolutions (Week 10, "padding, stride, dilation"). Each spatial axis is independent, so the
/// 1-D formula applied axis by axis gives 2-D and 3-D shapes. A dilated kernel of k taps spans d(k−1)+1 positions;
/// it fits floor((n + 2p − d(k−1) − 1)/s) + 1 times into n positions padded by p on each side, stepping by s.
/// </summary>
public static class ConvolutionShape
{
    /// <summary>Positions a dilated kernel of <paramref name="kernelSize"/> taps spans: d(k−1)+1.</summary>
    public static int EffectiveKernelSize(int kernelSize, int dilation = 1)
    {
        Guard.Positive(kernelSize, nameof(kernelSize));
        Guard.Positive(dilation, nameof(dilation));
        return dilation * (kernelSize - 1) + 1;
    }

    /// <summary>Output length along one axis of a convolution (or pooling window): floor((n + 2p − d(k−1) − 1)/s) + 1.</summary>
    public static int OutputSize(int inputSize, int kernelSize, int padding = 0, int stride = 1, int dilation = 1)
    {
        Guard.Positive(inputSize, nameof(inputSize));
        Guard.NonNegative(padding, nameof(padding));
        Guard.Positive(stride, nameof(stride));
        int span = EffectiveKernelSize(kernelSize, dilation);
        int padded = inputSize + 2 * padding;
        if (span > padded)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize,
                $"kernelSize {kernelSize} with dilation {dilation} spans {span} positions, more than the padded input's {padded} " +
                $"(inputSize {inputSize} + 2 x padding {padding}): the output would have no positions.");
        return (padded - span) / stride + 1;
    }

    /// <summary>
    /// Output length along one axis of a transposed convolution, the inverse map of <see cref="OutputSize"/>:
    /// (n − 1)s − 2p + d(k−1) + outputPadding + 1. outputPadding (below the stride or the dilation, as PyTorch requires)
    /// picks one of the s input sizes that a strided convolution maps to the same output size.
    /// </summary>
    public static int TransposedOutputSize(int inputSize, int kernelSize, int padding = 0, int stride = 1, int dilation = 1, int outputPadding = 0)
    {
        Guard.Positive(inputSize, nameof(inputSize));
        Guard.NonNegative(padding, nameof(padding));
        Guard.Positive(stride, nameof(stride));
        Guard.NonNegative(outputPadding, nameof(outputPadding));
        int span = EffectiveKernelSize(kernelSize, dilation);
        Guard.AtMost(outputPadding, Math.Max(stride, dilation) - 1, nameof(outputPadding),
            $"below the stride {stride} or the dilation {dilation}, as PyTorch requires");
        int size = (inputSize - 1) * stride - 2 * padding + span + outputPadding;
        if (size < 1)
            throw new ArgumentOutOfRangeException(nameof(padding), padding,
                $"padding {padding} removes more than the transposed convolution makes ({size + 2 * padding} positions before cropping 2 x padding): the output would have no positions.");
        return size;
    }

    /// <summary>
    /// The spatial output shape of an N-dimensional convolution (N = 1, 2, 3: length, height x width, depth x height x width),
    /// one <see cref="OutputSize"/> per axis; <paramref name="settings"/> holds one entry per axis.
    /// </summary>
    public static int[] OutputShape(int[] inputShape, ConvolutionAxes settings)
    {
        Guard.NotNull(inputShape, nameof(inputShape));
        Guard.NotNull(settings, nameof(settings));
        Guard.Length(inputShape.Length, settings.Kernel.Length, nameof(inputShape), "one size per axis of the kernel");
        var shape = new int[inputShape.Length];
        for (int a = 0; a < shape.Length; a++)
            shape[a] = OutputSize(inputShape[a], settings.Kernel[a], settings.Padding[a], settings.Stride[a], settings.Dilation[a]);
        return shape;
    }

    /// <summary>The spatial output shape of an N-dimensional transposed convolution, one <see cref="TransposedOutputSize"/> per axis.</summary>
    public static int[] TransposedOutputShape(int[] inputShape, ConvolutionAxes settings, int outputPadding = 0)
    {
        Guard.NotNull(inputShape, nameof(inputShape));
        Guard.NotNull(settings, nameof(settings));
        Guard.Length(inputShape.Length, settings.Kernel.Length, nameof(inputShape), "one size per axis of the kernel");
        var shape = new int[inputShape.Length];
        for (int a = 0; a < shape.Length; a++)
            shape[a] = TransposedOutputSize(inputShape[a], settings.Kernel[a], settings.Padding[a], settings.Stride[a], settings.Dilation[a], outputPadding);
        return shape;
    }
}
