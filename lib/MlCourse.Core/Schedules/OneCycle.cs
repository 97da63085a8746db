using MlCourse.Core.Validation;

namespace MlCourse.Core.Schedules;

/// <summary>
/// The one-cycle policy (Smith and Topin, 2018; Week 11, "A scheduler library"): a cosine climb from η_max/div to
/// η_max over the first <c>pctStart</c> of the run, then a cosine fall to η_max/(div·finalDiv) at the last step.
/// </summary>
/// <remarks>
/// This is PyTorch's OneCycleLR with anneal_strategy = "cos" and three_phase = False, step for step: the climb ends
/// at step pctStart·T − 1 and the fall at step T − 1, each phase a half cosine between its end points. The warm-up
/// half does what <see cref="LinearWarmup"/> does (small steps while the statistics settle); the long fall anneals.
/// Past T − 1 PyTorch refuses to step; this class stays at the final rate.
/// </remarks>
public sealed class OneCycle : ILearningRateSchedule
{
    /// <param name="maximum">η_max (> 0), reached at step pctStart·T − 1.</param>
    /// <param name="totalSteps">T: steps in the whole run (≥ 2).</param>
    /// <param name="pctStart">Fraction of the run spent climbing, in (0, 1).</param>
    /// <param name="divFactor">η_start = η_max / divFactor (≥ 1).</param>
    /// <param name="finalDivFactor">η_final = η_start / finalDivFactor (≥ 1).</param>
    public OneCycle(double maximum, int totalSteps, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4)
    {
        Guard.Positive(maximum, nameof(maximum));
        Guard.AtLeast(totalSteps, 2, nameof(totalSteps), "the climb and the fall need a step each");
        Guard.InHalfOpenRange(pctStart, 0.0, 1.0, nameof(pctStart));
        if (pctStart * totalSteps - 1 <= 0 || pctStart * totalSteps - 1 >= totalSteps - 1)
            throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, $"pctStart·totalSteps − 1 must lie strictly between 0 and totalSteps − 1 = {totalSteps - 1}.");
        Guard.NotBelow(divFactor, 1.0, nameof(divFactor), "no division");
        Guard.NotBelow(finalDivFactor, 1.0, nameof(finalDivFactor), "no division");
        Maximum = maximum;
        TotalSteps = totalSteps;
        PctStart = pctStart;
        Start = maximum / divFactor;
        Final = Start / finalDivFactor;
    }

    public double Maximum { get; }
    public int TotalSteps { get; }
    public double PctStart { get; }
    public double Start { get; }
    public double Final { get; }

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        // <snippet name="one-cycle">
        double peakStep = PctStart * TotalSteps - 1, lastStep = TotalSteps - 1;
        double t = Math.Min(epoch, lastStep);
        return t <= peakStep
            ? CosineBetween(Start, Maximum, t / peakStep)                           // climb
            : CosineBetween(Maximum, Final, (t - peakStep) / (lastStep - peakStep)); // fall
        // </snippet>
    }

    // A half cosine from `from` (fraction 0) to `to` (fraction 1).
    private static double CosineBetween(double from, double to, double fraction) =>
        to + (from - to) / 2 * (1 + Math.Cos(Math.PI * fraction));

    public override string ToString() => $"one-cycle {Start:G3} → {Maximum} → {Final:G3} over {TotalSteps}";
}
