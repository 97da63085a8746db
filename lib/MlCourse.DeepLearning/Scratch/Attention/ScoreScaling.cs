using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>One softmax-saturation measurement: the mean entropy (nats) of a query's weights, the mean largest weight, and
/// the mean Frobenius norm of the softmax's Jacobian ∂p/∂z = diag(p) − p pᵀ, the factor every gradient of the scores passes
/// through (near 0 when the softmax saturates).</summary>
public sealed record SoftmaxSaturation(int KeyDim, int Keys, bool Scaled, double MeanEntropy, double MeanMaxWeight, double MeanJacobianNorm);

/// <summary>
/// Why attention divides by √d_k (Week 13). For q, k with independent unit-variance entries, q·k = Σ_d q_d k_d is a sum of
/// d_k terms of variance 1, so Var(q·k) = d_k exactly; unscaled scores therefore spread like √d_k and the softmax saturates
/// (entropy → 0, one weight → 1, gradients vanish), while q·k/√d_k has variance 1 whatever d_k is.
/// </summary>
public static class ScoreScaling
{
    /// <summary>The sample variance of q·k (times <paramref name="scale"/>) over <paramref name="samples"/> seeded N(0, 1) pairs.</summary>
    public static double DotProductVariance(int keyDim, int samples, int seed = Seeded.DefaultSeed, double scale = 1)
    {
        Guard.Positive(keyDim, nameof(keyDim));
        Guard.AtLeast(samples, 2, nameof(samples), "to estimate a variance");
        Guard.Finite(scale, nameof(scale));
        var rng = Seeded.Random(seed);
        var dots = new double[samples];
        for (int n = 0; n < samples; n++)
        {
            double dot = 0;
            for (int d = 0; d < keyDim; d++) dot += rng.NextGaussian() * rng.NextGaussian();
            dots[n] = dot * scale;
        }
        double mean = dots.Average();
        return dots.Sum(x => (x - mean) * (x - mean)) / (samples - 1);
    }

    /// <summary>−Σ p ln p of softmax(<paramref name="scores"/>), the softmax taken with the maximum subtracted; ln n for equal scores.</summary>
    public static double SoftmaxEntropy(double[] scores)
    {
        Guard.NotEmpty(scores, nameof(scores));
        double max = scores.Max();
        var e = scores.Select(s => Math.Exp(s - max)).ToArray();
        double sum = e.Sum();
        return -e.Select(x => x / sum).Where(p => p > 0).Sum(p => p * Math.Log(p));
    }

    /// <summary>
    /// Runs <see cref="ScaledDotProductAttention"/> for <paramref name="queries"/> seeded N(0, 1) queries over
    /// <paramref name="keys"/> N(0, 1) keys of width <paramref name="keyDim"/>, with the 1/√d_k scale or none, and averages
    /// each query's weight entropy, largest weight and Jacobian norm. A uniform softmax has entropy ln(keys); a saturated one, near 0.
    /// </summary>
    public static SoftmaxSaturation Saturation(int keyDim, int keys, bool scaled, int queries = 200, int seed = Seeded.DefaultSeed)
    {
        var shape = new AttentionShape(1, 1, Guard.Positive(queries, nameof(queries)), Guard.Positive(keys, nameof(keys)), Guard.Positive(keyDim, nameof(keyDim)), 1);
        var rng = Seeded.Random(seed);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        var pass = ScaledDotProductAttention.Forward(Draw(shape.QuerySize), Draw(shape.KeySize), new double[shape.ValueSize], shape, scale: scaled ? null : 1.0);
        double entropy = 0, maxWeight = 0, jacobian = 0;
        for (int i = 0; i < queries; i++)
        {
            var row = pass.Weights.AsSpan(i * keys, keys).ToArray();
            entropy -= row.Where(p => p > 0).Sum(p => p * Math.Log(p));
            maxWeight += row.Max();
            jacobian += Math.Sqrt(JacobianSquaredNorm(row));
        }
        return new SoftmaxSaturation(keyDim, keys, scaled, entropy / queries, maxWeight / queries, jacobian / queries);
    }

    /// <summary>
    /// ‖diag(p) − p pᵀ‖²_F = Σ_jk (δ_jk p_j − p_j p_k)² = Σ p_j² − 2 Σ p_j³ + (Σ p_j²)²: 0 for a one-hot p, largest for a
    /// spread one (1/n − 1/n² for uniform p over n keys).
    /// </summary>
    public static double JacobianSquaredNorm(double[] weights)
    {
        Guard.NotEmpty(weights, nameof(weights));
        double squares = weights.Sum(p => p * p), cubes = weights.Sum(p => p * p * p);
        // For a nearly one-hot p the three terms cancel to about 1e-17 and rounding can make the sum slightly negative.
        return Math.Max(0, squares - 2 * cubes + squares * squares);
    }
}
