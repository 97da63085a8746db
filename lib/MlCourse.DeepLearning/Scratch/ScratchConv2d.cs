using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Convolution;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>Stride, zero padding, dilation and groups of a 2-D convolution, the same on both spatial axes.</summary>
public sealed record Conv2dOptions(int Stride = 1, int Padding = 0, int Dilation = 1, int Groups = 1);

/// <summary>The gradients of a loss with respect to a convolution's input, weight and bias, in their layouts.</summary>
public sealed record Conv2dGradients(double[] Input, double[] Weight, double[] Bias);

/// <summary>
/// A 2-D convolution on plain NCHW arrays (Week 10, "convolution from scratch"), with PyTorch's semantics: it is a
/// cross-correlation, y[n, o, i, j] = b[o] + Σ_{c, a, b'} x[n, c, i·s − p + a·d, j·s − p + b'·d] · w[o, c, a, b'],
/// where c runs over the input channels of o's group. The weight is laid out (Cout, Cin/groups, kH, kW) as
/// nn.Conv2d's. The backward pass runs the forward's loops again and sends each product's upstream gradient back to
/// both factors, so stride, padding, dilation and groups are handled by the same index arithmetic; no flipped
/// kernel appears because each term is routed to where it came from.
/// </summary>
public sealed class ScratchConv2d
{
    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelHeight { get; }
    public int KernelWidth { get; }
    public Conv2dOptions Options { get; }

    /// <summary>(Cout, Cin/groups, kH, kW), row-major.</summary>
    public double[] Weight { get; }

    /// <summary>One per output channel.</summary>
    public double[] Bias { get; }

    /// <summary>Fresh weights drawn as nn.Conv2d does by default: U(−1/√fan_in, 1/√fan_in) with fan_in = Cin/groups·kH·kW; biases 0.</summary>
    public ScratchConv2d(int inChannels, int outChannels, int kernelSize, Conv2dOptions? options = null, int seed = 0)
        : this(inChannels, outChannels, kernelSize, kernelSize, options ?? new Conv2dOptions(), null, null, seed) { }

    /// <summary>Given weights and biases (copied), e.g. those of a TorchSharp layer to compare with.</summary>
    public ScratchConv2d(int inChannels, int outChannels, int kernelHeight, int kernelWidth, double[] weight, double[] bias, Conv2dOptions? options = null)
        : this(inChannels, outChannels, kernelHeight, kernelWidth, options ?? new Conv2dOptions(), Guard.NotNull(weight, nameof(weight)), Guard.NotNull(bias, nameof(bias)), 0) { }

    private ScratchConv2d(int inChannels, int outChannels, int kernelHeight, int kernelWidth, Conv2dOptions options, double[]? weight, double[]? bias, int seed)
    {
        Guard.Positive(kernelHeight, nameof(kernelHeight));
        Guard.Positive(kernelWidth, nameof(kernelWidth));
        Guard.NotNull(options, nameof(options));
        Guard.Positive(options.Stride, nameof(options.Stride));
        Guard.NonNegative(options.Padding, nameof(options.Padding));
        Guard.Positive(options.Dilation, nameof(options.Dilation));
        GroupedChannels.Check(inChannels, outChannels, options.Groups);
        (InChannels, OutChannels, KernelHeight, KernelWidth, Options) = (inChannels, outChannels, kernelHeight, kernelWidth, options);
        int fanIn = inChannels / options.Groups * kernelHeight * kernelWidth;
        if (weight is null)
        {
            Weight = Initialisation.Draw(WeightInit.PyTorchDefault, fanIn, outChannels, Seeded.Random(seed));
            Bias = new double[outChannels];
        }
        else
        {
            Guard.Length(weight.Length, outChannels * fanIn, nameof(weight), $"(Cout, Cin/groups, kH, kW) = ({outChannels}, {inChannels / options.Groups}, {kernelHeight}, {kernelWidth})");
            Guard.Length(bias!.Length, outChannels, nameof(bias), "one per output channel");
            (Weight, Bias) = ((double[])weight.Clone(), (double[])bias.Clone());
        }
    }

