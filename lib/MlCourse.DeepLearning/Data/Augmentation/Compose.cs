using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data.Augmentation;

/// <summary>
/// Transforms applied one after another, first to last (torchvision's <c>Compose</c>). Each
/// transform gets its own seed derived from the composition's seed and its position, so adding
/// a transform at the end does not change the choices the earlier ones make.
/// </summary>
public sealed class Compose : IBatchTransform
{
    public Compose(params IBatchTransform[] transforms)
    {
        Guard.NotNull(transforms, nameof(transforms));
        Guard.NotEmpty(transforms, nameof(transforms), "transform");
        Transforms = transforms.ToArray();
    }

    public IReadOnlyList<IBatchTransform> Transforms { get; }

    public Tensor Apply(Tensor batch, int seed)
    {
        ImageBatch.Check(batch, nameof(batch));
        using var scope = NewDisposeScope();
        var result = batch;                                         // (B, C, H, W)
        for (int i = 0; i < Transforms.Count; i++)
            result = Transforms[i].Apply(result, TorchSeed.Derive(seed, i));
        return (ReferenceEquals(result, batch) ? batch.clone() : result).MoveToOuterDisposeScope();
    }
}
