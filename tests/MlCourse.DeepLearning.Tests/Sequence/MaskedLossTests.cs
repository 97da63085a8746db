using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Sequence;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Sequence;

public sealed class MaskedLossTests
{
    [Fact]
    public void The_masked_loss_is_the_mean_over_real_tokens_and_ignores_what_the_pads_hold()
    {
        TorchSeed.Seed(3);
        using var scope = NewDisposeScope();
        long[] lengths = [5, 2, 3];
        var logits = randn(3, 5, 7);
        var targets = randint(0, 7, [3, 5], ScalarType.Int64);
        double masked = MaskedLoss.CrossEntropy(logits, targets, lengths).item<float>();

        // Independently: the cross-entropy of each real token, summed row by row on the unpadded rows, divided by 10 tokens.
        double sum = 0;
        for (int b = 0; b < 3; b++)
            sum += nn.functional.cross_entropy(logits[b, ..(int)lengths[b]], targets[b, ..(int)lengths[b]], reduction: nn.Reduction.Sum).item<float>();
        Assert.Equal(sum / 10, masked, 5);

        // What the pads hold changes nothing; the unmasked mean over all 15 positions (the bug) differs.
        var scrambled = logits.clone();
        scrambled[1, 3..] = randn(2, 7) * 10;
        Assert.Equal(masked, MaskedLoss.CrossEntropy(scrambled, targets, lengths).item<float>(), 5);
        double unmasked = nn.functional.cross_entropy(logits.reshape(-1, 7), targets.reshape(-1)).item<float>();
        Assert.True(Math.Abs(unmasked - masked) > 1e-3, $"unmasked {unmasked} vs masked {masked}");

        // PyTorch's own route to the same number: pads set to ignore_index.
        var ignored = targets.clone().masked_fill(MaskedLoss.Mask(lengths, 5).eq(0), -100);
        Assert.Equal(masked, nn.functional.cross_entropy(logits.reshape(-1, 7), ignored.reshape(-1), ignore_index: -100).item<float>(), 5);
    }

    [Fact]
    public void A_length_outside_the_batch_is_rejected()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 4, 3);
        var targets = zeros(new long[] { 2, 4 }, ScalarType.Int64);
        Assert.Equal("lengths", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLoss.CrossEntropy(logits, targets, [4, 5])).ParamName);
        Assert.Equal("lengths", Assert.Throws<ArgumentException>(() => MaskedLoss.CrossEntropy(logits, targets, [4])).ParamName);
    }
}
