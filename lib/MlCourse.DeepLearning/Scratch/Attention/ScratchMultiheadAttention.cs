using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>What one multi-head forward pass returns: the output (B, L, E), the weights averaged over heads (B, L, S) as
/// nn.MultiheadAttention's need_weights returns them, and the per-head attention call.</summary>
public sealed record MultiheadAttentionResult(double[] Output, double[] AverageWeights, AttentionPass Heads);

/// <summary>
/// Multi-head attention from scratch (Week 13), forward only: project query, key and value with the three blocks of
/// in_proj_weight, split the E features into H heads of E/H (head h owns features h·E/H up to (h+1)·E/H), run
/// <see cref="ScaledDotProductAttention"/> on every head in parallel, concatenate the heads and apply out_proj.
/// Arrays are batch first, (B, L, E) and (B, S, E); nn.MultiheadAttention in TorchSharp 0.107.0 is sequence first.
/// </summary>
public sealed class ScratchMultiheadAttention
{
    public ScratchMultiheadAttention(MultiheadAttentionWeights weights) => Weights = Guard.NotNull(weights, nameof(weights));

    public MultiheadAttentionWeights Weights { get; }

    /// <summary>
    /// <paramref name="keyIsPadding"/> (B, S): true marks a padded key no query may attend to (nn.MultiheadAttention's
    /// key_padding_mask convention). <paramref name="attentionMask"/> is in scaled_dot_product_attention's convention
    /// (true = may attend), (L, S) or (B, H, L, S). A query left with no key follows <see cref="ScaledDotProductAttention"/>'s
    /// zero rule.
    /// </summary>
    public MultiheadAttentionResult Forward(double[] query, double[] key, double[] value, int batch, int queryLength, int keyLength,
        bool[]? keyIsPadding = null, AttentionMask? attentionMask = null, bool causal = false)
    {
        int e = Weights.EmbedDim, h = Weights.Heads, d = Weights.HeadDim;
        Guard.Positive(batch, nameof(batch));
        Guard.Positive(queryLength, nameof(queryLength));
        Guard.Positive(keyLength, nameof(keyLength));
        Guard.Length(Guard.NotNull(query, nameof(query)).Length, batch * queryLength * e, nameof(query), $"its shape is (B, L, E) = ({batch}, {queryLength}, {e})");
        Guard.Length(Guard.NotNull(key, nameof(key)).Length, batch * keyLength * e, nameof(key), $"its shape is (B, S, E) = ({batch}, {keyLength}, {e})");
        Guard.Length(Guard.NotNull(value, nameof(value)).Length, batch * keyLength * e, nameof(value), $"its shape is (B, S, E) = ({batch}, {keyLength}, {e})");
        if (keyIsPadding is not null)
            Guard.Length(keyIsPadding.Length, batch * keyLength, nameof(keyIsPadding), $"its shape is (B, S) = ({batch}, {keyLength})");
        var shape = new AttentionShape(batch, h, queryLength, keyLength, d, d);
        attentionMask?.CheckAgainst(shape, nameof(attentionMask));

        double[] Project(double[] x, int length, int block)
        {
            var (w, b) = Weights.Projection(block);
            return Regroup(DenseKernels.LinearForward(x, batch * length, e, w, b, e), batch, length, split: true);
        }
        var pass = ScaledDotProductAttention.Forward(Project(query, queryLength, 0), Project(key, keyLength, 1), Project(value, keyLength, 2),
            shape, CombinedMask(shape, keyIsPadding, attentionMask), causal);

        var output = DenseKernels.LinearForward(Regroup(pass.Output, batch, queryLength, split: false), batch * queryLength, e, Weights.OutProjWeight, Weights.OutProjBias, e);
        var average = new double[batch * queryLength * keyLength];
        int plane = queryLength * keyLength;
        for (int b = 0; b < batch; b++)
            for (int head = 0; head < h; head++)
                for (int i = 0; i < plane; i++) average[b * plane + i] += pass.Weights[(b * h + head) * plane + i] / h;
        return new MultiheadAttentionResult(output, average, pass);
    }

    /// <summary>(B, T, E) → (B, H, T, E/H) when splitting, the reverse (the heads concatenated feature-wise) when merging.</summary>
    private double[] Regroup(double[] x, int batch, int length, bool split)
    {
        int h = Weights.Heads, d = Weights.HeadDim;
        var y = new double[x.Length];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < length; t++)
                for (int head = 0; head < h; head++)
                {
                    int features = (b * length + t) * h * d + head * d, heads = ((b * h + head) * length + t) * d;
                    Array.Copy(x, split ? features : heads, y, split ? heads : features, d);
                }
        return y;
    }

    /// <summary>The attention mask broadcast to (B, H, L, S) with −∞ added on every padded key; null when there is neither.</summary>
    private static AttentionMask? CombinedMask(AttentionShape shape, bool[]? keyIsPadding, AttentionMask? attentionMask)
    {
        if (keyIsPadding is null) return attentionMask;
        var (l, s) = (shape.QueryLength, shape.KeyLength);
        var full = new double[shape.WeightsSize];
        for (int plane = 0; plane < shape.Batch * shape.Heads; plane++)
            for (int i = 0; i < l; i++)
                for (int j = 0; j < s; j++)
                    full[(plane * l + i) * s + j] = keyIsPadding[plane / shape.Heads * s + j]
                        ? double.NegativeInfinity
                        : attentionMask?.At(plane, i, j, shape) ?? 0;
        return AttentionMask.FromAdditive(full);
    }
}
