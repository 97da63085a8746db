using MathNet.Numerics.Distributions;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// The two-proportion z-test of an A/B test on a conversion rate (Week 4, "A/B testing"), the test whose sample
/// size <see cref="SampleSize.TwoProportions"/> plans for.
/// </summary>
public static class ProportionTest
{
    /// <summary>
    /// z = (p̂_B − p̂_A) / √(p̄(1 − p̄)(1/n_A + 1/n_B)) with the pooled rate p̄ = (x_A + x_B)/(n_A + n_B): under
    /// H₀ (equal rates) both arms estimate one p̄, and z is approximately standard normal. Two-sided p-value
    /// 2(1 − Φ(|z|)); z² is the Pearson χ² of the 2×2 table without continuity correction. When no user or
    /// every user converted, the rates cannot differ: z = 0, p = 1.
    /// </summary>
    public static TestResult TwoProportions(int successesA, int trialsA, int successesB, int trialsB)
    {
        Guard.Positive(trialsA, nameof(trialsA));
        Guard.Positive(trialsB, nameof(trialsB));
        Guard.InRange(successesA, 0, trialsA, nameof(successesA));
        Guard.InRange(successesB, 0, trialsB, nameof(successesB));
        // <snippet name="two-proportion-z">
        double pA = successesA / (double)trialsA, pB = successesB / (double)trialsB;
        double pooled = (successesA + successesB) / (double)(trialsA + trialsB);
        double variance = pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB);
        if (variance == 0) return new TestResult(0.0, 1.0);
        double z = (pB - pA) / Math.Sqrt(variance);
        return new TestResult(z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
        // </snippet>
    }
}
