using MlCourse.Core.Validation;

namespace MlCourse.Core.Schedules;

/// <summary>
/// η_t = η_min + (η₀ − η_min)·(1 + cos(π t / T))/2 for t ≤ T, then η_min (Week 3, "Learning rate schedules").
/// </summary>
/// <remarks>
/// Half a cosine period from η₀ down to η_min over T epochs (or steps): flat at the start (near-full rate for
/// a while), steepest in the middle, flat again at the end (a long gentle anneal), with no step size or decay
/// factor to tune beyond T. Within 0 ≤ t ≤ T this is PyTorch's CosineAnnealingLR (whose recursive form equals this
/// closed form up to rounding); past T PyTorch climbs back up the cosine, while this class stays at η_min, the
/// usual intent when T is the length of training.
/// </remarks>
public sealed class CosineAnnealing : ILearningRateSchedule
{
    /// <param name="initial">η₀ (> 0).</param>
    /// <param name="period">T: epochs (or steps) from η₀ to η_min (> 0).</param>
    /// <param name="minimum">η_min, between 0 and η₀.</param>
    public CosineAnnealing(double initial, int period, double minimum = 0.0)
    {
        Guard.Positive(initial, nameof(initial));
        Guard.Positive(period, nameof(period));
        Guard.InRange(minimum, 0.0, initial, nameof(minimum));
        Initial = initial;
        Period = period;
        Minimum = minimum;
    }

    public double Initial { get; }
    public int Period { get; }
    public double Minimum { get; }

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        if (epoch >= Period) return Minimum;
        // <snippet name="cosine-annealing">
        return Minimum + (Initial - Minimum) * (1 + Math.Cos(Math.PI * epoch / Period)) / 2;
        // </snippet>
    }

    public override string ToString() => $"cosine annealing {Initial} → {Minimum} over {Period}";
}
