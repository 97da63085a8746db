using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// A mask added to the scores before the softmax, in functional.scaled_dot_product_attention's convention: a boolean mask
/// says which keys a query MAY attend to (true = take part, false = −∞), an additive mask is added as is (−∞ forbids).
/// Its shape is (L, S), shared by every batch entry and head, or the full (B, H, L, S). Note nn.MultiheadAttention's
/// boolean attn_mask and key_padding_mask mean the opposite (true = masked out); the scratch multi-head attention
/// takes this type, so convert when copying a PyTorch call.
/// </summary>
public sealed class AttentionMask
{
    private AttentionMask(double[] additive) => Additive = additive;

    /// <summary>What is added to the scores: 0 or −∞ for a boolean mask, the given values for an additive one.</summary>
    public double[] Additive { get; }

    /// <summary>true = the query may attend to that key.</summary>
    public static AttentionMask FromAllowed(bool[] allowed) =>
        new(Guard.NotNull(allowed, nameof(allowed)).Select(a => a ? 0.0 : double.NegativeInfinity).ToArray());

    /// <summary>Values added to the scores (−∞ forbids a key); NaN is rejected.</summary>
    public static AttentionMask FromAdditive(double[] additive)
    {
        Guard.NotNull(additive, nameof(additive));
        for (int i = 0; i < additive.Length; i++) Guard.NotNaN(additive[i], $"{nameof(additive)}[{i}]");
        return new((double[])additive.Clone());
    }

    /// <summary>The causal mask, top-left aligned as PyTorch's is_causal: query i sees keys j ≤ i.</summary>
    public static AttentionMask Causal(int queryLength, int keyLength)
    {
        Guard.Positive(queryLength, nameof(queryLength));
        Guard.Positive(keyLength, nameof(keyLength));
        var allowed = new bool[queryLength * keyLength];
        for (int i = 0; i < queryLength; i++)
            for (int j = 0; j <= Math.Min(i, keyLength - 1); j++) allowed[i * keyLength + j] = true;
        return FromAllowed(allowed);
    }

    /// <summary>The value added to score (b, h, i, j); <paramref name="plane"/> = b·H + h.</summary>
    internal double At(int plane, int i, int j, AttentionShape shape)
    {
        int lxs = shape.QueryLength * shape.KeyLength;
        int offset = Additive.Length == lxs ? 0 : plane * lxs;
        return Additive[offset + i * shape.KeyLength + j];
    }

    internal void CheckAgainst(AttentionShape shape, string name)
    {
        int lxs = shape.QueryLength * shape.KeyLength;
        if (Additive.Length != lxs && Additive.Length != shape.WeightsSize)
            throw new ArgumentException($"{name} must have shape {shape.Describe("mask")}, but has {Additive.Length} values.", name);
    }
}
