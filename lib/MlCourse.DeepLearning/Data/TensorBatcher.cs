using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Data;

/// <summary>How a <see cref="TensorBatcher"/> cuts an epoch into mini-batches.</summary>
/// <param name="BatchSize">Samples per batch (≥ 1).</param>
/// <param name="Shuffle">Visit the samples in a new random order every epoch (else in storage order).</param>
/// <param name="DropLast">Skip the last batch when it is smaller than <paramref name="BatchSize"/>.</param>
/// <param name="Seed">Decides every epoch's order (see <see cref="TensorBatcher.EpochBatches"/>).</param>
public sealed record BatcherOptions(int BatchSize, bool Shuffle = true, bool DropLast = false, int Seed = Seeded.DefaultSeed);

/// <summary>
/// Mini-batches over a dataset held as two tensors, inputs (N, ...) and targets (N, ...)
/// (Week 9, "Mini-batches"). The order of epoch e depends only on (seed, e), not on what ran
/// before, so a run resumed from a checkpoint at epoch e sees the same batches as one that never
/// stopped. A batch is cut by <see cref="Take"/> inside the caller's dispose scope: the batcher
/// holds no tensors of its own beyond the two it was given (which the caller still owns).
/// </summary>
public sealed class TensorBatcher
{
    private readonly Tensor _x, _y;

    public TensorBatcher(Tensor x, Tensor y, BatcherOptions options)
    {
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.NotNull(options, nameof(options));
        Guard.Positive(options.BatchSize, nameof(options.BatchSize));
        TensorGuard.HasSampleDimension(x, nameof(x));
        TensorGuard.HasSampleDimension(y, nameof(y));
        Guard.SameSampleCount(x.shape[0], y.shape[0], nameof(x), nameof(y));
        Guard.HasAtLeast(x.shape[0], 1, nameof(x), "sample");
        if (options.DropLast && x.shape[0] < options.BatchSize)
            throw new ArgumentException($"With DropLast, BatchSize ({options.BatchSize}) must not exceed the number of samples ({x.shape[0]}): every batch would be dropped.", nameof(options));
        _x = x;
        _y = y;
        Options = options;
        Count = (int)x.shape[0];
    }

    public BatcherOptions Options { get; }

    /// <summary>Number of samples N.</summary>
    public int Count { get; }

    /// <summary>Batches per epoch: ⌈N / B⌉, or ⌊N / B⌋ with DropLast.</summary>
    public int BatchesPerEpoch => BatchOrder.BatchesPerEpoch(Count, Options);

    /// <summary>The sample indices of every batch of epoch <paramref name="epoch"/> (0-based), in order (<see cref="BatchOrder"/>).</summary>
    public IReadOnlyList<int[]> EpochBatches(int epoch) => BatchOrder.EpochBatches(Count, Options, epoch);

    /// <summary>The inputs and targets of the given samples, (b, ...) each, as new tensors in the current dispose scope.</summary>
    public (Tensor X, Tensor Y) Take(int[] indices)
    {
        Guard.NotNull(indices, nameof(indices));
        Guard.NotEmpty(indices, nameof(indices), "sample");
        foreach (var i in indices)
            Guard.InRange(i, 0, Count - 1, nameof(indices));
        using var scope = NewDisposeScope();
        var index = tensor(indices.Select(i => (long)i).ToArray(), device: _x.device); // (b,)
        var xb = _x.index_select(0, index);                                              // (b, ...)
        var yb = _y.index_select(0, index.to(_y.device));                                // (b, ...)
        return (xb.MoveToOuterDisposeScope(), yb.MoveToOuterDisposeScope());
    }
}
