using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>
/// A random change of a batch of images (B, C, H, W) that keeps its label (Week 11, "Data
/// augmentation"). Every random choice comes from <paramref name="seed"/> in <see cref="Apply"/>,
/// never from TorchSharp's global generator, so the trainer can derive it from the step number
/// and a resumed run augments exactly like an uninterrupted one. Compose transforms with
/// <see cref="Compose"/>. Apply returns a new tensor in the current dispose scope and leaves its
/// input unchanged.
/// </summary>
public interface IBatchTransform
{
    /// <summary>The transformed batch, same shape as <paramref name="batch"/> (B, C, H, W).</summary>
    Tensor Apply(Tensor batch, int seed);
}
