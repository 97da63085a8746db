using System.Diagnostics;
using MathNet.Numerics.Distributions;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>How a bootstrap interval turns the resampled statistics θ*_b into an interval.</summary>
public enum BootstrapMethod
{
    /// <summary>[q_{α/2}, q_{1−α/2}] of θ*: simple, transformation-invariant, but inherits any bias and skew of θ*.</summary>
    Percentile,
    /// <summary>
    /// [2θ̂ − q_{1−α/2}, 2θ̂ − q_{α/2}]: assumes θ̂ − θ is distributed like θ* − θ̂ (the "bootstrap
    /// principle" applied to the error), so it reflects the percentile interval about θ̂.
    /// </summary>
    Basic,
    /// <summary>
    /// Bias-corrected and accelerated: percentile levels shifted by the median bias z₀ of θ* and by the
    /// skewness of the statistic (acceleration a, from the jackknife). Second-order accurate; the
    /// default to reach for with skewed statistics or small samples.
    /// </summary>
    BCa,
}

/// <summary>A point estimate with its confidence interval.</summary>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Confidence);

/// <summary>
/// Nonparametric bootstrap confidence intervals (Week 4, "Bootstrap confidence intervals"): resample
/// the data with replacement, recompute the statistic, and read the interval off the spread of the
/// recomputed values. Works for any statistic (a mean, a median, a test-set AUC) without a formula for
/// its standard error. Quantiles interpolate linearly (numpy's default), as scipy.stats.bootstrap.
/// </summary>
public static class Bootstrap
{
    public static ConfidenceInterval Interval(IReadOnlyList<double> sample, Func<IReadOnlyList<double>, double> statistic,
        double confidence = 0.95, int resamples = 2000, BootstrapMethod method = BootstrapMethod.Percentile, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(sample, nameof(sample));
        Guard.NotNull(statistic, nameof(statistic));
        Guard.HasAtLeast(sample.Count, 2, nameof(sample), "values", "to resample");
        for (int i = 0; i < sample.Count; i++) Guard.Finite(sample[i], $"{nameof(sample)}[{i}]");
        Guard.InOpenRange(confidence, 0.0, 1.0, nameof(confidence));
        Guard.AtLeast(resamples, 100, nameof(resamples), "for the tail quantiles to mean anything; use thousands");
        Guard.Defined(method, nameof(method));

        double estimate = statistic(sample);
        var theta = Replicates(sample, statistic, resamples, seed);
        Array.Sort(theta);
        double alpha = 1 - confidence;
        double lowLevel = alpha / 2, highLevel = 1 - alpha / 2;
        switch (method)
        {
            case BootstrapMethod.Percentile:
                return new(estimate, Quantile(theta, lowLevel), Quantile(theta, highLevel), confidence);
            case BootstrapMethod.Basic:
                return new(estimate, 2 * estimate - Quantile(theta, highLevel), 2 * estimate - Quantile(theta, lowLevel), confidence);
            case BootstrapMethod.BCa:
                var (low, high) = BcaLevels(sample, statistic, theta, estimate, lowLevel, highLevel);
                return new(estimate, Quantile(theta, low), Quantile(theta, high), confidence);
            default:
                throw new UnreachableException($"BootstrapMethod.{method} has no case here.");
        }
    }

    private static double[] Replicates(IReadOnlyList<double> sample, Func<IReadOnlyList<double>, double> statistic, int resamples, int seed)
    {
        var rng = Seeded.Random(seed);
        int n = sample.Count;
        var theta = new double[resamples];
        var draw = new double[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < n; i++) draw[i] = sample[rng.Next(n)];
            theta[b] = statistic(draw);
        }
        return theta;
    }

    // <snippet name="bca-levels">
    private static (double Low, double High) BcaLevels(IReadOnlyList<double> sample, Func<IReadOnlyList<double>, double> statistic,
        double[] sortedTheta, double estimate, double lowLevel, double highLevel)
    {
        // Bias: z₀ = Φ⁻¹(share of replicates below θ̂); 0 when θ* is centred on θ̂.
        int below = 0;
        while (below < sortedTheta.Length && sortedTheta[below] < estimate) below++;
        double z0 = Normal.InvCDF(0, 1, (double)below / sortedTheta.Length);

        // Acceleration from the jackknife (leave-one-out) values: a = Σd³ / (6 (Σd²)^{3/2}), d = mean − θ₍ᵢ₎.
        int n = sample.Count;
        var jack = new double[n];
        var rest = new double[n - 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0, k = 0; j < n; j++) if (j != i) rest[k++] = sample[j];
            jack[i] = statistic(rest);
        }
        double mean = jack.Average(), s2 = 0, s3 = 0;
        foreach (var t in jack) { double d = mean - t; s2 += d * d; s3 += d * d * d; }
        double a = s2 == 0 ? 0 : s3 / (6 * Math.Pow(s2, 1.5));

        double Adjust(double level)
        {
            double z = z0 + Normal.InvCDF(0, 1, level);
            return Normal.CDF(0, 1, z0 + z / (1 - a * z));
        }
        return (Adjust(lowLevel), Adjust(highLevel));
    }
    // </snippet>

    /// <summary>Linear interpolation between order statistics at position level·(B − 1) (numpy's default percentile).</summary>
    private static double Quantile(double[] sorted, double level)
    {
        double position = level * (sorted.Length - 1);
        int lo = (int)Math.Floor(position);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }
}
