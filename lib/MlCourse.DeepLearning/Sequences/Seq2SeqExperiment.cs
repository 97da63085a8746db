using MlCourse.Core.Validation;
using MlCourse.Core.Training;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>The budget of one <see cref="Seq2SeqExperiment"/> run: data sizes, training and model size.</summary>
public sealed record Seq2SeqRunOptions(int TrainCount, int TestCount, int Epochs, int BatchSize = 64, double LearningRate = 3e-3,
    int MaxDigits = 9, int Seed = 0);

/// <summary>A trained model with its test-set decodes and scores.</summary>
public sealed record Seq2SeqResult(Seq2SeqModel Model, TrainingHistory History, Seq2SeqBatch Test, long[][] Predicted, long[][] Target,
    int[] SourceLengths, double ExactMatch, double TokenAccuracy, IReadOnlyList<LengthBucket> ByLength);

/// <summary>
/// The number-words task end to end, shared by the Week 12 and Week 13 notebooks and the headline
/// tests so that the baseline and the attention model are trained the same way at the same budget:
/// seeded data (train and test drawn with different seeds), the model seeded right before it is built,
/// <see cref="Trainer"/> with Adam, clipping at 1 and the padding-ignoring loss, then greedy decoding of the test set.
/// </summary>
public static class Seq2SeqExperiment
{
    public static readonly TokenVocabulary SourceVocabulary = TokenVocabulary.NumberWordsSource();
    public static readonly TokenVocabulary TargetVocabulary = TokenVocabulary.Digits();

    /// <summary>Padded widths that hold every number-words example: ≤ 21 words, ≤ 9 digits + &lt;eos&gt;.</summary>
    public const int SourceLength = 21, TargetLength = 10;

    /// <summary>Cross-entropy over (B, T, V) logits against (B, T) targets, padding ignored, mean over real tokens.</summary>
    // <snippet name="seq2seq-loss">
    public static Tensor Loss(Tensor logits, Tensor target) =>                   // (B, T, V), (B, T)
        nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), target.reshape(-1), ignore_index: TokenVocabulary.Pad);
    // </snippet>

    public static Seq2SeqBatch Encode(IReadOnlyList<NumberPair> pairs) =>
        Seq2SeqBatch.FromPairs(pairs, SourceVocabulary, TargetVocabulary, SourceLength, TargetLength);

    public static Seq2SeqResult Run(Seq2SeqRunOptions options, int hidden = 64, bool attention = false, Action<TrainingProgress>? progress = null)
    {
        Guard.NotNull(options, nameof(options));
        Guard.Positive(options.TrainCount, nameof(options.TrainCount));
        Guard.Positive(options.TestCount, nameof(options.TestCount));
        Guard.Positive(options.LearningRate, nameof(options.LearningRate));
        var train = Encode(NumberWords.Generate(options.TrainCount, options.MaxDigits, options.Seed));
        var testPairs = NumberWords.Generate(options.TestCount, options.MaxDigits, options.Seed + 1_000_003);
        var test = Encode(testPairs);
        TorchSeed.Seed(options.Seed);
        var model = new Seq2SeqModel(new Seq2SeqConfig(SourceVocabulary.Count, TargetVocabulary.Count, SourceLength, Hidden: hidden, Attention: attention));
        var trainer = new Trainer(model, optim.Adam(model.parameters(), options.LearningRate), Loss,
            new TrainerOptions(options.Epochs, options.BatchSize) { Seed = options.Seed, ClipGradientNorm = 1.0 });
        var history = trainer.Fit(train.Packed, train.Target, progress: progress);
        var predicted = Decode(model, test.Source);
        var target = Rows(test.Target);
        var lengths = testPairs.Select(p => p.Words.Count).ToArray();
        return new Seq2SeqResult(model, history, test, predicted, target, lengths,
            SequenceAccuracy.ExactMatch(predicted, target), SequenceAccuracy.TokenAccuracy(predicted, target),
            SequenceAccuracy.ByLength(predicted, target, lengths));
    }

    /// <summary>Greedy decodes of <paramref name="source"/> (N, S) in chunks, as id rows.</summary>
    public static long[][] Decode(Seq2SeqModel model, Tensor source, int chunk = 512)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(source, nameof(source));
        var rows = new List<long[]>();
        for (long start = 0; start < source.shape[0]; start += chunk)
        {
            using var scope = NewDisposeScope();
            var (tokens, _) = model.Greedy(source.narrow(0, start, Math.Min(chunk, source.shape[0] - start)), TargetLength);
            rows.AddRange(Rows(tokens));
        }
        return [.. rows];
    }

    /// <summary>The rows of a (N, T) int64 tensor as arrays.</summary>
    public static long[][] Rows(Tensor ids)
    {
        Guard.NotNull(ids, nameof(ids));
        var flat = ids.contiguous().data<long>().ToArray();
        long width = ids.shape[1];
        return Enumerable.Range(0, (int)ids.shape[0]).Select(i => flat.AsSpan((int)(i * width), (int)width).ToArray()).ToArray();
    }
}
