using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>
/// The NCHW shape of a batch of images held in a flat row-major array, as PyTorch lays a (N, C, H, W) tensor out:
/// entry (n, c, h, w) sits at ((n·C + c)·H + h)·W + w.
/// </summary>
public readonly record struct ImageShape(int Batch, int Channels, int Height, int Width)
{
    public int Length => Batch * Channels * Height * Width;

    public long[] ToLongs() => [Batch, Channels, Height, Width];

    /// <summary>Checks every dimension is positive and <paramref name="values"/> holds exactly <see cref="Length"/> numbers.</summary>
    public void Check(double[] values, string name)
    {
        Guard.NotNull(values, name);
        Guard.Positive(Batch, nameof(Batch));
        Guard.Positive(Channels, nameof(Channels));
        Guard.Positive(Height, nameof(Height));
        Guard.Positive(Width, nameof(Width));
        Guard.Length(values.Length, Length, name, $"an NCHW batch of shape ({Batch}, {Channels}, {Height}, {Width})");
    }
}
