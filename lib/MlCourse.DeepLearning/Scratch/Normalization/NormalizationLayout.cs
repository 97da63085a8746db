using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Normalization;

/// <summary>
/// Which entries of an NCHW batch share one mean and variance (their group) and which γ/β each entry uses (Week 11,
/// "normalisation layers"). The four layers differ only in this bookkeeping, so one forward and one backward serve all:
/// batch norm groups by channel across the batch, layer norm by sample, instance norm by (sample, channel) and group
/// norm by (sample, block of channels).
/// </summary>
public sealed class NormalizationLayout
{
    private NormalizationLayout(ImageShape shape, int groupCount, int parameterCount, Func<int, int, int, int> group, Func<int, int, int, int> parameter)
    {
        Shape = shape;
        GroupCount = groupCount;
        ParameterCount = parameterCount;
        GroupOf = new int[shape.Length];
        ParameterOf = new int[shape.Length];
        int spatial = shape.Height * shape.Width;
        for (int i = 0; i < shape.Length; i++)
        {
            int n = i / (shape.Channels * spatial), c = i / spatial % shape.Channels, s = i % spatial;
            GroupOf[i] = group(n, c, s);
            ParameterOf[i] = parameter(n, c, s);
        }
        GroupSize = shape.Length / groupCount;   // every layout below splits the batch into equal groups
    }

    public ImageShape Shape { get; }
    public int GroupCount { get; }
    /// <summary>Entries per group: the m in the mean Σx/m and the biased variance Σ(x-μ)²/m.</summary>
    public int GroupSize { get; }
    public int ParameterCount { get; }
    public int[] GroupOf { get; }
    public int[] ParameterOf { get; }

    /// <summary>Batch norm (nn.BatchNorm2d; (N, C) as nn.BatchNorm1d via H = W = 1): one group per channel over N·H·W entries.</summary>
    public static NormalizationLayout BatchNorm(ImageShape shape)
    {
        Check(shape);
        return new NormalizationLayout(shape, shape.Channels, shape.Channels, (_, c, _) => c, (_, c, _) => c);
    }

    /// <summary>Layer norm over (C, H, W) as nn.LayerNorm([C, H, W]): one group per sample, γ and β elementwise over C·H·W.</summary>
    public static NormalizationLayout LayerNorm(ImageShape shape)
    {
        Check(shape);
        int spatial = shape.Height * shape.Width;
        return new NormalizationLayout(shape, shape.Batch, shape.Channels * spatial, (n, _, _) => n, (_, c, s) => c * spatial + s);
    }

    /// <summary>Instance norm as nn.InstanceNorm2d(affine: true): one group per (sample, channel) over H·W, γ and β per channel.</summary>
    public static NormalizationLayout InstanceNorm(ImageShape shape)
    {
        Check(shape);
        return new NormalizationLayout(shape, shape.Batch * shape.Channels, shape.Channels, (n, c, _) => n * shape.Channels + c, (_, c, _) => c);
    }

    /// <summary>Group norm as nn.GroupNorm(groups, C): channels split into equal consecutive blocks, one group per (sample, block), γ and β per channel.</summary>
    public static NormalizationLayout GroupNorm(ImageShape shape, int groups)
    {
        Check(shape);
        Guard.Positive(groups, nameof(groups));
        if (shape.Channels % groups != 0)
            throw new ArgumentException($"groups must divide the channel count {shape.Channels}, but is {groups}.", nameof(groups));
        int perGroup = shape.Channels / groups;
        return new NormalizationLayout(shape, shape.Batch * groups, shape.Channels, (n, c, _) => n * groups + c / perGroup, (_, c, _) => c);
    }

    private static void Check(ImageShape shape)
    {
        Guard.Positive(shape.Batch, nameof(shape.Batch));
        Guard.Positive(shape.Channels, nameof(shape.Channels));
        Guard.Positive(shape.Height, nameof(shape.Height));
        Guard.Positive(shape.Width, nameof(shape.Width));
    }
}
