using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>
/// Validation, the step counter and the learning-rate schedule shared by every optimiser
/// (Week 3, "Gradient descent variants"). A subclass writes only its update rule in <see cref="Update"/>.
/// </summary>
public abstract class OptimizerBase : IOptimizer
{
    private int _dimension = -1;

    protected OptimizerBase(double lr, ILearningRateSchedule? schedule)
    {
        Guard.Positive(lr, nameof(lr));
        Schedule = schedule;
        Lr = schedule?.Rate(0) ?? lr;
    }

    public abstract string Name { get; }
    public double Lr { get; }
    public ILearningRateSchedule? Schedule { get; }
    public int StepCount { get; private set; }

    public void Step(Vector<double> parameters, Vector<double> gradient) =>
        Step(parameters, gradient, Schedule?.Rate(StepCount) ?? Lr);

    public void Step(Vector<double> parameters, Vector<double> gradient, double lr)
    {
        Guard.Vector(parameters, nameof(parameters));
        Guard.Vector(gradient, nameof(gradient));
        Guard.SameLength(parameters, gradient, nameof(parameters), nameof(gradient));
        Guard.Finite(gradient, nameof(gradient));
        Guard.Positive(lr, nameof(lr));
        if (_dimension < 0)
        {
            _dimension = parameters.Count;
            Allocate(_dimension);
        }
        else if (parameters.Count != _dimension)
            throw new ArgumentException(
                $"{Name} was used with {_dimension} parameters and now gets {parameters.Count}; its state belongs to the first length. Call Reset() before using it on another model.",
                nameof(parameters));
        StepCount++;
        Update(parameters, gradient, lr, StepCount);
    }

    public void Reset()
    {
        _dimension = -1;
        StepCount = 0;
    }

    /// <summary>Creates zeroed state vectors of length <paramref name="dimension"/> (called on the first step after construction or Reset).</summary>
    protected abstract void Allocate(int dimension);

    /// <summary>The update rule; <paramref name="t"/> is the 1-based index of this step (what bias corrections need).</summary>
    protected abstract void Update(Vector<double> theta, Vector<double> g, double lr, int t);

    public override string ToString() => Name;
}
