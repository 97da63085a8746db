using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Transfer;
using Xunit.Abstractions;

namespace MlCourse.DeepLearning.Tests.Transfer;

public sealed class TransferComparisonTests(ITestOutputHelper output)
{
    [Fact]
    public void At_100_labels_frozen_ResNet18_features_and_a_small_scratch_cnn_reach_the_recorded_accuracies()
    {
        // A smaller budget than the headline's (<= 1,000 labels): 100 labels and 100 test images keep
        // ONNX inference (one image per call) to a few seconds-to-tens-of-seconds in CI. Seeded.
        var train = FashionMnist.Train().Take(100);
        var test = FashionMnist.Test().Take(100);
        using var resnet = new ResNet18Features(threads: 2);
        var result = TransferComparison.Run(train, resnet.Featurize(train), test, resnet.Featurize(test), new TransferBudget(Epochs: 30));
        output.WriteLine(result.ToString());
        // Recorded on 2026-12-03 (2 threads): transfer 0.67, scratch 0.71. The issue's headline ("transfer
        // beats scratch at <= 1,000 labels") is NOT reached by this setup at 100 labels: upscaled grey
        // 28x28 clothes are far from ImageNet photographs. The bands pin the measured figures (a
        // broken featurizer gives near-chance 0.1 for the head; a broken CNN loop near 0.1 too).
        Assert.InRange(result.TransferAccuracy, 0.57, 0.77);
        Assert.InRange(result.ScratchAccuracy, 0.61, 0.81);
    }

    [Fact]
    public void Features_of_the_wrong_length_are_refused_by_name()
    {
        var train = FashionMnist.Train().Take(4);
        var bad = Assert.Throws<ArgumentException>(() =>
            TransferComparison.Run(train, new float[4 * 511], train, new float[4 * 512], new TransferBudget(1)));
        Assert.Equal("trainFeatures", bad.ParamName);
    }
}
