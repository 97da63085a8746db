using MlCourse.SystemDesign.Estimates;

namespace MlCourse.Tests.SystemDesign;

public class LatencyTests
{
    [Fact]
    public void Sequential_stages_add_and_parallel_branches_cost_the_slowest()
    {
        var budget = new LatencyBudget(200).Then("network", 30).InParallel("fetch", ("user features", 15), ("candidates", 25)).Then("ranking", 60);
        // 30 + max(15, 25) + 60 = 115; 200 − 115 = 85.
        Assert.Equal(115, budget.TotalMilliseconds);
        Assert.Equal(85, budget.SlackMilliseconds);
        Assert.True(budget.Fits);
        Assert.Equal(3, budget.Stages.Count);
        Assert.Contains("candidates", budget.Stages[1].Name);
    }

    [Fact]
    public void A_budget_is_immutable_so_variants_do_not_change_the_original()
    {
        var base_ = new LatencyBudget(50).Then("a", 40);
        var over = base_.Then("b", 20);
        Assert.Single(base_.Stages);
        Assert.Equal(-10, over.SlackMilliseconds);
        Assert.False(over.Fits);
    }

    [Fact]
    public void Budget_errors_name_the_argument()
    {
        Assert.Equal("serviceLevelMilliseconds", Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyBudget(0)).ParamName);
        Assert.Equal("milliseconds", Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyBudget(10).Then("x", -1)).ParamName);
        Assert.Equal("branches", Assert.Throws<ArgumentException>(() => new LatencyBudget(10).InParallel("x")).ParamName);
        Assert.Equal("branches[slow]", Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyBudget(10).InParallel("x", ("slow", double.NaN))).ParamName);
    }

    [Fact]
    public void Cache_latency_is_the_hit_weighted_mean()
    {
        // 0.9 × 2 + 0.1 × 100 = 11.8.
        Assert.Equal(11.8, Latency.WithCache(0.9, 2, 100), 12);
        Assert.Equal(100, Latency.WithCache(0, 2, 100));
        Assert.Equal("hitRate", Assert.Throws<ArgumentOutOfRangeException>(() => Latency.WithCache(1.5, 2, 100)).ParamName);
    }

    [Fact]
    public void Amdahls_law_matches_its_closed_form_and_its_limit()
    {
        // Half the time made twice as fast: 1 / (0.5 + 0.25) = 4/3.
        Assert.Equal(4.0 / 3, Latency.AmdahlSpeedup(0.5, 2), 12);
        Assert.Equal(1, Latency.AmdahlSpeedup(0.7, 1), 12);
        // The limit 1 / (1 − p): 4 for p = 0.75; approached by a huge part speed-up.
        Assert.Equal(4, Latency.MaxSpeedup(0.75), 12);
        Assert.Equal(4, Latency.AmdahlSpeedup(0.75, 1e12), 6);
        Assert.Equal(double.PositiveInfinity, Latency.MaxSpeedup(1));
        Assert.Equal("partSpeedup", Assert.Throws<ArgumentOutOfRangeException>(() => Latency.AmdahlSpeedup(0.5, 0)).ParamName);
    }
}
