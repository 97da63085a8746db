using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequence;

/// <summary>Which recurrent layer a <see cref="CharLanguageModel"/> uses.</summary>
public enum RecurrentKind { Lstm, Gru }

/// <summary>
/// A character-level language model (Week 12): embedding (V → E), one LSTM or GRU layer (E → H, batch first), and a linear
/// read-out (H → V). forward maps ids (B, T) to next-character logits (B, T, V); <see cref="Loss"/> is the mean cross-entropy
/// over every position, so exp(validation loss) is the perplexity per character, comparable with <see cref="CharNGramBaseline"/>.
/// </summary>
public sealed class CharLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding embedding;
    private readonly nn.Module rnn;
    private readonly TorchSharp.Modules.Linear readout;

    public CharLanguageModel(int vocabularySize, int embeddingSize, int hiddenSize, RecurrentKind kind = RecurrentKind.Lstm) : base(LoadedName())
    {
        VocabularySize = Guard.Positive(vocabularySize, nameof(vocabularySize));
        Guard.Positive(embeddingSize, nameof(embeddingSize));
        HiddenSize = Guard.Positive(hiddenSize, nameof(hiddenSize));
        Guard.Defined(kind, nameof(kind));
        Kind = kind;
        embedding = nn.Embedding(vocabularySize, embeddingSize);
        rnn = kind == RecurrentKind.Lstm ? nn.LSTM(embeddingSize, hiddenSize, batchFirst: true) : nn.GRU(embeddingSize, hiddenSize, batchFirst: true);
        readout = nn.Linear(hiddenSize, vocabularySize);
        RegisterComponents();
    }

    public int VocabularySize { get; }
    public int HiddenSize { get; }
    public RecurrentKind Kind { get; }

    private static string LoadedName()
    {
        TorchNative.EnsureLoaded();
        return nameof(CharLanguageModel);
    }

    public override Tensor forward(Tensor ids) => Forward(ids, null).Logits;   // (B, T) → (B, T, V), from a zero state

    /// <summary>The mean cross-entropy over all B·T positions of logits (B, T, V) against next-character ids (B, T).</summary>
    public static Tensor Loss(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1));

    /// <summary>
    /// Continues <paramref name="prompt"/> (ids) by <paramref name="length"/> characters, drawing each from softmax(logits / T).
    /// T → 0 approaches the arg-max (repetitive), T = 1 samples the model's own distribution, T > 1 flattens it (more errors).
    /// The draws come from a <see cref="Seeded"/> generator, so a seed gives the same text.
    /// </summary>
    public int[] Sample(IReadOnlyList<int> prompt, int length, double temperature, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(prompt, nameof(prompt));
        if (prompt.Count == 0) throw new ArgumentException("prompt must hold at least one id to condition on.", nameof(prompt));
        Guard.Positive(length, nameof(length));
        Guard.Positive(temperature, nameof(temperature));
        foreach (var id in prompt) if (id < 0 || id >= VocabularySize) throw new ArgumentOutOfRangeException(nameof(prompt), id, $"prompt ids must lie in [0, {VocabularySize}).");
        var rng = Seeded.Random(seed);
        var output = new int[length];
        bool wasTraining = training;
        eval();
        using (no_grad())
        {
            object? state = null;
            using var scope = NewDisposeScope();
            var input = tensor(prompt.Select(i => (long)i).ToArray(), ScalarType.Int64).reshape(1, prompt.Count);   // (1, T0)
            for (int k = 0; k < length; k++)
            {
                using var stepScope = NewDisposeScope();
                var (logits, next) = Forward(input, state);                            // (1, T, V)
                var probabilities = nn.functional.softmax(logits[0, -1] / temperature, 0).to_type(ScalarType.Float64).data<double>().ToArray();
                output[k] = Draw(probabilities, rng.NextDouble());
                state = next;
                foreach (var t in StateTensors(state)) t.MoveToOuterDisposeScope();
                input = tensor(new long[] { output[k] }, ScalarType.Int64).reshape(1, 1).MoveToOuterDisposeScope();
            }
        }
        train(wasTraining);
        return output;
    }

    private (Tensor Logits, object State) Forward(Tensor ids, object? state)
    {
        TensorGuard.Rank(ids, 2, nameof(ids), "(batch, time) of character ids");
        using var scope = NewDisposeScope();
        var e = embedding.forward(ids);                                                        // (B, T, E)
        Tensor output;
        object next;
        if (rnn is TorchSharp.Modules.LSTM lstm)
        {
            var (o, h, c) = lstm.forward(e, state as (Tensor, Tensor)?);                     // (B, T, H), (1, B, H) × 2
            output = o; next = (h.MoveToOuterDisposeScope(), c.MoveToOuterDisposeScope());
        }
        else
        {
            var (o, h) = ((TorchSharp.Modules.GRU)rnn).forward(e, state as Tensor);
            output = o; next = h.MoveToOuterDisposeScope();
        }
        return (readout.forward(output).MoveToOuterDisposeScope(), next);                     // (B, T, V)
    }

    private static IEnumerable<Tensor> StateTensors(object state) =>
        state is (Tensor h, Tensor c) ? [h, c] : [(Tensor)state];

    private static int Draw(double[] probabilities, double u)
    {
        double cumulative = 0;
        for (int k = 0; k < probabilities.Length; k++)
        {
            cumulative += probabilities[k];
            if (u < cumulative) return k;
        }
        return probabilities.Length - 1;
    }
}
