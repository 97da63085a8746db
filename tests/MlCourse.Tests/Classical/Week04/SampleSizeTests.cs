using MlCourse.Classical.ModelSelection;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class SampleSizeTests
{
    [Fact]
    public void Two_proportion_sample_sizes_match_the_closed_forms_computed_with_scipy()
    {
        // Expected: the pooled normal formula and 2((z_a + z_b)/h)² with Cohen's h, evaluated with
        // scipy.stats.norm.ppf by tests/reference/week04_evaluation.py (three designs). Relative 1e-9:
        // MathNet's and scipy's inverse normal CDFs agree far better than that.
        foreach (var c in Week04Reference.Get("sample_size").EnumerateArray())
        {
            double p1 = c.Number("p1"), p2 = c.Number("p2"), alpha = c.Number("alpha"), power = c.Number("power");
            double pooled = c.Number("n_pooled"), arcsine = c.Number("n_arcsine");
            Expect.Close(pooled, SampleSize.TwoProportions(p1, p2, alpha, power), 1e-9 * pooled);
            Expect.Close(arcsine, SampleSize.TwoProportionsArcsine(p1, p2, alpha, power), 1e-9 * arcsine);
        }
    }

    [Fact]
    public void Halving_the_effect_roughly_quadruples_the_sample_size()
    {
        double n1 = SampleSize.TwoProportionsArcsine(0.50, 0.54);
        double n2 = SampleSize.TwoProportionsArcsine(0.50, 0.52);
        Assert.InRange(n2 / n1, 3.9, 4.1);   // exactly 4 only in the limit of small effects (h is nearly linear near p = 0.5)
    }

    [Fact]
    public void Equal_proportions_and_bad_levels_are_rejected_by_name()
    {
        Assert.Equal("p2", Assert.Throws<ArgumentException>(() => SampleSize.TwoProportions(0.1, 0.1)).ParamName);
        Assert.Equal("power", Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.TwoProportions(0.1, 0.2, power: 1.0)).ParamName);
        Assert.Equal("p1", Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.TwoProportions(0.0, 0.2)).ParamName);
    }
}
