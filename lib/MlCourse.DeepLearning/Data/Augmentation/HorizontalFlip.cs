using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>
/// Mirrors each image left to right with probability <see cref="Probability"/> (torchvision's
/// <c>RandomHorizontalFlip</c>). Right for natural photos and most clothes; wrong where
/// left and right carry meaning (digits, text).
/// </summary>
public sealed class HorizontalFlip : IBatchTransform
{
    public HorizontalFlip(double probability = 0.5)
    {
        Guard.InRange(probability, 0.0, 1.0, nameof(probability));
        Probability = probability;
    }

    public double Probability { get; }

    public Tensor Apply(Tensor batch, int seed)
    {
        ImageBatch.Check(batch, nameof(batch));
        var rng = Seeded.Random(seed);
        var flip = new bool[batch.shape[0]];
        for (int i = 0; i < flip.Length; i++) flip[i] = rng.NextDouble() < Probability;
        using var scope = NewDisposeScope();
        var mask = tensor(flip, device: batch.device).view(-1, 1, 1, 1);     // (B, 1, 1, 1)
        var mirrored = batch.flip(-1);                                       // (B, C, H, W), columns reversed
        return where(mask, mirrored, batch).MoveToOuterDisposeScope();       // (B, C, H, W)
    }
}
