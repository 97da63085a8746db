using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization.TestFunctions;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>What one optimiser did on one surface: every iterate, the loss at each, and when it first got close enough.</summary>
/// <param name="Optimizer">The optimiser's name.</param>
/// <param name="Path">θ₀, θ₁, ...: the start and every iterate (Steps + 1 points, fewer if it diverged).</param>
/// <param name="Losses">f at each point of Path.</param>
/// <param name="StepsToTolerance">First step t with f(θ_t) − target ≤ tolerance; null if never reached (or no target).</param>
/// <param name="Diverged">Whether f or θ stopped being finite (the run stops there).</param>
public sealed record TrajectoryResult(string Optimizer, IReadOnlyList<Vector<double>> Path, IReadOnlyList<double> Losses, int? StepsToTolerance, bool Diverged)
{
    public double FinalLoss => Losses[^1];
}

/// <summary>Runs an optimiser on a test function and records its path (Week 3, "Trajectories").</summary>
public static class Trajectory
{
    /// <param name="optimizer">Reset before the run, so one instance can be reused.</param>
    /// <param name="function">The surface.</param>
    /// <param name="start">θ₀ (not modified).</param>
    /// <param name="steps">Updates to make (> 0).</param>
    /// <param name="tolerance">Reached when f(θ) − target ≤ tolerance (> 0).</param>
    /// <param name="target">The value to reach; defaults to the function's minimum (no tolerance check when it has none).</param>
    public static TrajectoryResult Run(IOptimizer optimizer, ITestFunction function, Vector<double> start, int steps, double tolerance = 1e-6, double? target = null)
    {
        Guard.NotNull(optimizer, nameof(optimizer));
        Guard.NotNull(function, nameof(function));
        Guard.Vector(start, nameof(start));
        Guard.Finite(start, nameof(start));
        Guard.Length(start.Count, function.Dimension, nameof(start), $"{function.Name} takes {function.Dimension} parameters");
        Guard.Positive(steps, nameof(steps));
        Guard.Positive(tolerance, nameof(tolerance));
        target ??= function.MinimumValue;

        optimizer.Reset();
        var theta = start.Clone();
        var path = new List<Vector<double>> { theta.Clone() };
        double f = function.Value(theta);
        var losses = new List<double> { f };
        int? reached = target is double t0 && f - t0 <= tolerance ? 0 : null;
        for (int step = 1; step <= steps; step++)
        {
            var g = function.Gradient(theta);
            if (!g.All(double.IsFinite)) return new TrajectoryResult(optimizer.Name, path, losses, reached, true);
            optimizer.Step(theta, g);
            f = function.Value(theta);
            if (!double.IsFinite(f) || !theta.All(double.IsFinite)) return new TrajectoryResult(optimizer.Name, path, losses, reached, true);
            path.Add(theta.Clone());
            losses.Add(f);
            if (reached is null && target is double t && f - t <= tolerance) reached = step;
        }
        return new TrajectoryResult(optimizer.Name, path, losses, reached, false);
    }
}
