using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// The parameters of one multi-head attention layer, laid out as TorchSharp's nn.MultiheadAttention stores them (Week 13):
/// <c>in_proj_weight</c> (3E x E) with the query, key and value projections stacked in that order, <c>in_proj_bias</c> (3E),
/// <c>out_proj.weight</c> (E x E) and <c>out_proj.bias</c> (E), row-major. Copying those tensors in gives the same layer.
/// </summary>
public sealed class MultiheadAttentionWeights
{
    public MultiheadAttentionWeights(int embedDim, int heads, double[] inProjWeight, double[] inProjBias, double[] outProjWeight, double[] outProjBias)
    {
        EmbedDim = Guard.Positive(embedDim, nameof(embedDim));
        Heads = Guard.Positive(heads, nameof(heads));
        if (embedDim % heads != 0)
            throw new ArgumentException($"{nameof(heads)} must divide {nameof(embedDim)} (each head gets E/H dimensions), but {embedDim} is not a multiple of {heads}.", nameof(heads));
        Guard.Length(Guard.NotNull(inProjWeight, nameof(inProjWeight)).Length, 3 * embedDim * embedDim, nameof(inProjWeight), $"its shape is (3E, E) = ({3 * embedDim}, {embedDim})");
        Guard.Length(Guard.NotNull(inProjBias, nameof(inProjBias)).Length, 3 * embedDim, nameof(inProjBias), $"its shape is (3E) = ({3 * embedDim})");
        Guard.Length(Guard.NotNull(outProjWeight, nameof(outProjWeight)).Length, embedDim * embedDim, nameof(outProjWeight), $"its shape is (E, E) = ({embedDim}, {embedDim})");
        Guard.Length(Guard.NotNull(outProjBias, nameof(outProjBias)).Length, embedDim, nameof(outProjBias), $"its shape is (E) = ({embedDim})");
        (InProjWeight, InProjBias, OutProjWeight, OutProjBias) = (inProjWeight, inProjBias, outProjWeight, outProjBias);
    }

    /// <summary>Seeded weights drawn from U(−1/√E, 1/√E) and biases too (nonzero, so a test sees a bias mix-up).</summary>
    public static MultiheadAttentionWeights Random(int embedDim, int heads, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(embedDim, nameof(embedDim));
        var rng = Seeded.Random(seed);
        double bound = 1.0 / Math.Sqrt(embedDim);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble() - 1) * bound).ToArray();
        return new(embedDim, heads, Draw(3 * embedDim * embedDim), Draw(3 * embedDim), Draw(embedDim * embedDim), Draw(embedDim));
    }

    public int EmbedDim { get; }
    public int Heads { get; }
    /// <summary>E / H, each head's query, key and value width.</summary>
    public int HeadDim => EmbedDim / Heads;
    public double[] InProjWeight { get; }
    public double[] InProjBias { get; }
    public double[] OutProjWeight { get; }
    public double[] OutProjBias { get; }

    /// <summary>Block 0 (query), 1 (key) or 2 (value) of in_proj_weight (E x E) and in_proj_bias (E).</summary>
    internal (double[] Weight, double[] Bias) Projection(int block) =>
        (InProjWeight.AsSpan(block * EmbedDim * EmbedDim, EmbedDim * EmbedDim).ToArray(), InProjBias.AsSpan(block * EmbedDim, EmbedDim).ToArray());
}
