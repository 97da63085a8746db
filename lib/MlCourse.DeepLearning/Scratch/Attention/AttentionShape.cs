using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// The sizes of one scaled dot-product attention call (Week 13), PyTorch's names: Q is (B, H, L, d_k), K is (B, H, S, d_k),
/// V is (B, H, S, d_v), the weights are (B, H, L, S) and the output (B, H, L, d_v), all row-major in plain arrays.
/// </summary>
public sealed record AttentionShape
{
    public AttentionShape(int batch, int heads, int queryLength, int keyLength, int keyDim, int valueDim)
    {
        Batch = Guard.Positive(batch, nameof(batch));
        Heads = Guard.Positive(heads, nameof(heads));
        QueryLength = Guard.Positive(queryLength, nameof(queryLength));
        KeyLength = Guard.Positive(keyLength, nameof(keyLength));
        KeyDim = Guard.Positive(keyDim, nameof(keyDim));
        ValueDim = Guard.Positive(valueDim, nameof(valueDim));
    }

    /// <summary>Self-attention sizes: L = S and d_v = d_k.</summary>
    public static AttentionShape Self(int batch, int heads, int length, int dim) => new(batch, heads, length, length, dim, dim);

    public int Batch { get; }
    public int Heads { get; }
    /// <summary>L, the number of queries.</summary>
    public int QueryLength { get; }
    /// <summary>S, the number of keys and values.</summary>
    public int KeyLength { get; }
    public int KeyDim { get; }
    public int ValueDim { get; }

    public int QuerySize => Batch * Heads * QueryLength * KeyDim;
    public int KeySize => Batch * Heads * KeyLength * KeyDim;
    public int ValueSize => Batch * Heads * KeyLength * ValueDim;
    public int WeightsSize => Batch * Heads * QueryLength * KeyLength;
    public int OutputSize => Batch * Heads * QueryLength * ValueDim;

    internal string Describe(string what) => what switch
    {
        "query" => $"(B, H, L, d_k) = ({Batch}, {Heads}, {QueryLength}, {KeyDim})",
        "key" => $"(B, H, S, d_k) = ({Batch}, {Heads}, {KeyLength}, {KeyDim})",
        "value" => $"(B, H, S, d_v) = ({Batch}, {Heads}, {KeyLength}, {ValueDim})",
        "output" => $"(B, H, L, d_v) = ({Batch}, {Heads}, {QueryLength}, {ValueDim})",
        _ => $"(L, S) = ({QueryLength}, {KeyLength}) or (B, H, L, S) = ({Batch}, {Heads}, {QueryLength}, {KeyLength})",
    };

    internal void Check(double[] array, string what, string name) =>
        Guard.Length(Guard.NotNull(array, name).Length, what switch
        {
            "query" => QuerySize, "key" => KeySize, "value" => ValueSize, _ => OutputSize,
        }, name, $"its shape is {Describe(what)}");
}
