using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Sequence;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Sequence;

public sealed class CharLanguageModelTests
{
    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Near_zero_temperature_sampling_with_a_carried_state_is_greedy_decoding_over_the_whole_prefix(RecurrentKind kind)
    {
        TorchSeed.Seed(2);
        var model = new CharLanguageModel(7, 5, 6, kind);
        int[] prompt = [1, 4, 2];
        var sampled = model.Sample(prompt, 12, temperature: 1e-4, seed: 3);

        // Independently: rerun the whole sequence from a zero state at every step and take the arg-max of the last logits.
        var sequence = prompt.ToList();
        using (no_grad())
            for (int k = 0; k < 12; k++)
            {
                using var scope = NewDisposeScope();
                var logits = model.forward(tensor(sequence.Select(i => (long)i).ToArray(), ScalarType.Int64).reshape(1, sequence.Count));   // (1, T, V)
                sequence.Add((int)logits[0, -1].argmax().item<long>());
            }
        Assert.Equal(sequence.Skip(3).ToArray(), sampled);
    }

    [Fact]
    public void Sampling_is_reproducible_by_seed_and_leaves_no_tensors_behind()
    {
        TorchSeed.Seed(4);
        var model = new CharLanguageModel(9, 4, 8);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var a = model.Sample([0, 1], 40, temperature: 1.0, seed: 5);
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var b = model.Sample([0, 1], 40, temperature: 1.0, seed: 5);
        var c = model.Sample([0, 1], 40, temperature: 1.0, seed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, id => Assert.InRange(id, 0, 8));
        Assert.Equal(before, after);
        Assert.True(model.training);   // sampling restores the training mode it found
    }

    [Fact]
    public void Bad_sampling_arguments_are_named()
    {
        TorchSeed.Seed(4);
        var model = new CharLanguageModel(9, 4, 8);
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => model.Sample([], 5, 1.0)).ParamName);
        Assert.Equal("prompt", Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample([9], 5, 1.0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample([1], 5, 0)).ParamName);
    }
}
