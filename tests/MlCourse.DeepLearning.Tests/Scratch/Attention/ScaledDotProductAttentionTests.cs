using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Attention;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch.Attention;

/// <summary>
/// Scratch scaled dot-product attention against TorchSharp's functional.scaled_dot_product_attention (float64, forward and
/// autograd), against finite differences, and the two plausible mistakes (scale 1/d_k, a causal mask one step too wide) caught.
/// </summary>
public sealed class ScaledDotProductAttentionTests
{
    private static void Close(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < tolerance, $"{what}: largest difference {worst:g3}");
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    private static void AgreesWithTorch(AttentionProblem problem, AttentionPass pass, (double[] Output, AttentionGradients Gradients) torch)
    {
        Close(torch.Output, pass.Output, 1e-12, "output");
        var g = ScaledDotProductAttention.Backward(pass, problem.R);
        Close(torch.Gradients.Query, g.Query, 1e-11, "dQ");
        Close(torch.Gradients.Key, g.Key, 1e-11, "dK");
        Close(torch.Gradients.Value, g.Value, 1e-11, "dV");
    }

    [Fact]
    public void Unmasked_attention_and_its_gradients_match_TorchSharp()
    {
        var p = AttentionProblem.Random(new AttentionShape(2, 3, 4, 5, 6, 3), seed: 1);
        AgreesWithTorch(p, p.Forward(), p.Torch());
    }

    [Fact]
    public void Causal_attention_matches_is_causal()
    {
        var p = AttentionProblem.Random(AttentionShape.Self(2, 2, 5, 4), seed: 2);
        AgreesWithTorch(p, p.Forward(causal: true), p.Torch(causal: true));
        AgreesWithTorch(p, p.Forward(AttentionMask.Causal(5, 5)), p.Torch(causal: true));
    }

    [Fact]
    public void Boolean_and_additive_masks_match_attn_mask()
    {
        var shape = new AttentionShape(2, 2, 3, 4, 4, 2);
        var p = AttentionProblem.Random(shape, seed: 3);
        var allowed = Enumerable.Range(0, shape.WeightsSize).Select(i => i % 3 != 1 || i % 4 == 0).ToArray();   // (B, H, L, S)
        for (int row = 0; row < shape.WeightsSize / 4; row++) allowed[row * 4] = true;                          // no empty row here
        AgreesWithTorch(p, p.Forward(AttentionMask.FromAllowed(allowed)),
            p.Torch(() => tensor(allowed, [2, 2, 3, 4])));

        double[] bias = [0.5, -1, 0, 2, -0.3, 0, 1.5, -2, 0.1, 0.2, double.NegativeInfinity, 0];                  // (L, S)
        AgreesWithTorch(p, p.Forward(AttentionMask.FromAdditive(bias)),
            p.Torch(() => TensorConversion.ToTensor(bias, [3, 4])));
    }

    [Fact]
    public void Gradients_match_finite_differences_on_a_tiny_masked_case()
    {
        var p = AttentionProblem.Random(new AttentionShape(1, 2, 2, 3, 2, 2), seed: 4);
        var mask = AttentionMask.FromAllowed([true, true, false, true, false, true]);
        var g = ScaledDotProductAttention.Backward(p.Forward(mask), p.R);
        foreach (var (values, gradient, name) in new[] { (p.Q, g.Query, "dQ"), (p.K, g.Key, "dK"), (p.V, g.Value, "dV") })
            for (int i = 0; i < values.Length; i++)
            {
                double keep = values[i];
                values[i] = keep + 1e-6; double up = p.Loss(mask);
                values[i] = keep - 1e-6; double down = p.Loss(mask);
                values[i] = keep;
                Assert.True(Math.Abs((up - down) / 2e-6 - gradient[i]) < 1e-8, $"{name}[{i}]: {gradient[i]} vs {(up - down) / 2e-6}");
            }
    }

