using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>A dropout pass and the factor each entry was multiplied by: 0 (dropped) or 1/(1 − p) (kept); all 1 in eval.</summary>
public sealed record DropoutResult(double[] Output, double[] Scale);

/// <summary>
/// Inverted dropout on a plain array (Week 11, "dropout"): in training each entry is kept with probability 1 − p and
/// the survivors are scaled by 1/(1 − p), so E[output] = x and eval needs no rescaling: it is the identity. p = 1 drops
/// everything (output and gradient 0), as nn.Dropout(1) does.
/// </summary>
public static class ScratchDropout
{
    // <snippet name="inverted-dropout">
    public static DropoutResult Forward(double[] x, double p, bool training, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(x, nameof(x));
        Guard.InRange(p, 0, 1, nameof(p));
        var scale = new double[x.Length];
        if (!training)
        {
            Array.Fill(scale, 1.0);
            return new DropoutResult(x.ToArray(), scale);
        }
        var rng = Seeded.Random(seed);
        double survivor = p < 1 ? 1.0 / (1 - p) : 0.0;
        for (int i = 0; i < x.Length; i++) scale[i] = rng.NextDouble() < 1 - p ? survivor : 0.0;   // kept with probability 1 − p
        return new DropoutResult(x.Select((v, i) => v * scale[i]).ToArray(), scale);
    }

    /// <summary>y = x ⊙ scale is linear in x for a fixed mask, so ∂L/∂x = ∂L/∂y ⊙ scale: mask/(1 − p) in training, 1 in eval.</summary>
    public static double[] Backward(DropoutResult forward, double[] outputGradient)
    {
        Guard.NotNull(forward, nameof(forward));
        Guard.NotNull(outputGradient, nameof(outputGradient));
        Guard.Length(outputGradient.Length, forward.Scale.Length, nameof(outputGradient), "one gradient per output entry");
        return outputGradient.Select((g, i) => g * forward.Scale[i]).ToArray();
    }
    // </snippet>
}
