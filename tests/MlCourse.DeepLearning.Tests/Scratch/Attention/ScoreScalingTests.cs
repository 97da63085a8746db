using MlCourse.DeepLearning.Scratch.Attention;

namespace MlCourse.DeepLearning.Tests.Scratch.Attention;

/// <summary>Var(q·k) = d_k (closed form) within a few standard errors of the sample variance; saturation with and without 1/√d_k.</summary>
public sealed class ScoreScalingTests
{
    private const int Samples = 20_000;

    /// <summary>The sample variance's standard error: q·k has fourth moment 3d² + 6d, so Var(s²) ≈ (2d² + 6d)/n.</summary>
    private static double StandardError(int d) => Math.Sqrt((2.0 * d * d + 6.0 * d) / Samples);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(256)]
    public void The_variance_of_q_dot_k_is_d_k_and_scaling_by_root_d_k_makes_it_one(int d)
    {
        double variance = ScoreScaling.DotProductVariance(d, Samples, seed: d);
        Assert.True(Math.Abs(variance - d) < 4 * StandardError(d), $"d_k = {d}: variance {variance}");
        double scaled = ScoreScaling.DotProductVariance(d, Samples, seed: d, scale: 1 / Math.Sqrt(d));
        Assert.True(Math.Abs(scaled - 1) < 4 * StandardError(d) / d, $"d_k = {d}: scaled variance {scaled}");
    }

    [Fact]
    public void The_closed_form_rules_out_a_variance_growing_like_root_d_k()
    {
        double variance = ScoreScaling.DotProductVariance(64, Samples, seed: 3);
        Assert.True(Math.Abs(variance - 8) > 20 * StandardError(64), $"{variance} looks like √64");
    }

    [Fact]
    public void Softmax_entropy_is_ln_n_for_equal_scores_and_near_zero_for_one_dominant_score()
    {
        Assert.Equal(Math.Log(5), ScoreScaling.SoftmaxEntropy([2, 2, 2, 2, 2]), 12);
        Assert.True(ScoreScaling.SoftmaxEntropy([1000, 0, 0, 0]) < 1e-12);
        Assert.Equal(Math.Log(2), ScoreScaling.SoftmaxEntropy([1e6, 1e6, -1e6]), 12);   // stable at huge scores
    }

    [Fact]
    public void Unscaled_scores_saturate_the_softmax_as_d_k_grows_and_scaled_ones_do_not()
    {
        const int keys = 16;
        var unscaled = new[] { 4, 64, 512 }.Select(d => ScoreScaling.Saturation(d, keys, scaled: false, seed: d)).ToArray();
        var scaled = new[] { 4, 64, 512 }.Select(d => ScoreScaling.Saturation(d, keys, scaled: true, seed: d)).ToArray();
        Assert.True(unscaled[0].MeanEntropy > unscaled[1].MeanEntropy && unscaled[1].MeanEntropy > unscaled[2].MeanEntropy);
        Assert.True(unscaled[2].MeanMaxWeight > 0.8, $"d_k = 512 unscaled: max weight {unscaled[2].MeanMaxWeight}");
        // With the scale the scores have unit variance at every d_k, so the entropy barely moves (and stays well above saturation).
        Assert.True(scaled.Max(s => s.MeanEntropy) - scaled.Min(s => s.MeanEntropy) < 0.15);
        Assert.All(scaled, s => Assert.True(s.MeanEntropy > 0.6 * Math.Log(keys), $"d_k = {s.KeyDim}: entropy {s.MeanEntropy}"));
    }

    [Fact]
    public void The_softmax_Jacobian_norm_is_the_closed_form_and_vanishes_when_unscaled_scores_saturate()
    {
        // Uniform over n: Σp² = 1/n, Σp³ = 1/n², so the squared norm is 1/n − 2/n² + 1/n² = 1/n − 1/n². One-hot: 1 − 2 + 1 = 0.
        Assert.Equal(1.0 / 8 - 1.0 / 64, ScoreScaling.JacobianSquaredNorm(Enumerable.Repeat(1.0 / 8, 8).ToArray()), 14);
        Assert.Equal(0.0, ScoreScaling.JacobianSquaredNorm([0, 1, 0]), 14);
        // Entry by entry for p = (0.5, 0.3, 0.2), against the matrix written out.
        double[] p = [0.5, 0.3, 0.2];
        double direct = 0;
        for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) direct += Math.Pow((j == k ? p[j] : 0) - p[j] * p[k], 2);
        Assert.Equal(direct, ScoreScaling.JacobianSquaredNorm(p), 14);

        var unscaled = ScoreScaling.Saturation(512, 16, scaled: false, seed: 5);
        var scaled = ScoreScaling.Saturation(512, 16, scaled: true, seed: 5);
        Assert.True(unscaled.MeanJacobianNorm < scaled.MeanJacobianNorm / 3, $"unscaled {unscaled.MeanJacobianNorm}, scaled {scaled.MeanJacobianNorm}");
    }
}
