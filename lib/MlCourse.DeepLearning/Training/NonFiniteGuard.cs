using MlCourse.Core.Training;
using MlCourse.Core.Validation;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>Thrown by <see cref="NonFiniteGuard"/> at the first step whose loss or gradient norm is NaN or infinite.</summary>
public sealed class NonFiniteTrainingException(int step, string quantity, double value)
    : Exception($"Training stopped at step {step}: the {quantity} is {value} (not finite). Look at this step's batch, the learning rate and any log, division or exp in the loss.")
{
    public int Step { get; } = step;
    public string Quantity { get; } = quantity;
    public double Value { get; } = value;
}

/// <summary>
/// A progress callback for <see cref="Trainer.Fit"/> that watches every optimiser step (Week 11, "How to debug NaN
/// losses"): it records the global L2 norm of the gradients the step used and stops the run, naming the step, as soon
/// as the loss or that norm is not finite. Without it a NaN run keeps "training" to the end, every weight NaN, and the
/// only symptom is a NaN in the final report.
/// </summary>
/// <remarks>
/// The trainer calls its progress callback after the optimiser step and before the next step's <c>zero_grad</c>, so the
/// gradients are still on the parameters (after clipping, if the options clip). The norm is the total norm that
/// <c>clip_grad_norm_</c> computes: √(Σ over all parameters of Σ g²). A growing norm is the early warning of a divergence
/// that has not reached NaN yet.
/// </remarks>
public sealed class NonFiniteGuard(nn.Module model)
{
    private readonly nn.Module _model = Guard.NotNull(model, nameof(model));
    private readonly List<double> _norms = [];

    /// <summary>The gradient norm of every step seen so far, in order.</summary>
    public IReadOnlyList<double> GradientNorms => _norms;

    /// <summary>Pass as the trainer's progress callback (or call from one).</summary>
    public void Check(TrainingProgress progress)
    {
        Guard.NotNull(progress, nameof(progress));
        if (progress.Evaluated) return;   // the end-of-epoch report repeats the last step
        double norm = GradientNorm(_model);
        _norms.Add(norm);
        if (!double.IsFinite(progress.Loss)) throw new NonFiniteTrainingException(progress.Step, "training loss", progress.Loss);
        if (!double.IsFinite(norm)) throw new NonFiniteTrainingException(progress.Step, "gradient norm", norm);
    }

    /// <summary>√(Σ g²) over every parameter's gradient (parameters without a gradient count as zero).</summary>
    public static double GradientNorm(nn.Module model)
    {
        Guard.NotNull(model, nameof(model));
        using var scope = NewDisposeScope();
        double sum = 0;
        // <snippet name="gradient-norm">
        foreach (var p in model.parameters())
            if (p.grad is { } g) sum += g.to_type(ScalarType.Float64).square().sum().item<double>();
        return Math.Sqrt(sum);
        // </snippet>
    }
}
