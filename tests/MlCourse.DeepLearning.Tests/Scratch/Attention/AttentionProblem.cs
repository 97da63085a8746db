using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Attention;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch.Attention;

/// <summary>Seeded Q, K, V and a weighting R of the output (L = Σ O ⊙ R), and TorchSharp's float64 twin of one call.</summary>
internal sealed record AttentionProblem(AttentionShape Shape, double[] Q, double[] K, double[] V, double[] R)
{
    public static AttentionProblem Random(AttentionShape shape, int seed)
    {
        var rng = Seeded.Random(seed);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        return new(shape, Draw(shape.QuerySize), Draw(shape.KeySize), Draw(shape.ValueSize), Draw(shape.OutputSize));
    }

    public long[] Dims(int length, int dim) => [Shape.Batch, Shape.Heads, length, dim];

    public AttentionPass Forward(AttentionMask? mask = null, bool causal = false, double? scale = null) =>
        ScaledDotProductAttention.Forward(Q, K, V, Shape, mask, causal, scale);

    public double Loss(AttentionMask? mask = null, bool causal = false) => Forward(mask, causal).Output.Zip(R, (o, r) => o * r).Sum();

    /// <summary>functional.scaled_dot_product_attention on the same arrays; the mask tensor is built by the caller.</summary>
    public (double[] Output, AttentionGradients Gradients) Torch(Func<Tensor?>? mask = null, bool causal = false)
    {
        using var scope = NewDisposeScope();
        var q = TensorConversion.ToTensor(Q, Dims(Shape.QueryLength, Shape.KeyDim)).requires_grad_(true);
        var k = TensorConversion.ToTensor(K, Dims(Shape.KeyLength, Shape.KeyDim)).requires_grad_(true);
        var v = TensorConversion.ToTensor(V, Dims(Shape.KeyLength, Shape.ValueDim)).requires_grad_(true);
        // TorchSharp 0.107.0 spells the causal flag is_casual.
        var output = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: mask?.Invoke(), is_casual: causal);
        (output * TensorConversion.ToTensor(R, Dims(Shape.QueryLength, Shape.ValueDim))).sum().backward();
        return (TensorConversion.ToDoubles(output),
            new AttentionGradients(TensorConversion.ToDoubles(q.grad!), TensorConversion.ToDoubles(k.grad!), TensorConversion.ToDoubles(v.grad!)));
    }
}
