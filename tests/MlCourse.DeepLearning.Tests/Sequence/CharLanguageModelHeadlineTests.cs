using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Sequence;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Sequence;

/// <summary>The headline figure of the Week 12 notebook (char LM below the bigram baseline), with its fast-profile settings.</summary>
public sealed class CharLanguageModelHeadlineTests
{
    [Fact]
    public void The_fast_profile_LSTM_beats_the_bigram_baseline_and_keeps_the_live_tensor_count_flat()
    {
        var r = CharLanguageModelRun.Fast();
        // The baselines are counts, so they are exact: the bigram's 9.826 (add-one, test tenth) was computed when this was written.
        Assert.InRange(r.BigramPerplexity, 9.82, 9.83);
        Assert.True(r.UnigramPerplexity > 2 * r.BigramPerplexity, $"unigram {r.UnigramPerplexity}, bigram {r.BigramPerplexity}");
        // The LSTM must beat the bigram clearly; below 3 would mean the targets leaked into the inputs.
        Assert.True(r.ModelPerplexity > 3.0 && r.ModelPerplexity < 0.85 * r.BigramPerplexity,
            $"LSTM test perplexity {r.ModelPerplexity}, bigram {r.BigramPerplexity}");
        var settled = r.LiveCounts.Skip(2).Distinct().ToArray();
        Assert.True(settled.Length == 1, $"live tensors over the run: {string.Join(", ", settled)}");
    }
}

/// <summary>The notebook's fast-profile run, shared by the headline test.</summary>
internal static class CharLanguageModelRun
{
    public sealed record Result(double UnigramPerplexity, double BigramPerplexity, double ModelPerplexity, long[] LiveCounts);

    public static Result Fast()
    {
        var text = KjvGenesis.Text();
        var vocabulary = CharVocabulary.FromText(text);
        var ids = vocabulary.Encode(text);
        int split = (int)(ids.Length * 0.9);
        var train = ids[..split];
        var test = ids[split..];
        const int window = 64;
        var baseline = CharNGramBaseline.Fit(train, vocabulary.Count);
        var covered = CharWindows.Covered(test, window);
        using var scope = NewDisposeScope();
        var (xTrain, yTrain) = CharWindows.Make(train, window);
        var (xTest, yTest) = CharWindows.Make(test, window);
        TorchSeed.Seed(42);
        var model = new CharLanguageModel(vocabulary.Count, embeddingSize: 32, hiddenSize: 128);
        var options = new TrainerOptions(Epochs: 3, BatchSize: 32) { ClipGradientNorm = 1.0 };
        var live = new List<long>();
        var history = new Trainer(model, optim.Adam(model.parameters(), 0.005), CharLanguageModel.Loss, options)
            .Fit(xTrain, yTrain, (xTest, yTest), p => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
        return new Result(baseline.UnigramPerplexity(covered), baseline.BigramPerplexity(covered),
            Math.Exp(history.Epochs[^1].Validation["loss"]), live.ToArray());
    }
}
