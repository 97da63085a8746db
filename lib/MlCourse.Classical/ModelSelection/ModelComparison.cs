using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>A test statistic with its two-sided p-value.</summary>
public sealed record TestResult(double Statistic, double PValue);

/// <summary>
/// "Is model B really better than A?" (Week 4, "Statistical significance of model improvements").
/// Both tests are paired: A and B are scored on the same folds or the same test rows, so the
/// difference cancels the variation that comes from which data were drawn.
/// </summary>
public static class ModelComparison
{
    /// <summary>
    /// Paired t-test on per-fold scores: t = mean(d) / (s_d / √k) with d = b − a, k − 1 degrees of
    /// freedom (scipy.stats.ttest_rel). Positive t means B scored higher.
    /// </summary>
    public static TestResult PairedTTest(IReadOnlyList<double> a, IReadOnlyList<double> b) => CorrectedPairedTTest(a, b, 0.0);

    /// <summary>
    /// Nadeau and Bengio's corrected resampled t-test: the folds of k-fold cross-validation share
    /// training rows, so their scores are positively correlated and the plain t-test's variance s²/k is
    /// too small (too many false "B is better"). The correction inflates it to (1/k + nTest/nTrain)·s².
    /// With testToTrainRatio = 0 it is the plain paired t-test.
    /// </summary>
    public static TestResult CorrectedPairedTTest(IReadOnlyList<double> a, IReadOnlyList<double> b, double testToTrainRatio)
    {
        Guard.NotNull(a, nameof(a));
        Guard.NotNull(b, nameof(b));
        Guard.SameLength(a.Count, b.Count, nameof(a), nameof(b));
        Guard.HasAtLeast(a.Count, 2, nameof(a), "scores", "a paired t-test needs two pairs");
        Guard.NonNegative(testToTrainRatio, nameof(testToTrainRatio));

        int k = a.Count;
        var d = Enumerable.Range(0, k).Select(i => b[i] - a[i]).ToArray();
        double mean = d.Average();
        double variance = d.Sum(x => (x - mean) * (x - mean)) / (k - 1);
        if (variance == 0)
            throw new ArgumentException("the differences b − a are all equal, so their variance is 0 and t is undefined.", nameof(b));
        double t = mean / Math.Sqrt((1.0 / k + testToTrainRatio) * variance);
        double p = 2 * (1 - StudentT.CDF(0, 1, k - 1, Math.Abs(t)));
        return new TestResult(t, p);
    }

    /// <summary>
    /// McNemar's test on one test set: only the discordant rows matter, n01 (A right, B wrong) and n10
    /// (A wrong, B right). Under "equally good" each discordant row is a fair coin. With exact = false:
    /// χ² = (|n01 − n10| − 1)² / (n01 + n10) with continuity correction, 1 degree of freedom; with
    /// exact = true: the two-sided binomial test (better when n01 + n10 is below about 25).
    /// </summary>
    public static TestResult McNemar(int n01, int n10, bool exact = false)
    {
        Guard.NonNegative(n01, nameof(n01));
        Guard.NonNegative(n10, nameof(n10));
        int n = n01 + n10;
        if (n == 0) throw new ArgumentException("McNemar's test needs at least one row where the models disagree, but n01 = n10 = 0.", nameof(n10));
        if (exact)
        {
            double tail = Binomial.CDF(0.5, n, Math.Min(n01, n10));
            return new TestResult(Math.Min(n01, n10), Math.Min(1.0, 2 * tail));
        }
        double chi2 = Math.Pow(Math.Abs(n01 - n10) - 1.0, 2) / n;
        return new TestResult(chi2, 1 - ChiSquared.CDF(1, chi2));
    }

    /// <summary>McNemar's test from labels and the two models' predictions on the same rows.</summary>
    public static TestResult McNemar(Vector<double> y, Vector<double> yHatA, Vector<double> yHatB, bool exact = false)
    {
        Guard.Vector(y, nameof(y));
        Guard.Vector(yHatA, nameof(yHatA));
        Guard.Vector(yHatB, nameof(yHatB));
        Guard.SameLength(y, yHatA, nameof(y), nameof(yHatA));
        Guard.SameLength(y, yHatB, nameof(y), nameof(yHatB));
        int n01 = 0, n10 = 0;
        for (int i = 0; i < y.Count; i++)
        {
            bool aRight = yHatA[i] == y[i], bRight = yHatB[i] == y[i];
            if (aRight && !bRight) n01++;
            else if (!aRight && bRight) n10++;
        }
        return McNemar(n01, n10, exact);
    }
}
