using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>
/// Kernel size, padding, stride and dilation of a convolution, one entry per spatial axis (1, 2 or 3 axes), as
/// PyTorch's Conv1d/Conv2d/Conv3d take them. <see cref="Cube"/> gives the same value on every axis.
/// </summary>
public sealed record ConvolutionAxes
{
    public int[] Kernel { get; }
    public int[] Padding { get; }
    public int[] Stride { get; }
    public int[] Dilation { get; }

    public int Rank => Kernel.Length;

    public ConvolutionAxes(int[] kernel, int[] padding, int[] stride, int[] dilation)
    {
        Guard.NotNull(kernel, nameof(kernel));
        Guard.NotNull(padding, nameof(padding));
        Guard.NotNull(stride, nameof(stride));
        Guard.NotNull(dilation, nameof(dilation));
        Guard.AtLeast(kernel.Length, 1, nameof(kernel), "a convolution has at least one spatial axis");
        Guard.AtMost(kernel.Length, 3, nameof(kernel), "1-D, 2-D and 3-D convolutions are covered");
        Guard.Length(padding.Length, kernel.Length, nameof(padding), "one entry per kernel axis");
        Guard.Length(stride.Length, kernel.Length, nameof(stride), "one entry per kernel axis");
        Guard.Length(dilation.Length, kernel.Length, nameof(dilation), "one entry per kernel axis");
        foreach (var k in kernel) Guard.Positive(k, nameof(kernel));
        foreach (var p in padding) Guard.NonNegative(p, nameof(padding));
        foreach (var s in stride) Guard.Positive(s, nameof(stride));
        foreach (var d in dilation) Guard.Positive(d, nameof(dilation));
        (Kernel, Padding, Stride, Dilation) = ((int[])kernel.Clone(), (int[])padding.Clone(), (int[])stride.Clone(), (int[])dilation.Clone());
    }

    /// <summary>The same kernel, padding, stride and dilation on each of <paramref name="rank"/> axes.</summary>
    public static ConvolutionAxes Cube(int rank, int kernel, int padding = 0, int stride = 1, int dilation = 1)
    {
        Guard.AtLeast(rank, 1, nameof(rank));
        Guard.AtMost(rank, 3, nameof(rank), "1-D, 2-D and 3-D convolutions are covered");
        return new ConvolutionAxes(Enumerable.Repeat(kernel, rank).ToArray(), Enumerable.Repeat(padding, rank).ToArray(),
            Enumerable.Repeat(stride, rank).ToArray(), Enumerable.Repeat(dilation, rank).ToArray());
    }
}