    /// <summary>The output shape for an input of <paramref name="input"/>'s shape (fails, naming the argument, if nothing fits).</summary>
    public ImageShape OutputShape(ImageShape input)
    {
        if (input.Channels != InChannels)
            throw new ArgumentException($"input has {input.Channels} channels, but the layer expects {InChannels}.", nameof(input));
        var o = Options;
        return new ImageShape(input.Batch, OutChannels,
            ConvolutionShape.OutputSize(input.Height, KernelHeight, o.Padding, o.Stride, o.Dilation),
            ConvolutionShape.OutputSize(input.Width, KernelWidth, o.Padding, o.Stride, o.Dilation));
    }

    /// <summary>y = conv2d(x, W) + b, laid out as <see cref="OutputShape"/>.</summary>
    public double[] Forward(double[] input, ImageShape shape)
    {
        shape.Check(input, nameof(input));
        var outShape = OutputShape(shape);
        var output = new double[outShape.Length];
        Visit(shape, outShape, (int outIndex, int o) => output[outIndex] = Bias[o],
            (int outIndex, int inIndex, int weightIndex) => output[outIndex] += input[inIndex] * Weight[weightIndex]);
        return output;
    }

    /// <summary>
    /// Given ∂L/∂y (<paramref name="outputGradient"/>, laid out as the output), the gradients with respect to the input,
    /// the weight and the bias: each product x·w in the forward sum sends ∂L/∂y·w to x and ∂L/∂y·x to w.
    /// </summary>
    public Conv2dGradients Backward(double[] input, ImageShape shape, double[] outputGradient)
    {
        shape.Check(input, nameof(input));
        var outShape = OutputShape(shape);
        outShape.Check(outputGradient, nameof(outputGradient));
        var dx = new double[input.Length];
        var dw = new double[Weight.Length];
        var db = new double[Bias.Length];
        Visit(shape, outShape, (int outIndex, int o) => db[o] += outputGradient[outIndex],
            (int outIndex, int inIndex, int weightIndex) =>
            {
                double g = outputGradient[outIndex];
                dx[inIndex] += g * Weight[weightIndex];
                dw[weightIndex] += g * input[inIndex];
            });
        return new Conv2dGradients(dx, dw, db);
    }

    /// <summary>
    /// The one place the convolution's index arithmetic lives: for every output position, <paramref name="start"/> once,
    /// then <paramref name="term"/> for every (input, weight) pair of its sum that falls inside the input (padding is zeros,
    /// so terms on it are skipped).
    /// </summary>
    private void Visit(ImageShape x, ImageShape y, Action<int, int> start, Action<int, int, int> term)
    {
        int s = Options.Stride, p = Options.Padding, d = Options.Dilation;
        int inPerGroup = InChannels / Options.Groups, outPerGroup = OutChannels / Options.Groups;
        for (int n = 0; n < x.Batch; n++)
            for (int o = 0; o < OutChannels; o++)
            {
                int firstInput = o / outPerGroup * inPerGroup;
                for (int i = 0; i < y.Height; i++)
                    for (int j = 0; j < y.Width; j++)
                    {
                        int outIndex = ((n * OutChannels + o) * y.Height + i) * y.Width + j;
                        start(outIndex, o);
                        for (int c = 0; c < inPerGroup; c++)
                            for (int a = 0; a < KernelHeight; a++)
                            {
                                int row = i * s - p + a * d;
                                if (row < 0 || row >= x.Height) continue;
                                for (int b = 0; b < KernelWidth; b++)
                                {
                                    int col = j * s - p + b * d;
                                    if (col < 0 || col >= x.Width) continue;
                                    int inIndex = ((n * InChannels + firstInput + c) * x.Height + row) * x.Width + col;
                                    int weightIndex = ((o * inPerGroup + c) * KernelHeight + a) * KernelWidth + b;
                                    term(outIndex, inIndex, weightIndex);
                                }
                            }
                    }
            }
    }
}
