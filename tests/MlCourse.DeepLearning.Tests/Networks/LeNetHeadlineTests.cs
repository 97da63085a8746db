using MathNet.Numerics.LinearAlgebra;
using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Networks;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Networks;

/// <summary>The headline figure of LeNet on Fashion-MNIST (Week 10) with fast-profile settings, and the Trainer's flat live-tensor count on a CNN.</summary>
public sealed class LeNetHeadlineTests
{
    [Fact]
    public void LeNet_has_the_classic_61706_parameters() =>
        Assert.Equal(61_706, new LeNet().parameters().Sum(p => p.numel()));

    [Fact]
    public void The_fast_profile_LeNet_reaches_the_notebook_s_test_accuracy_band_with_a_flat_live_tensor_count()
    {
        var train = FashionMnist.Train();
        var test = FashionMnist.Test();
        TorchSeed.Seed(42);
        var model = new LeNet();
        var x = TensorConversion.ToTensor(train.ToFloats(), [train.Count, 1, 28, 28]);
        var y = TensorConversion.ToLabelTensor(Vector<double>.Build.DenseOfEnumerable(train.LabelsAsInts().Select(v => (double)v)));
        var xt = TensorConversion.ToTensor(test.ToFloats(), [test.Count, 1, 28, 28]);
        var yt = TensorConversion.ToLabelTensor(Vector<double>.Build.DenseOfEnumerable(test.LabelsAsInts().Select(v => (double)v)));
        // The fast profile: Adam 0.002, 3 epochs of batch 64 on the 10,000-image subset, seed 42. This code and seed gave
        // 0.824 when the test was written: BELOW the course's 0.86 target for the fast profile (more epochs are the full
        // profile's job). The band allows small changes in summation order; a broken network stays near 0.1.
        var options = new TrainerOptions(Epochs: 3, BatchSize: 64) { Seed = 42, Metrics = [Metric.Accuracy] };
        var live = new List<(int Step, long Live)>();
        var history = new Trainer(model, optim.Adam(model.parameters(), 0.002), (l, t) => nn.functional.cross_entropy(l, t), options)
            .Fit(x, y, (xt, yt), p => live.Add((p.Step, DisposeScopeManager.Statistics.ThreadTotalLiveCount)));
        double accuracy = history.Epochs[^1].Validation["accuracy"];
        Assert.InRange(accuracy, 0.80, 0.85);
        var settled = live.Where(c => c.Step >= 2).Select(c => c.Live).Distinct().ToArray();
        Assert.True(settled.Length == 1, $"live tensors over the run: {string.Join(", ", settled)}");
    }
}
