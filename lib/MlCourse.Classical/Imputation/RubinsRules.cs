using MlCourse.Core.Validation;

namespace MlCourse.Classical.Imputation;

/// <summary>The pooled result of m analyses of m imputed datasets.</summary>
/// <param name="Estimate">Q̄, the mean of the m estimates.</param>
/// <param name="Within">W, the mean of the m squared standard errors (the variance if nothing were missing).</param>
/// <param name="Between">B, the sample variance of the m estimates (the uncertainty due to the missing values).</param>
/// <param name="Total">T = W + (1 + 1/m) B.</param>
/// <param name="DegreesOfFreedom">Rubin's (1987) ν = (m − 1)(1 + W / ((1 + 1/m) B))², for a t interval.</param>
public sealed record PooledEstimate(double Estimate, double Within, double Between, double Total, double DegreesOfFreedom, int Imputations)
{
    public double StandardError => Math.Sqrt(Total);

    /// <summary>Fraction of the total variance due to the missing data: (1 + 1/m) B / T.</summary>
    public double FractionMissingInformation => (1 + 1.0 / Imputations) * Between / Total;
}

/// <summary>
/// Rubin's rules for multiple imputation (Week 8, "Multiple imputation"): analyse each of m completed datasets
/// separately, then pool. The point estimate is the average; the variance adds the between-imputation spread to
/// the average within-imputation variance, which is exactly what single imputation forgets (it treats imputed
/// values as if they had been observed, so its standard errors are too small).
/// </summary>
public static class RubinsRules
{
    /// <param name="estimates">The statistic (a mean, a coefficient) from each imputed dataset.</param>
    /// <param name="variances">Its squared standard error from each imputed dataset.</param>
    public static PooledEstimate Pool(IReadOnlyList<double> estimates, IReadOnlyList<double> variances)
    {
        Guard.NotNull(estimates, nameof(estimates));
        Guard.NotNull(variances, nameof(variances));
        Guard.HasAtLeast(estimates.Count, 2, nameof(estimates), "imputations", "the between variance needs two");
        Guard.SameLength(estimates.Count, variances.Count, nameof(estimates), nameof(variances));
        for (int k = 0; k < estimates.Count; k++)
        {
            Guard.Finite(estimates[k], nameof(estimates));
            if (!(variances[k] >= 0) || !double.IsFinite(variances[k])) throw new ArgumentOutOfRangeException(nameof(variances), variances[k], $"{nameof(variances)}[{k}] must be a finite non-negative variance, but is {variances[k]}.");
        }
        int m = estimates.Count;
        // <snippet name="rubins-rules">
        double qBar = estimates.Average();
        double within = variances.Average();
        double between = estimates.Sum(q => (q - qBar) * (q - qBar)) / (m - 1);
        double total = within + (1 + 1.0 / m) * between;
        double r = (1 + 1.0 / m) * between / within;              // relative increase in variance due to missingness
        double df = between == 0 ? double.PositiveInfinity : (m - 1) * (1 + 1 / r) * (1 + 1 / r);
        // </snippet>
        return new PooledEstimate(qBar, within, between, total, df, m);
    }
}
