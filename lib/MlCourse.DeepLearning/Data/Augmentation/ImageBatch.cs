using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>The input check every transform shares: a floating-point (B, C, H, W) batch.</summary>
internal static class ImageBatch
{
    public static void Check(Tensor? batch, string name)
    {
        ArgumentNullException.ThrowIfNull(batch, name);
        if (batch.dim() != 4)
            throw new ArgumentException($"{name} must be a batch of images (B, C, H, W), but has shape ({string.Join(", ", batch.shape)}).", name);
        if (!batch.is_floating_point())
            throw new ArgumentException($"{name} must hold floating-point pixels, but has dtype {batch.dtype}.", name);
    }
}
