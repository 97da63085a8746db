using MlCourse.Core.Validation;

namespace MlCourse.Core.Schedules;

/// <summary>
/// The learning rate as a function of the epoch (Week 1, "Learning rate schedules").
/// </summary>
/// <remarks>
/// Epoch-based: <c>Rate(epoch)</c> is the step size for every update of epoch <c>epoch</c> (0-based), so
/// a schedule means the same thing whatever the batch size. Week 3 adds more schedules (cosine, warm-up)
/// by implementing this interface; one whose rate changes within an epoch can be handed the fractional
/// epoch (update / updatesPerEpoch) by a trainer that supports it.
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>The step size for epoch <paramref name="epoch"/> (0-based, >= 0).</summary>
    double Rate(int epoch);
}

/// <summary>η_t = η₀ for every epoch.</summary>
public sealed class ConstantLearningRate(double lr) : ILearningRateSchedule
{
    public double Lr { get; } = Guard.Positive(lr, nameof(lr));

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        return Lr;
    }

    public override string ToString() => $"constant {Lr}";
}

/// <summary>
/// η_t = η₀ · factor^⌊t / everyEpochs⌋: the rate drops by <c>factor</c> every <c>everyEpochs</c> epochs
/// (PyTorch's StepLR). Large steps early make fast progress; smaller ones later stop SGD bouncing
/// around the minimum.
/// </summary>
public sealed class StepDecay(double initial, double factor, int everyEpochs) : ILearningRateSchedule
{
    public double Initial { get; } = Guard.Positive(initial, nameof(initial));
    public double Factor { get; } = Guard.InLeftOpenRange(factor, 0.0, 1.0, nameof(factor), "a factor above 1 would grow the rate");
    public int EveryEpochs { get; } = Guard.Positive(everyEpochs, nameof(everyEpochs));

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        return Initial * Math.Pow(Factor, epoch / EveryEpochs);    // integer division: the floor
    }

    public override string ToString() => $"step decay {Initial} x {Factor} every {EveryEpochs}";
}

/// <summary>η_t = η₀ · γ^t (PyTorch's ExponentialLR): a constant fraction lost every epoch.</summary>
public sealed class ExponentialDecay(double initial, double gamma) : ILearningRateSchedule
{
    public double Initial { get; } = Guard.Positive(initial, nameof(initial));
    public double Gamma { get; } = Guard.InLeftOpenRange(gamma, 0.0, 1.0, nameof(gamma), "a gamma above 1 would grow the rate");

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        return Initial * Math.Pow(Gamma, epoch);
    }

    public override string ToString() => $"exponential decay {Initial} x {Gamma}^t";
}

/// <summary>
/// η_t = η₀ / (1 + decay · t). Decays like 1/t: the sum of the rates diverges (so SGD can still
/// travel any distance) while the sum of their squares converges (so the gradient noise averages
/// out), the Robbins–Monro conditions under which SGD converges on convex problems.
/// </summary>
public sealed class InverseTimeDecay(double initial, double decay) : ILearningRateSchedule
{
    public double Initial { get; } = Guard.Positive(initial, nameof(initial));
    public double Decay { get; } = Guard.NonNegative(decay, nameof(decay));

    public double Rate(int epoch)
    {
        Guard.NonNegative(epoch, nameof(epoch));
        return Initial / (1.0 + Decay * epoch);
    }

    public override string ToString() => $"inverse time decay {Initial} / (1 + {Decay} t)";
}
