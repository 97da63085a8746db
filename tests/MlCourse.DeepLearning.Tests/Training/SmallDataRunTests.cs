using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Training;

/// <summary>Week 11's headline: with 1,000 labels, regularisation raises Fashion-MNIST test accuracy (the notebook's fast settings).</summary>
public sealed class SmallDataRunTests
{
    internal static readonly SmallDataConfig Baseline = new(Hidden: 256, Epochs: 100, BatchSize: 50, LearningRate: 1e-3);
    internal static readonly SmallDataConfig Regularised = Baseline with { Dropout = 0.3, WeightDecay = 0.05, Augment = true, Patience = 10 };

    [Fact]
    public void Regularisation_raises_test_accuracy_over_the_unregularised_baseline_within_the_recorded_band()
    {
        var train = FashionMnist.Train();
        var (labelled, validation, test) = (train.Take(1000), train.Slice(5000, 1000), FashionMnist.Test());
        torch.set_num_threads(1);
        var plain = SmallDataRun.Fit(labelled, validation, test, Baseline);
        var regularised = SmallDataRun.Fit(labelled, validation, test, Regularised);
        // When this test was written (one libtorch thread): baseline 0.802, regularised 0.809 (stopped at epoch 55, best 44).
        // The gain is small (0.007, about 14 of 2,000 test images); the bands allow summation-order changes, and the order
        // check is exact because the run is seeded and single-threaded.
        Assert.InRange(plain.TestAccuracy, BaselineBand.Low, BaselineBand.High);
        Assert.InRange(regularised.TestAccuracy, RegularisedBand.Low, RegularisedBand.High);
        Assert.True(regularised.TestAccuracy > plain.TestAccuracy, $"regularised {regularised.TestAccuracy} vs baseline {plain.TestAccuracy}");
    }

    [Fact]
    public void The_regularised_run_keeps_the_live_tensor_count_flat()
    {
        var train = FashionMnist.Train();
        var counts = new List<(int Step, long Live)>();
        SmallDataRun.Fit(train.Take(200), train.Slice(5000, 100), FashionMnist.Test().Take(100), Regularised with { Epochs = 5, Patience = 100 },
            p => counts.Add((p.Step, DisposeScopeManager.Statistics.ThreadTotalLiveCount)));
        // 4 steps of 50 per epoch and one evaluation each; after the first step (AdamW's buffers, the gradients) nothing may accumulate.
        Assert.Equal(5 * 4 + 5, counts.Count);
        var settled = counts.Where(c => c.Step >= 2).Select(c => c.Live).Distinct().ToArray();
        Assert.True(settled.Length == 1, $"live tensors over the run: {string.Join(", ", settled)}");
    }

    [Fact]
    public void The_validation_slice_holds_the_images_and_labels_after_the_training_ones_and_refuses_to_run_past_the_end()
    {
        var train = FashionMnist.Train();
        var slice = train.Slice(5000, 1000);
        Assert.Equal(1000, slice.Count);
        Assert.True(slice.Image(0).SequenceEqual(train.Image(5000)));
        Assert.True(slice.Image(999).SequenceEqual(train.Image(5999)));
        Assert.Equal(train.Labels[5000], slice.Labels[0]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => train.Slice(train.Count - 10, 11));
        Assert.Equal("count", ex.ParamName);
    }

    private static readonly (double Low, double High) BaselineBand = (0.78, 0.82);
    private static readonly (double Low, double High) RegularisedBand = (0.79, 0.83);
}
