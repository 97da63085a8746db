using MlCourse.Core.Validation;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>
/// Adds independent N(0, σ²) noise to every pixel. A mild regulariser: the network cannot rely
/// on exact pixel values, and for a linear model it is equivalent in expectation to an L2
/// penalty (Bishop 1995), the link Week 11's notebook draws.
/// </summary>
public sealed class GaussianNoise : IBatchTransform
{
    public GaussianNoise(double std)
    {
        Guard.Positive(std, nameof(std));
        Std = std;
    }

    public double Std { get; }

    public Tensor Apply(Tensor batch, int seed)
    {
        ImageBatch.Check(batch, nameof(batch));
        using var scope = NewDisposeScope();
        // A generator of our own: the draw depends on seed alone, not on the global one.
        using var generator = new Generator((ulong)seed);
        var noise = randn(batch.shape, dtype: batch.dtype, device: batch.device, generator: generator); // (B, C, H, W)
        return (batch + Std * noise).MoveToOuterDisposeScope();                                           // (B, C, H, W)
    }
}
