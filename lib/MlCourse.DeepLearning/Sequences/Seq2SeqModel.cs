using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>
/// Configuration of <see cref="Seq2SeqModel"/>. <paramref name="SourceLength"/> is the padded source
/// width S: the model's input is the source (S columns) and the decoder input side by side.
/// </summary>
public sealed record Seq2SeqConfig(int SourceVocabulary, int TargetVocabulary, int SourceLength,
    int Embedding = 32, int Hidden = 64, bool Attention = false, int AttentionDim = 64);

/// <summary>
/// A GRU encoder-decoder (Week 12, "Sequence to sequence"; with <see cref="Seq2SeqConfig.Attention"/>,
/// Week 13's Bahdanau decoder). Without attention the decoder sees the source only through the
/// encoder's last state h_n, one fixed-size vector whatever the input length (the bottleneck); with
/// attention each step reads a fresh context Σ α_i h_i over all encoder outputs.
/// <para><c>forward</c> is the teacher-forced pass the trainer calls: its input is
/// <see cref="Seq2SeqBatch.Packed"/> (B, S + T) and it returns logits (B, T, V), where step t was fed
/// the true previous token. <see cref="Greedy"/> is free running: each step is fed the model's own
/// previous prediction.</para>
/// </summary>
public sealed class Seq2SeqModel : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding sourceEmbedding, targetEmbedding;
    private readonly TorchSharp.Modules.GRU encoder;
    private readonly TorchSharp.Modules.GRUCell decoder;
    private readonly TorchSharp.Modules.Linear output;
    private readonly AdditiveAttention? attention;

    public Seq2SeqModel(Seq2SeqConfig config) : base(LoadedName())
    {
        Guard.NotNull(config, nameof(config));
        Guard.AtLeast(config.SourceVocabulary, 4, nameof(config.SourceVocabulary), "it holds <pad>, <bos>, <eos> and at least one token");
        Guard.AtLeast(config.TargetVocabulary, 4, nameof(config.TargetVocabulary), "it holds <pad>, <bos>, <eos> and at least one token");
        Guard.Positive(config.SourceLength, nameof(config.SourceLength));
        Guard.Positive(config.Embedding, nameof(config.Embedding));
        Guard.Positive(config.Hidden, nameof(config.Hidden));
        Guard.Positive(config.AttentionDim, nameof(config.AttentionDim));
        Config = config;
        int contextSize = config.Attention ? config.Hidden : 0;
        sourceEmbedding = nn.Embedding(config.SourceVocabulary, config.Embedding, padding_idx: TokenVocabulary.Pad);
        targetEmbedding = nn.Embedding(config.TargetVocabulary, config.Embedding, padding_idx: TokenVocabulary.Pad);
        encoder = nn.GRU(config.Embedding, config.Hidden, batchFirst: true);
        decoder = nn.GRUCell(config.Embedding + contextSize, config.Hidden);
        output = nn.Linear(config.Hidden + contextSize, config.TargetVocabulary);
        attention = config.Attention ? new AdditiveAttention(config.Hidden, config.Hidden, config.AttentionDim) : null;
        RegisterComponents();
    }

    public Seq2SeqConfig Config { get; }

    private static string LoadedName()
    {
        TorchNative.EnsureLoaded();
        return nameof(Seq2SeqModel);
    }

    /// <summary>Teacher-forced logits (B, T, V) for <see cref="Seq2SeqBatch.Packed"/> (B, S + T).</summary>
    // <snippet name="seq2seq-teacher-forcing">
    public override Tensor forward(Tensor packed)                                // (B, S + T)
    {
        using var scope = NewDisposeScope();
        long s = Config.SourceLength;
        var source = packed.narrow(1, 0, s);                                     // (B, S)
        var decoderInput = packed.narrow(1, s, packed.shape[1] - s);             // (B, T) <bos>, y_1, ..., y_(T-1)
        var (h, state, mask) = Encode(source);                                   // (B, S, H), (B, H), (B, S)
        var logits = new List<Tensor>();
        for (long t = 0; t < decoderInput.shape[1]; t++)
        {
            var (step, next, _) = Step(decoderInput[.., t], state, h, mask);     // (B, V), (B, H)
            logits.Add(step);
            state = next;
        }
        return stack(logits, 1).MoveToOuterDisposeScope();                       // (B, T, V)
    }
    // </snippet>

    /// <summary>
    /// Free-running greedy decoding of <paramref name="source"/> (B, S) for <paramref name="steps"/>
    /// steps, in eval mode without gradients: the predicted ids (B, steps) and, with attention, the
    /// weights (B, steps, S) (null without attention).
    /// </summary>
    // <snippet name="seq2seq-greedy">
    public (Tensor Tokens, Tensor? Weights) Greedy(Tensor source, int steps)
    {
        Guard.NotNull(source, nameof(source));
        Guard.Positive(steps, nameof(steps));
        if (source.dim() != 2 || source.shape[1] != Config.SourceLength)
            throw new ArgumentException($"source must be (B, {Config.SourceLength}), but is ({string.Join(", ", source.shape)}).", nameof(source));
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var (h, state, mask) = Encode(source);                                // (B, S, H), (B, H), (B, S)
            var token = full(source.shape[0], TokenVocabulary.Bos, dtype: int64); // (B) <bos>
            var tokens = new List<Tensor>();
            var weights = new List<Tensor>();
            for (int t = 0; t < steps; t++)
            {
                var (logits, next, alpha) = Step(token, state, h, mask);         // (B, V), (B, H), (B, S)?
                token = logits.argmax(1);                                         // (B) the model's own prediction is the next input
                tokens.Add(token);
                if (alpha is not null) weights.Add(alpha);
                state = next;
            }
            var ids = stack(tokens, 1).MoveToOuterDisposeScope();                 // (B, steps)
            return (ids, weights.Count > 0 ? stack(weights, 1).MoveToOuterDisposeScope() : null); // (B, steps, S)
        }
        finally { train(wasTraining); }
    }
    // </snippet>

    private (Tensor Outputs, Tensor Last, Tensor Mask) Encode(Tensor source)    // (B, S)
    {
        var mask = Seq2SeqBatch.SourceMask(source);                              // (B, S)
        var (h, _) = encoder.forward(sourceEmbedding.forward(source));           // (B, S, H)
        // A unidirectional GRU's output at the last real token has read exactly the real tokens:
        // take it, not h_n, which has also read the right padding.
        var last = mask.sum(1).sub(1).clamp_min(0);                              // (B)
        var index = last.view(-1, 1, 1).expand(-1, 1, h.shape[2]);               // (B, 1, H)
        var final = h.gather(1, index).squeeze(1);                               // (B, H)
        return (h, final, mask);
    }

    private (Tensor Logits, Tensor State, Tensor? Weights) Step(Tensor token, Tensor state, Tensor h, Tensor mask)
    {
        var e = targetEmbedding.forward(token);                                  // (B, E)
        if (attention is null)
        {
            var next = decoder.forward(e, state);                                // (B, H)
            return (output.forward(next), next, null);                           // (B, V)
        }
        var (context, alpha) = attention.forward(state, h, mask);               // (B, H), (B, S) from s_(t-1), as Bahdanau
        var s = decoder.forward(cat([e, context], 1), state);                    // (B, H)
        return (output.forward(cat([s, context], 1)), s, alpha);                 // (B, V)
    }
}
