using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>
/// One first-order update rule θ ← θ − (something built from the gradient), the interface every
/// optimiser of the course implements (Week 3, "Gradient descent variants").
/// </summary>
/// <remarks>
/// <para>The optimiser owns only its own state (velocity, squared-gradient averages, the step count); the
/// caller owns the parameters and computes the gradient. That split is PyTorch's (<c>loss.backward()</c>
/// then <c>optimizer.step()</c>) and lets one optimiser drive any model whose parameters fit in one vector.</para>
/// <para>The state is sized on the first <see cref="Step(Vector{double}, Vector{double})"/> and tied to
/// that length; <see cref="Reset"/> forgets it (a new run, or a restart after a learning-rate search).</para>
/// </remarks>
public interface IOptimizer
{
    /// <summary>A short description with the hyper-parameters, e.g. "Adam(lr=0.001, β1=0.9, β2=0.999)".</summary>
    string Name { get; }

    /// <summary>The base learning rate (the schedule's rate at step 0 when a schedule was given).</summary>
    double Lr { get; }

    /// <summary>Learning rate per update: <c>Rate(t)</c> for the update with 0-based index t; null means a constant <see cref="Lr"/>.</summary>
    ILearningRateSchedule? Schedule { get; }

    /// <summary>Updates made since construction or the last <see cref="Reset"/>.</summary>
    int StepCount { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradient"/> (∂loss/∂θ at the current θ), at the schedule's rate for this step.</summary>
    void Step(Vector<double> parameters, Vector<double> gradient);

    /// <summary>As <see cref="Step(Vector{double}, Vector{double})"/> but with an explicit learning rate (a trainer or an LR range test that sets the rate itself).</summary>
    void Step(Vector<double> parameters, Vector<double> gradient, double lr);

    /// <summary>Forgets all state (step count, moving averages) so the next step is a first step again.</summary>
    void Reset();
}
