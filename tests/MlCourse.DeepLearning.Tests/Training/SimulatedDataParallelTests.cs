using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static MlCourse.DeepLearning.Tests.Training.TrainingProblem;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Training;

public sealed class SimulatedDataParallelTests
{
    private static nn.Module<Tensor, Tensor> Float64Mlp(bool batchNorm)
    {
        TorchSeed.Seed(3);
        var layers = new List<nn.Module<Tensor, Tensor>> { nn.Flatten(), nn.Linear(16, 12) };
        if (batchNorm) layers.Add(nn.BatchNorm1d(12));
        layers.Add(nn.ReLU());
        layers.Add(nn.Linear(12, 3));
        var model = nn.Sequential(layers);
        model.to(ScalarType.Float64);
        return model;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void The_mean_of_the_workers_gradients_is_the_large_batch_gradient(int workers)
    {
        var (x, y) = Blobs(64, 5);
        var x64 = x.to_type(ScalarType.Float64);
        var model = Float64Mlp(batchNorm: false);
        var large = SimulatedDataParallel.Gradient(model, CrossEntropy, x64, y);
        var averaged = SimulatedDataParallel.AllReduceMean(SimulatedDataParallel.WorkerGradients(model, CrossEntropy, x64, y, workers));
        // float64: a mean of means against one mean differs only by rounding.
        Assert.True(MaxDifference(large, averaged) < 1e-14, $"max difference {MaxDifference(large, averaged)}");
    }

    [Fact]
    public void Summing_the_workers_gradients_instead_of_averaging_is_off_by_the_worker_count()
    {
        var (x, y) = Blobs(64, 5);
        var x64 = x.to_type(ScalarType.Float64);
        var model = Float64Mlp(batchNorm: false);
        var large = SimulatedDataParallel.Gradient(model, CrossEntropy, x64, y);
        var shards = SimulatedDataParallel.WorkerGradients(model, CrossEntropy, x64, y, 2);
        var summed = shards[0].Zip(shards[1], (a, b) => a + b).ToArray();
        Assert.True(MaxDifference(large.Select(g => 2 * g).ToArray(), summed) < 1e-14);
        Assert.True(MaxDifference(large, summed) > 1e-3);
    }

    [Fact]
    public void Batch_norm_breaks_the_equality_because_each_worker_normalises_by_its_own_shard()
    {
        var (x, y) = Blobs(64, 5);
        var x64 = x.to_type(ScalarType.Float64);
        var model = Float64Mlp(batchNorm: true);
        var large = SimulatedDataParallel.Gradient(model, CrossEntropy, x64, y);
        var averaged = SimulatedDataParallel.AllReduceMean(SimulatedDataParallel.WorkerGradients(model, CrossEntropy, x64, y, 2));
        Assert.True(MaxDifference(large, averaged) > 1e-4, $"max difference {MaxDifference(large, averaged)}");
    }

    [Fact]
    public void Unequal_shards_and_mismatched_gradients_are_refused()
    {
        var (x, y) = Blobs(10, 5);
        var model = Mlp(0);
        var error = Assert.Throws<ArgumentException>(() => SimulatedDataParallel.WorkerGradients(model, CrossEntropy, x, y, 3));
        Assert.Contains("3 workers", error.Message);
        Assert.Throws<ArgumentException>(() => SimulatedDataParallel.AllReduceMean([[1.0, 2.0], [1.0]]));
    }

    [Fact]
    public void Computing_worker_gradients_leaves_no_tensors_alive()
    {
        var (x, y) = Blobs(32, 5);
        var model = Mlp(0);
        SimulatedDataParallel.AllReduceMean(SimulatedDataParallel.WorkerGradients(model, CrossEntropy, x, y, 2));
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 20; i++)
            SimulatedDataParallel.AllReduceMean(SimulatedDataParallel.WorkerGradients(model, CrossEntropy, x, y, 2));
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
