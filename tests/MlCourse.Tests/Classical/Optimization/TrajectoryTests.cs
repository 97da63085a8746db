using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Classical.Optimization.TestFunctions;

namespace MlCourse.Tests.Classical.Optimization;

public class TrajectoryTests
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void Gradient_descent_on_a_bowl_reaches_tolerance_exactly_when_the_closed_form_says()
    {
        // On ½(x² + κy²) each coordinate contracts by (1 − ηλ) per step, so
        // f_t = ½(x₀²(1 − η)^(2t) + κ y₀²(1 − ηκ)^(2t)); the first t with f_t ≤ tol is the expected count.
        double kappa = 20, lr = 0.09, tol = 1e-6;
        var result = Trajectory.Run(new Sgd(lr), Quadratic.Bowl(kappa), V(1.0, 1.0), 500, tol);
        int expected = Enumerable.Range(0, 501).First(t => 0.5 * (Math.Pow(1 - lr, 2 * t) + kappa * Math.Pow(1 - lr * kappa, 2 * t)) <= tol);
        Assert.Equal(expected, result.StepsToTolerance);
        Assert.Equal(501, result.Path.Count);
        for (int t = 0; t <= 500; t += 50)
            Assert.Equal(0.5 * (Math.Pow(1 - lr, 2 * t) + kappa * Math.Pow(1 - lr * kappa, 2 * t)), result.Losses[t], 12);
    }

    [Fact]
    public void A_rate_above_two_over_the_largest_curvature_diverges_and_below_converges()
    {
        // Curvature κ = 10 along y: |1 − ηκ| > 1 exactly when η > 2/κ = 0.2.
        var bowl = Quadratic.Bowl(10);
        var unstable = Trajectory.Run(new Sgd(0.21), bowl, V(1.0, 1.0), 5000);
        var stable = Trajectory.Run(new Sgd(0.19), bowl, V(1.0, 1.0), 5000);
        Assert.True(unstable.Diverged || unstable.FinalLoss > 1e6, $"η = 0.21 ended at loss {unstable.FinalLoss}");
        Assert.NotNull(stable.StepsToTolerance);
        Assert.False(stable.Diverged);
    }

    [Fact]
    public void Gradient_descent_started_on_the_saddles_stable_axis_stays_stuck_and_a_nudge_escapes()
    {
        // On x² − y² the y-gradient is −2y: zero on the x axis, so GD converges to the saddle point;
        // from y₀ = 1e-8 the y error grows by (1 + 2η) per step and leaves.
        var onAxis = Trajectory.Run(new Sgd(0.1), new Saddle(), V(1.0, 0.0), 200, target: -1);
        Assert.Equal(0.0, onAxis.Path[^1][1]);
        Assert.True(Math.Abs(onAxis.Path[^1][0]) < 1e-10);
        var nudged = Trajectory.Run(new Sgd(0.1), new Saddle(), V(1.0, 1e-8), 200, target: -1);
        Assert.NotNull(nudged.StepsToTolerance);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => Trajectory.Run(new Sgd(0.1), new Rosenbrock(), V(1.0), 10)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => Trajectory.Run(new Sgd(0.1), new Rosenbrock(), V(1.0, 1.0), 0)).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() => Trajectory.Run(null!, new Rosenbrock(), V(1.0, 1.0), 10)).ParamName);
    }
}
