using MathNet.Numerics.Distributions;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// How many users per arm an A/B test of two conversion rates needs (Week 4, "A/B testing
/// fundamentals"), for a two-sided test at level alpha with the given power. Both return the
/// unrounded n; round up to plan. Halving the detectable difference roughly quadruples n, since n ∝ 1/(p1 − p2)².
/// </summary>
public static class SampleSize
{
    /// <summary>
    /// The textbook normal-approximation formula: n = (z_{1−α/2}·√(2p̄(1−p̄)) + z_{power}·√(p1(1−p1) + p2(1−p2)))² / (p1 − p2)²,
    /// with p̄ = (p1 + p2)/2: the pooled variance under H₀ sets the rejection threshold, the
    /// unpooled variance under H₁ sets the power.
    /// </summary>
    public static double TwoProportions(double p1, double p2, double alpha = 0.05, double power = 0.8)
    {
        Validate(p1, p2, alpha, power);
        double za = Normal.InvCDF(0, 1, 1 - alpha / 2), zb = Normal.InvCDF(0, 1, power);
        double pBar = (p1 + p2) / 2;
        double root = za * Math.Sqrt(2 * pBar * (1 - pBar)) + zb * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return root * root / ((p1 - p2) * (p1 - p2));
    }

    /// <summary>
    /// The variance-stabilised version (Cohen's effect size h = 2 asin√p1 − 2 asin√p2, as statsmodels'
    /// NormalIndPower): 2 asin√p̂ has variance ≈ 1/n whatever p is, so n = 2 (z_{1−α/2} + z_{power})² / h².
    /// </summary>
    public static double TwoProportionsArcsine(double p1, double p2, double alpha = 0.05, double power = 0.8)
    {
        Validate(p1, p2, alpha, power);
        double za = Normal.InvCDF(0, 1, 1 - alpha / 2), zb = Normal.InvCDF(0, 1, power);
        double h = 2 * Math.Asin(Math.Sqrt(p1)) - 2 * Math.Asin(Math.Sqrt(p2));
        return 2 * (za + zb) * (za + zb) / (h * h);
    }

    private static void Validate(double p1, double p2, double alpha, double power)
    {
        Guard.InOpenRange(p1, 0, 1, nameof(p1));
        Guard.InOpenRange(p2, 0, 1, nameof(p2));
        if (p1 == p2) throw new ArgumentException($"p1 and p2 are both {p1}: no sample size can detect a zero difference.", nameof(p2));
        Guard.InOpenRange(alpha, 0, 1, nameof(alpha));
        Guard.InOpenRange(power, 0, 1, nameof(power));
    }
}
