using MlCourse.DeepLearning.Data;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Data;

public sealed class TensorBatcherTests
{
    private static (Tensor X, Tensor Y) Data(int n) => (arange(n, dtype: ScalarType.Float32).view(n, 1) * 10, arange(n)); // x = 10 · y

    [Fact]
    public void An_epoch_visits_every_sample_once_with_inputs_and_targets_kept_together()
    {
        var (x, y) = Data(10);
        var batcher = new TensorBatcher(x, y, new BatcherOptions(BatchSize: 4, Seed: 3));
        var batches = batcher.EpochBatches(0);
        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b).Order());
        using var scope = NewDisposeScope();
        var (xb, yb) = batcher.Take(batches[1]);
        Assert.Equal([4L, 1L], xb.shape);
        Assert.True((xb.squeeze(1) == yb.to(ScalarType.Float32) * 10).all().item<bool>());
        Assert.Equal(batches[1].Select(i => (long)i), yb.data<long>().ToArray());
    }

    [Fact]
    public void Shuffling_depends_on_seed_and_epoch_only()
    {
        var (x, y) = Data(50);
        var a = new TensorBatcher(x, y, new BatcherOptions(8, Seed: 1));
        var b = new TensorBatcher(x, y, new BatcherOptions(8, Seed: 1));
        var c = new TensorBatcher(x, y, new BatcherOptions(8, Seed: 2));
        Assert.Equal(a.EpochBatches(3).SelectMany(i => i), b.EpochBatches(3).SelectMany(i => i));   // no state carried between epochs
        Assert.NotEqual(a.EpochBatches(3).SelectMany(i => i), a.EpochBatches(4).SelectMany(i => i));
        Assert.NotEqual(a.EpochBatches(3).SelectMany(i => i), c.EpochBatches(3).SelectMany(i => i));
        var ordered = new TensorBatcher(x, y, new BatcherOptions(8, Shuffle: false));
        Assert.Equal(Enumerable.Range(0, 50), ordered.EpochBatches(5).SelectMany(i => i));
    }

    [Fact]
    public void DropLast_skips_the_short_batch()
    {
        var (x, y) = Data(10);
        var batcher = new TensorBatcher(x, y, new BatcherOptions(4, DropLast: true));
        Assert.Equal(2, batcher.BatchesPerEpoch);
        Assert.All(batcher.EpochBatches(0), b => Assert.Equal(4, b.Length));
    }

    [Fact]
    public void Bad_inputs_are_refused_with_the_argument_named()
    {
        var (x, y) = Data(10);
        using var shortY = arange(9);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new TensorBatcher(x, shortY, new BatcherOptions(4))).ParamName);
        Assert.Contains("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorBatcher(x, y, new BatcherOptions(0))).Message);
        Assert.Contains("every batch would be dropped",
            Assert.Throws<ArgumentException>(() => new TensorBatcher(x, y, new BatcherOptions(11, DropLast: true))).Message);
        var batcher = new TensorBatcher(x, y, new BatcherOptions(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.Take([3, 10]));
    }
}
