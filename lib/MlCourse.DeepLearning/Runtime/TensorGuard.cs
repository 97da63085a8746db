using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// Guard's checks for tensors (Core's Guard cannot see TorchSharp): the number of dimensions, with the layout
/// the caller expects, so a wrong shape is named before TorchSharp fails deep inside an op.
/// </summary>
public static class TensorGuard
{
    /// <summary>Exactly <paramref name="rank"/> dimensions; <paramref name="layout"/> names them, e.g. "(N, K) logits".</summary>
    public static void Rank(Tensor t, int rank, string name, string layout)
    {
        if (t.dim() != rank)
            throw new ArgumentException($"{name} must be a {rank}-D tensor {layout}, but has shape ({string.Join(", ", t.shape)}).", name);
    }

    /// <summary>At least one dimension, the first being the samples: (N, ...).</summary>
    public static void HasSampleDimension(Tensor t, string name)
    {
        if (t.dim() == 0)
            throw new ArgumentException($"{name} must have a sample dimension first, (N, ...), but is a scalar.", name);
    }
}
