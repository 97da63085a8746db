using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>
/// A padded seq2seq data set as tensors (Week 12, "Padding and masks"), laid out for
/// <see cref="Training.Trainer"/>, which feeds one input tensor and one target tensor:
/// <list type="bullet">
/// <item><see cref="Source"/> (N, S): source ids padded with 0 on the right; <see cref="SourceLengths"/> (N).</item>
/// <item><see cref="DecoderInput"/> (N, T): <c>&lt;bos&gt;</c> then the target shifted right by one (teacher forcing).</item>
/// <item><see cref="Target"/> (N, T): the target ids then <c>&lt;eos&gt;</c>, padded with 0 (ignored by the loss).</item>
/// <item><see cref="Packed"/> (N, S + T): Source and DecoderInput side by side, the one input <see cref="Seq2SeqModel"/> reads.</item>
/// </list>
/// </summary>
public sealed class Seq2SeqBatch
{
    private Seq2SeqBatch(Tensor source, Tensor lengths, Tensor decoderInput, Tensor target)
    {
        Source = source;
        SourceLengths = lengths;
        DecoderInput = decoderInput;
        Target = target;
        Packed = cat([source, decoderInput], 1);
    }

    public Tensor Source { get; }
    public Tensor SourceLengths { get; }
    public Tensor DecoderInput { get; }
    public Tensor Target { get; }
    public Tensor Packed { get; }
    public long Count => Source.shape[0];

    /// <summary>
    /// Pads <paramref name="sources"/> to <paramref name="sourceLength"/> and
    /// <paramref name="targets"/> (without <c>&lt;eos&gt;</c>; it is added here) to
    /// <paramref name="targetLength"/>, so every batch of a run has the same widths.
    /// </summary>
    // <snippet name="teacher-forcing-shift">
    public static Seq2SeqBatch Create(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets, int sourceLength, int targetLength)
    {
        Guard.NotEmpty(sources, nameof(sources), "sequence");
        Guard.NotNull(targets, nameof(targets));
        Guard.SameLength(sources.Count, targets.Count, nameof(sources), nameof(targets));
        int n = sources.Count;
        var src = new long[n * sourceLength];
        var len = new long[n];
        var dec = new long[n * targetLength];
        var tgt = new long[n * targetLength];
        for (int i = 0; i < n; i++)
        {
            var s = sources[i];
            var t = targets[i];
            if (s.Length < 1 || s.Length > sourceLength)
                throw new ArgumentException($"sources[{i}] must have 1 to sourceLength = {sourceLength} tokens, but has {s.Length}.", nameof(sources));
            if (t.Length + 1 > targetLength)
                throw new ArgumentException($"targets[{i}] has {t.Length} tokens; with <eos> that needs targetLength ≥ {t.Length + 1}, but it is {targetLength}.", nameof(targets));
            for (int j = 0; j < s.Length; j++) src[i * sourceLength + j] = s[j];
            len[i] = s.Length;
            // Target: y_1 .. y_m <eos>. Decoder input at step t is the true previous token y_(t-1), <bos> first.
            dec[i * targetLength] = TokenVocabulary.Bos;
            for (int j = 0; j < t.Length; j++)
            {
                tgt[i * targetLength + j] = t[j];
                dec[i * targetLength + j + 1] = t[j];
            }
            tgt[i * targetLength + t.Length] = TokenVocabulary.Eos;
        }
        return new Seq2SeqBatch(tensor(src, [n, sourceLength]), tensor(len), tensor(dec, [n, targetLength]), tensor(tgt, [n, targetLength]));
    }
    // </snippet>

    /// <summary>The number-words task encoded with the two vocabularies (source ≤ <paramref name="sourceLength"/> words).</summary>
    public static Seq2SeqBatch FromPairs(IReadOnlyList<NumberPair> pairs, TokenVocabulary source, TokenVocabulary target, int sourceLength, int targetLength)
    {
        Guard.NotEmpty(pairs, nameof(pairs), "pair");
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(target, nameof(target));
        TorchNative.EnsureLoaded();
        return Create(pairs.Select(p => source.Encode(p.Words)).ToArray(),
            pairs.Select(p => target.Encode(p.Digits.Select(c => c.ToString()))).ToArray(), sourceLength, targetLength);
    }

    /// <summary>True where a source position holds a real token, false on padding: (N, S) bool.</summary>
    public static Tensor SourceMask(Tensor source) => source.ne(TokenVocabulary.Pad);   // (N, S)
}
