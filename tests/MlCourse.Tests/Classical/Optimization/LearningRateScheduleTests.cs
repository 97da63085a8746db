using MlCourse.Core.Schedules;

namespace MlCourse.Tests.Classical.Optimization;

public class LearningRateScheduleTests
{
    [Fact]
    public void Each_schedule_follows_its_formula()
    {
        // Expected values from each formula by hand.
        Assert.Equal(0.3, new ConstantLearningRate(0.3).Rate(57));
        // 0.1·0.5^⌊t/10⌋: t = 9 -> 0.1, t = 10 -> 0.05, t = 25 -> 0.025.
        var step = new StepDecay(0.1, 0.5, 10);
        Assert.Equal(0.1, step.Rate(9));
        Assert.Equal(0.05, step.Rate(10));
        Assert.Equal(0.025, step.Rate(25));
        // 0.2·0.9^t: t = 0 -> 0.2, t = 2 -> 0.162.
        var exp = new ExponentialDecay(0.2, 0.9);
        Assert.Equal(0.2, exp.Rate(0));
        Assert.Equal(0.162, exp.Rate(2), 15);
        // 1/(1 + 0.5·t): t = 4 -> 1/3.
        Assert.Equal(1.0 / 3, new InverseTimeDecay(1.0, 0.5).Rate(4), 15);
    }

    [Fact]
    public void Decaying_schedules_never_increase()
    {
        ILearningRateSchedule[] schedules = [new StepDecay(0.1, 0.5, 3), new ExponentialDecay(0.1, 0.95), new InverseTimeDecay(0.1, 0.2)];
        foreach (var s in schedules)
            for (int t = 1; t < 100; t++) Assert.True(s.Rate(t) <= s.Rate(t - 1), $"{s} at {t}");
    }

    [Fact]
    public void Bad_schedule_parameters_are_rejected_naming_the_argument()
    {
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantLearningRate(0)).ParamName);
        Assert.Equal("initial", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(-1, 0.5, 1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(1, 1.5, 1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(1, 0, 1)).ParamName);
        Assert.Equal("everyEpochs", Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(1, 0.5, 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1, 1.1)).ParamName);
        Assert.Equal("decay", Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeDecay(1, -0.1)).ParamName);
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantLearningRate(0.1).Rate(-1)).ParamName);
    }
}
