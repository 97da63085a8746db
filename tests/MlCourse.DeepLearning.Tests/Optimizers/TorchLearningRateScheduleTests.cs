using MlCourse.Core.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Optimizers;

/// <summary>
/// The course's schedules against TorchSharp's torch.optim.lr_scheduler (a port of PyTorch's lr_scheduler.py):
/// the rate of epoch t is what the optimiser's param group holds after t calls of scheduler.step().
/// </summary>
public sealed class TorchLearningRateScheduleTests
{
    [Fact]
    public void StepDecay_matches_StepLR() =>
        AssertSameRates(new StepDecay(0.1, 0.5, 7), 40, o => optim.lr_scheduler.StepLR(o, 7, 0.5), 0.1);

    [Fact]
    public void ExponentialDecay_matches_ExponentialLR() =>
        AssertSameRates(new ExponentialDecay(0.1, 0.93), 60, o => optim.lr_scheduler.ExponentialLR(o, 0.93), 0.1);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.002)]
    public void CosineAnnealing_matches_CosineAnnealingLR_up_to_its_period(double minimum) =>
        // Up to t = T only: past T PyTorch's cosine climbs back up, while ours stays at the minimum (documented).
        AssertSameRates(new CosineAnnealing(0.1, 50, minimum), 51, o => optim.lr_scheduler.CosineAnnealingLR(o, 50, minimum), 0.1);

    [Fact]
    public void LinearWarmup_matches_LinearLR_during_the_warm_up()
    {
        // LinearLR(start_factor, end_factor = 1, total_iters = W) is the warm-up phase; after W it stays at the base rate,
        // which is what our warm-up followed by a constant rate gives.
        AssertSameRates(new LinearWarmup(10, new ConstantLearningRate(0.1), startFactor: 0.2), 30,
            o => optim.lr_scheduler.LinearLR(o, start_factor: 0.2, end_factor: 1.0, total_iters: 10), 0.1);
    }

    [Theory]
    [InlineData(100, 0.3)]
    [InlineData(37, 0.25)]
    public void OneCycle_matches_OneCycleLR_at_every_step(int total, double pctStart) =>
        AssertSameRates(new OneCycle(0.1, total, pctStart), total,
            o => optim.lr_scheduler.OneCycleLR(o, max_lr: 0.1, total_steps: total, pct_start: pctStart, cycle_momentum: false), 0.1);

    [Fact]
    public void OneCycle_starts_peaks_and_ends_where_its_closed_form_says()
    {
        var schedule = new OneCycle(0.1, 100, 0.3, divFactor: 25, finalDivFactor: 1e4);
        Assert.Equal(0.1 / 25, schedule.Rate(0), 15);
        Assert.Equal(0.1, schedule.Rate(29), 15);                 // peak at pctStart·T − 1 = 29
        Assert.Equal(0.1 / 25 / 1e4, schedule.Rate(99), 15);      // final at T − 1
        Assert.Equal(schedule.Rate(99), schedule.Rate(500), 15);  // and it stays there
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycle(0.1, 10, 0.05));
    }

    private static void AssertSameRates(ILearningRateSchedule mine, int epochs, Func<optim.Optimizer, optim.lr_scheduler.LRScheduler> makeScheduler, double lr)
    {
        using var scope = NewDisposeScope();
        var p = new TorchSharp.Modules.Parameter(zeros(1, dtype: float64), requires_grad: true);
        var optimizer = optim.SGD([p], lr);
        var scheduler = makeScheduler(optimizer);
        for (int t = 0; t < epochs; t++)
        {
            double theirs = optimizer.ParamGroups.First().LearningRate;
            // Relative 1e-12: StepLR, ExponentialLR and CosineAnnealingLR update the rate recursively
            // (rate ← rate · factor), our classes use the closed form, so they agree to accumulated rounding.
            Assert.True(Math.Abs(mine.Rate(t) - theirs) <= 1e-12 * lr, $"epoch {t}: ours {mine.Rate(t):R}, torch {theirs:R}");
            optimizer.step();
            scheduler.step();
        }
    }
}
