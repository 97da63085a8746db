using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;

namespace MlCourse.DeepLearning.Data;

/// <summary>
/// Which samples go into which mini-batch in epoch e (Week 9, "Mini-batches"): one rule for the
/// tensor batcher and the from-scratch training loop, so a scratch run and a TorchSharp run with
/// the same seed see the same batches in the same order. The order depends only on (seed, epoch),
/// never on what ran before.
/// </summary>
public static class BatchOrder
{
    /// <summary>Batches per epoch: ⌈N / B⌉, or ⌊N / B⌋ with DropLast.</summary>
    public static int BatchesPerEpoch(int count, BatcherOptions options)
    {
        Guard.NotNull(options, nameof(options));
        return options.DropLast ? count / options.BatchSize : (count + options.BatchSize - 1) / options.BatchSize;
    }

    /// <summary>The sample indices of every batch of epoch <paramref name="epoch"/> (0-based) over <paramref name="count"/> samples.</summary>
    public static IReadOnlyList<int[]> EpochBatches(int count, BatcherOptions options, int epoch)
    {
        Guard.Positive(count, nameof(count));
        Guard.NotNull(options, nameof(options));
        Guard.Positive(options.BatchSize, nameof(options.BatchSize));
        Guard.NonNegative(epoch, nameof(epoch));
        var order = options.Shuffle
            ? Seeded.Random(TorchSeed.Derive(options.Seed, epoch)).Permutation(count)
            : Enumerable.Range(0, count).ToArray();
        int batchCount = BatchesPerEpoch(count, options);
        var batches = new List<int[]>(batchCount);
        for (int b = 0; b < batchCount; b++)
        {
            int start = b * options.BatchSize;
            batches.Add(order[start..Math.Min(start + options.BatchSize, count)]);
        }
        return batches;
    }
}
