using MlCourse.Core.Validation;

namespace MlCourse.Core.Schedules;

/// <summary>
/// Linear warm-up composed with another schedule (Week 3, "Warm-up"): for t &lt; W the rate climbs linearly from
/// startFactor·η₀ towards η₀ = after.Rate(0); from t = W on it is after.Rate(t − W).
/// </summary>
/// <remarks>
/// Why warm up: at the start the weights are random and adaptive optimisers' second-moment estimates rest on a
/// handful of gradients, so a full-size step can throw the model somewhere it never recovers from (large-batch
/// training and Transformers are the classic cases). A few hundred small steps let the statistics settle.
/// The warm-up phase is PyTorch's LinearLR(start_factor, end_factor = 1, total_iters = W); the composition is
/// what SequentialLR(…, milestones = [W]) does: the second schedule starts from its own step 0 at t = W.
/// </remarks>
public sealed class LinearWarmup : ILearningRateSchedule
{
    /// <param name="warmup">W: warm-up epochs or steps (> 0).</param>
    /// <param name="after">The schedule that follows; its Rate(0) is the target rate.</param>
    /// <param name="startFactor">Fraction of the target rate at t = 0, in (0, 1].</param>
    public LinearWarmup(int warmup, ILearningRateSchedule after, double startFactor = 0.1)
    {
        Guard.Positive(warmup, nameof(warmup));
        Guard.NotNull(after, nameof(after));
        Guard.Positive(startFactor, nameof(startFactor));
        Guard.InRange(startFactor, 0.0, 1.0, nameof(startFactor));
        Warmup = warmup;
        After = after;
        StartFactor = startFactor;
    }

    public int Warmup { get; }
    public ILearningRateSchedule After { get; }
    public double StartFactor { get; }

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        // <snippet name="linear-warmup">
        if (epoch >= Warmup) return After.Rate(epoch - Warmup);
        double factor = StartFactor + (1 - StartFactor) * epoch / Warmup;   // StartFactor at 0, → 1 at W
        return After.Rate(0) * factor;
        // </snippet>
    }

    public override string ToString() => $"linear warm-up over {Warmup} from {StartFactor}×, then {After}";
}
