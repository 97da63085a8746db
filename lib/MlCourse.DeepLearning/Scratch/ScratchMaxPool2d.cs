using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Convolution;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>A pooled batch and, for each output entry, the flat index of the input entry that won its window.</summary>
public sealed record MaxPoolResult(double[] Output, ImageShape Shape, int[] Winners);

/// <summary>
/// Max pooling on plain NCHW arrays (Week 10, "pooling"): each channel's k x k windows, stepping by the stride (k by
/// default, so 2x2 pooling halves height and width), keep their largest entry. The gradient flows only to that
/// winner; where windows overlap (stride below k) an input can win several and collects every share. Ties go to
/// the first entry of the window in row-major order, as PyTorch's CPU kernel does.
/// </summary>
public static class ScratchMaxPool2d
{
    public static MaxPoolResult Forward(double[] input, ImageShape shape, int kernelSize = 2, int? stride = null)
    {
        shape.Check(input, nameof(input));
        int s = stride ?? kernelSize;
        int outH = ConvolutionShape.OutputSize(shape.Height, kernelSize, stride: s);
        int outW = ConvolutionShape.OutputSize(shape.Width, kernelSize, stride: s);
        var outShape = shape with { Height = outH, Width = outW };
        var output = new double[outShape.Length];
        var winners = new int[outShape.Length];
        for (int plane = 0; plane < shape.Batch * shape.Channels; plane++)   // one (n, c) image at a time
        {
            int planeStart = plane * shape.Height * shape.Width;
            for (int i = 0; i < outH; i++)
                for (int j = 0; j < outW; j++)
                {
                    int best = planeStart + i * s * shape.Width + j * s;
                    for (int a = 0; a < kernelSize; a++)
                        for (int b = 0; b < kernelSize; b++)
                        {
                            int index = planeStart + (i * s + a) * shape.Width + j * s + b;
                            if (input[index] > input[best]) best = index;   // strict: the first of equal maxima stays
                        }
                    int outIndex = (plane * outH + i) * outW + j;
                    output[outIndex] = input[best];
                    winners[outIndex] = best;
                }
        }
        return new MaxPoolResult(output, outShape, winners);
    }

    /// <summary>∂L/∂x from ∂L/∂y: each output's gradient added to its window's winner, zero elsewhere.</summary>
    public static double[] Backward(MaxPoolResult forward, ImageShape inputShape, double[] outputGradient)
    {
        Guard.NotNull(forward, nameof(forward));
        forward.Shape.Check(outputGradient, nameof(outputGradient));
        var dx = new double[inputShape.Length];
        for (int k = 0; k < outputGradient.Length; k++) dx[forward.Winners[k]] += outputGradient[k];
        return dx;
    }
}