    [Fact]
    public void Huge_scores_stay_finite_because_the_row_maximum_is_subtracted()
    {
        var p = AttentionProblem.Random(AttentionShape.Self(1, 1, 3, 2), seed: 5);
        var pass = ScaledDotProductAttention.Forward(p.Q.Select(x => x * 1e3).ToArray(), p.K.Select(x => x * 1e3).ToArray(), p.V, p.Shape);
        Assert.All(pass.Output, o => Assert.True(double.IsFinite(o)));
        for (int i = 0; i < 3; i++) Assert.Equal(1.0, pass.Weights.Skip(i * 3).Take(3).Sum(), 12);
    }

    [Fact]
    public void A_fully_masked_row_gets_zero_weights_output_and_gradient()
    {
        var p = AttentionProblem.Random(AttentionShape.Self(1, 1, 2, 2), seed: 6);
        var mask = AttentionMask.FromAllowed([false, false, true, true]);    // query 0 may see nothing
        var pass = p.Forward(mask);
        Assert.Equal([0.0, 0.0], pass.Weights.Take(2));
        Assert.Equal([0.0, 0.0], pass.Output.Take(2));
        Assert.Equal(1.0, pass.Weights.Skip(2).Sum(), 12);
        Assert.Equal([0.0, 0.0], ScaledDotProductAttention.Backward(pass, p.R).Query.Take(2));
        // TorchSharp 0.107.0 follows the same rule for the output (zeros, not NaN).
        Close(p.Torch(() => tensor(new[] { false, false, true, true }, [2, 2])).Output, pass.Output, 1e-12, "output");
    }

    [Fact]
    public void Scaling_by_d_k_instead_of_its_square_root_disagrees_with_TorchSharp()
    {
        var p = AttentionProblem.Random(AttentionShape.Self(1, 2, 4, 8), seed: 7);
        var torchOutput = p.Torch().Output;
        Assert.True(MaxDifference(torchOutput, p.Forward().Output) < 1e-12);
        Assert.True(MaxDifference(torchOutput, p.Forward(scale: 1.0 / 8).Output) > 1e-2, "the 1/d_k scale passed");
    }

    [Fact]
    public void A_causal_mask_one_step_too_wide_lets_position_t_see_t_plus_1_and_is_caught()
    {
        const int n = 5;
        var p = AttentionProblem.Random(AttentionShape.Self(1, 1, n, 3), seed: 8);
        var offByOne = new bool[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= Math.Min(i + 1, n - 1); j++) offByOne[i * n + j] = true;
        var wrong = AttentionMask.FromAllowed(offByOne);
        var torchOutput = p.Torch(causal: true).Output;
        Assert.True(MaxDifference(torchOutput, p.Forward(wrong).Output) > 1e-3, "the off-by-one causal mask passed");

        // The property itself: changing the last value row may change only the last query's output under a causal mask.
        var later = p with { V = p.V.Select((x, i) => i >= (n - 1) * 3 ? x + 1 : x).ToArray() };
        double FirstRowsChange(AttentionMask? m, bool causal) =>
            MaxDifference(p.Forward(m, causal).Output[..((n - 1) * 3)], later.Forward(m, causal).Output[..((n - 1) * 3)]);
        Assert.Equal(0.0, FirstRowsChange(null, causal: true));
        Assert.True(FirstRowsChange(wrong, causal: false) > 1e-3);
    }

    [Fact]
    public void Bad_shapes_name_the_argument_and_the_expected_shape()
    {
        var shape = AttentionShape.Self(1, 2, 3, 4);
        var ok = new double[shape.QuerySize];
        var e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Forward(ok, new double[5], ok, shape));
        Assert.Equal("key", e.ParamName);
        Assert.Contains("(1, 2, 3, 4)", e.Message);
        Assert.Contains("5", e.Message);
        var m = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Forward(ok, ok, ok, shape, AttentionMask.FromAllowed(new bool[4])));
        Assert.Equal("mask", m.ParamName);
    }
}
