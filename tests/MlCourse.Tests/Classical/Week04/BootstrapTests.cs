using MlCourse.Classical.ModelSelection;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class BootstrapTests
{
    private static double Mean(IReadOnlyList<double> v) => v.Average();

    [Theory]
    [InlineData(BootstrapMethod.Percentile, "percentile")]
    [InlineData(BootstrapMethod.Basic, "basic")]
    [InlineData(BootstrapMethod.BCa, "BCa")]
    public void Intervals_for_a_skewed_sample_agree_with_scipy(BootstrapMethod method, string name)
    {
        // Expected: scipy.stats.bootstrap(method=name, n_resamples=200000) on 40 exponential draws,
        // recorded by tests/reference/week04_evaluation.py. The generators differ, so the endpoints agree
        // only up to Monte Carlo error: with 20000 resamples the 2.5% quantile's standard error is about
        // 0.006 here (√(p(1−p)/B) / density), so 0.03 is five standard errors.
        var r = Week04Reference.Get("bootstrap");
        var sample = r.Vector("sample").ToArray();
        var expected = r.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ci = Bootstrap.Interval(sample, Mean, 0.95, 20000, method, seed: 1);
        Expect.Close(expected[0], ci.Lower, 0.03, $"{name} lower");
        Expect.Close(expected[1], ci.Upper, 0.03, $"{name} upper");
        Expect.Close(sample.Average(), ci.Estimate, 1e-12);
    }

    [Fact]
    public void BCa_shifts_the_interval_right_for_a_right_skewed_sample()
    {
        // The mean of exponential data is right-skewed, so BCa moves both ends up relative to percentile
        // (scipy's recorded intervals show the same).
        var sample = Week04Reference.Get("bootstrap").Vector("sample").ToArray();
        var percentile = Bootstrap.Interval(sample, Mean, resamples: 5000, method: BootstrapMethod.Percentile);
        var bca = Bootstrap.Interval(sample, Mean, resamples: 5000, method: BootstrapMethod.BCa);
        Assert.True(bca.Lower > percentile.Lower && bca.Upper > percentile.Upper);
    }

    [Theory]
    [InlineData(BootstrapMethod.Percentile)]
    [InlineData(BootstrapMethod.BCa)]
    public void A_95_percent_interval_for_a_normal_mean_covers_the_truth_about_95_percent_of_the_time(BootstrapMethod method)
    {
        // 1000 seeded samples of 100 N(3, 2²) draws, 1000 resamples each. If coverage were exactly 0.95
        // the count would be Binomial(1000, 0.95): standard deviation √(1000·0.95·0.05) ≈ 6.9, so we
        // accept 950 ± 21 (3 SD). The bootstrap's own small-sample undercoverage for n = 100 (using z and
        // the plug-in variance) is about 0.4 points, well inside that band.
        const int repeats = 1000, n = 100;
        var rng = Seeded.Random(2024);
        int covered = 0;
        for (int rep = 0; rep < repeats; rep++)
        {
            var sample = new double[n];
            for (int i = 0; i < n; i++) sample[i] = 3.0 + 2.0 * rng.NextGaussian();
            var ci = Bootstrap.Interval(sample, Mean, 0.95, 1000, method, seed: rep);
            if (ci.Lower <= 3.0 && 3.0 <= ci.Upper) covered++;
        }
        Assert.InRange(covered, 929, 971);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval()
    {
        double[] sample = [1, 4, 2, 8, 5, 7, 3];
        Assert.Equal(Bootstrap.Interval(sample, Mean, seed: 3), Bootstrap.Interval(sample, Mean, seed: 3));
        Assert.NotEqual(Bootstrap.Interval(sample, Mean, seed: 3), Bootstrap.Interval(sample, Mean, seed: 4));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => Bootstrap.Interval([1.0], Mean)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval([1.0, 2.0], Mean, confidence: 1.0)).ParamName);
        Assert.Equal("resamples", Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval([1.0, 2.0], Mean, resamples: 10)).ParamName);
    }
}
