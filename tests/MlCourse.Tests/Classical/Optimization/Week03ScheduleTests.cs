using MlCourse.Core.Schedules;

namespace MlCourse.Tests.Classical.Optimization;

/// <summary>Cosine annealing and warm-up against their formulas (TorchSharp agreement: tests/MlCourse.DeepLearning.Tests/Optimizers).</summary>
public class Week03ScheduleTests
{
    [Fact]
    public void Cosine_annealing_starts_at_the_initial_rate_halves_midway_and_ends_at_the_minimum()
    {
        // cos 0 = 1 → η₀; cos(π/2) = 0 → (η₀ + η_min)/2; cos π = −1 → η_min; cos(π/4) = √2/2.
        var s = new CosineAnnealing(0.1, 100, 0.01);
        Assert.Equal(0.1, s.Rate(0), 15);
        Assert.Equal(0.055, s.Rate(50), 15);
        Assert.Equal(0.01 + 0.09 * (1 + Math.Sqrt(0.5)) / 2, s.Rate(25), 15);
        Assert.Equal(0.01, s.Rate(100), 15);
        Assert.Equal(0.01, s.Rate(250), 15);
        for (int t = 1; t <= 100; t++) Assert.True(s.Rate(t) <= s.Rate(t - 1));
    }

    [Fact]
    public void Linear_warmup_climbs_to_the_next_schedules_start_then_hands_over()
    {
        // W = 4, start factor 0.2, then cosine from 0.1 over 10: factors 0.2, 0.4, 0.6, 0.8, then cosine's Rate(t − 4).
        var cosine = new CosineAnnealing(0.1, 10);
        var s = new LinearWarmup(4, cosine, startFactor: 0.2);
        Assert.Equal([0.02, 0.04, 0.06, 0.08], Enumerable.Range(0, 4).Select(s.Rate).Select(r => Math.Round(r, 15)).ToArray());
        for (int t = 4; t < 20; t++) Assert.Equal(cosine.Rate(t - 4), s.Rate(t));
    }

    [Fact]
    public void Bad_schedule_arguments_are_refused_with_the_argument_named()
    {
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealing(0.1, 0)).ParamName);
        Assert.Equal("minimum", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealing(0.1, 10, 0.2)).ParamName);
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealing(0.1, 10).Rate(-1)).ParamName);
        Assert.Equal("warmup", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWarmup(0, new ConstantLearningRate(0.1))).ParamName);
        Assert.Equal("after", Assert.ThrowsAny<ArgumentException>(() => new LinearWarmup(3, null!)).ParamName);
        Assert.Equal("startFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWarmup(3, new ConstantLearningRate(0.1), 1.5)).ParamName);
    }
}
