using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>
/// Pads each image with <see cref="Padding"/> zero pixels on every side, then cuts an H x W
/// window at a random offset (torchvision's <c>RandomCrop(size, padding)</c> with the original
/// size): the image moves by up to <see cref="Padding"/> pixels in each direction, which teaches
/// the network that a shifted object is the same object.
/// </summary>
public sealed class RandomCrop : IBatchTransform
{
    public RandomCrop(int padding)
    {
        Guard.Positive(padding, nameof(padding));
        Padding = padding;
    }

    public int Padding { get; }

    public Tensor Apply(Tensor batch, int seed)
    {
        ImageBatch.Check(batch, nameof(batch));
        var rng = Seeded.Random(seed);
        long n = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        using var scope = NewDisposeScope();
        var padded = nn.functional.pad(batch, [Padding, Padding, Padding, Padding]); // (B, C, H + 2p, W + 2p)
        var crops = new Tensor[n];
        for (long i = 0; i < n; i++)
        {
            int top = rng.Next(2 * Padding + 1), left = rng.Next(2 * Padding + 1);    // offsets in [0, 2p]
            crops[i] = padded[i].narrow(1, top, h).narrow(2, left, w);               // (C, H, W)
        }
        return stack(crops).MoveToOuterDisposeScope();                               // (B, C, H, W)
    }
}
