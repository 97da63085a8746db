using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch.Attention;

/// <summary>
/// Scratch multi-head attention against TorchSharp 0.107.0's nn.MultiheadAttention (float64) with the same weights copied
/// in: output and the head-averaged weights need_weights returns, with a key padding mask, an attention mask and both.
/// TorchSharp's layer is sequence first (L, B, E) and its key_padding_mask means "true = padding, masked out".
/// </summary>
public sealed class MultiheadAttentionTests
{
    private const int B = 2, L = 3, S = 4, E = 6, H = 3;

    private static double[] Draw(int n, int seed)
    {
        var rng = Seeded.Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
    }

    /// <summary>(B, T, E) ↔ (T, B, E).</summary>
    private static double[] SwapBatchAndTime(double[] x, int first, int second)
    {
        var y = new double[x.Length];
        for (int a = 0; a < first; a++)
            for (int b = 0; b < second; b++)
                Array.Copy(x, (a * second + b) * E, y, (b * first + a) * E, E);
        return y;
    }

    private static (double[] Output, double[] Weights) Torch(MultiheadAttentionWeights w, double[] q, double[] k, double[] v, bool[]? keyIsPadding, bool[]? allowed)
    {
        using var scope = NewDisposeScope();
        var mha = nn.MultiheadAttention(E, H);
        mha.to(ScalarType.Float64);
        var source = new Dictionary<string, double[]>
        {
            ["in_proj_weight"] = w.InProjWeight, ["in_proj_bias"] = w.InProjBias, ["out_proj.weight"] = w.OutProjWeight, ["out_proj.bias"] = w.OutProjBias,
        };
        var parameters = mha.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(source.Keys.Order(), parameters.Keys.Order());
        using (no_grad())
            foreach (var (name, values) in source)
                parameters[name].copy_(TensorConversion.ToTensor(values, parameters[name].shape));
        Tensor Seq(double[] x, int length) => TensorConversion.ToTensor(SwapBatchAndTime(x, B, length), [length, B, E]);
        var padding = keyIsPadding is null ? null : tensor(keyIsPadding, [B, S]);
        // The attention mask goes in additive (0 / −∞): TorchSharp 0.107.0's MultiheadAttention.forward treats a boolean attn_mask
        // as the additive numbers 0 / 1 (measured: same output as a float mask with 1 on the "masked" entries), so it masks nothing.
        var masked = allowed is null ? null : TensorConversion.ToTensor(allowed.Select(a => a ? 0.0 : double.NegativeInfinity).ToArray(), [L, S]);
        var (output, weights) = mha.forward(Seq(q, L), Seq(k, S), Seq(v, S), padding, true, masked);
        return (SwapBatchAndTime(TensorConversion.ToDoubles(output), L, B), TensorConversion.ToDoubles(weights));
    }

    private static void Close(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-12, $"{what}: largest difference {worst:g3}");
    }

    public static TheoryData<bool, bool> Masks => new() { { false, false }, { true, false }, { false, true }, { true, true } };

    [Theory]
    [MemberData(nameof(Masks))]
    public void Output_and_averaged_weights_match_nn_MultiheadAttention(bool pad, bool mask)
    {
        var w = MultiheadAttentionWeights.Random(E, H, seed: 11);
        double[] q = Draw(B * L * E, 12), k = Draw(B * S * E, 13), v = Draw(B * S * E, 14);
        bool[]? keyIsPadding = pad ? [false, false, false, true, false, false, true, true] : null;   // (B, S): batch 1 has two pads
        bool[]? allowed = mask ? [true, false, true, true, true, true, false, true, false, true, true, true] : null;   // (L, S)
        var scratch = new ScratchMultiheadAttention(w).Forward(q, k, v, B, L, S, keyIsPadding, allowed is null ? null : AttentionMask.FromAllowed(allowed));
        var torch = Torch(w, q, k, v, keyIsPadding, allowed);
        Close(torch.Output, scratch.Output, "output");
        Close(torch.Weights, scratch.AverageWeights, "averaged weights");
    }

    [Fact]
    public void Splitting_heads_is_not_the_same_as_one_wide_head()
    {
        var w = MultiheadAttentionWeights.Random(E, H, seed: 15);
        var one = new MultiheadAttentionWeights(E, 1, w.InProjWeight, w.InProjBias, w.OutProjWeight, w.OutProjBias);
        double[] x = Draw(B * L * E, 16);
        var torch = Torch(w, x, Draw(B * S * E, 17), Draw(B * S * E, 18), null, null);
        var single = new ScratchMultiheadAttention(one).Forward(x, Draw(B * S * E, 17), Draw(B * S * E, 18), B, L, S);
        Assert.True(torch.Output.Zip(single.Output, (a, b) => Math.Abs(a - b)).Max() > 1e-3, "one head of width E matched three heads");
    }

    [Fact]
    public void Bad_shapes_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new MultiheadAttentionWeights(6, 4, new double[108], new double[18], new double[36], new double[6]));
        Assert.Equal("heads", e.ParamName);
        var layer = new ScratchMultiheadAttention(MultiheadAttentionWeights.Random(E, H));
        var p = Assert.Throws<ArgumentException>(() => layer.Forward(new double[B * L * E], new double[B * S * E], new double[B * S * E], B, L, S, keyIsPadding: new bool[3]));
        Assert.Equal("keyIsPadding", p.ParamName);
        Assert.Contains("(2, 4)", p.Message);
    }
}
