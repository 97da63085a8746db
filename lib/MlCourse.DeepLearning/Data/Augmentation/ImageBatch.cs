using static TorchSharp.torch;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>The input check every transform shares: a floating-point (B, C, H, W) batch.</summary>
internal static class ImageBatch
{
    public static void Check(Tensor? batch, string name)
    {
        var images = Guard.NotNull(batch, name);
        TensorGuard.Rank(images, 4, name, "(B, C, H, W), a batch of images");
        if (!images.is_floating_point())
            throw new ArgumentException($"{name} must hold floating-point pixels, but has dtype {images.dtype}.", name);
    }
}
