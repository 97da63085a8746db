using MlCourse.Core.Validation;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequence;

/// <summary>
/// Cuts a stream of ids into non-overlapping windows of <c>length</c> inputs with their next-character targets (Week 12):
/// row r holds ids[rL .. rL+L−1] as input and ids[rL+1 .. rL+L] as target, so every character after the first is predicted
/// exactly once and exp(mean loss) is the per-character perplexity over the stream (minus the tail that fills no window).
/// </summary>
public static class CharWindows
{
    public static (Tensor Inputs, Tensor Targets) Make(IReadOnlyList<int> ids, int length)
    {
        Guard.NotNull(ids, nameof(ids));
        Guard.Positive(length, nameof(length));
        int rows = (ids.Count - 1) / length;
        if (rows < 1) throw new ArgumentException($"ids must hold more than length = {length} characters to fill one window, but hold {ids.Count}.", nameof(ids));
        var inputs = new long[rows * length];
        var targets = new long[rows * length];
        for (int k = 0; k < rows * length; k++)
        {
            inputs[k] = ids[k];
            targets[k] = ids[k + 1];
        }
        return (tensor(inputs, ScalarType.Int64).reshape(rows, length), tensor(targets, ScalarType.Int64).reshape(rows, length));   // (N, L) each
    }

    /// <summary>The ids the windows predict, with their one character of context: ids[0 .. rows·L], for the n-gram baselines.</summary>
    public static int[] Covered(IReadOnlyList<int> ids, int length)
    {
        Guard.NotNull(ids, nameof(ids));
        Guard.Positive(length, nameof(length));
        int rows = (ids.Count - 1) / length;
        return ids.Take(rows * length + 1).ToArray();
    }
}
