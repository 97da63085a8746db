using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week02;

public class NewtonOptimizerTests
{
    [Fact]
    public void On_a_quadratic_one_Newton_step_lands_on_the_minimiser()
    {
        // f(θ) = ½θᵀAθ − bᵀθ has minimiser A⁻¹b, and its second-order Taylor model is f itself, so the first
        // step is exact (closed form).
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 1.0 }, { 1.0, 3.0 } });
        var b = Vector<double>.Build.DenseOfArray([1.0, 2.0]);
        var result = NewtonOptimizer.Minimize(t => 0.5 * t.DotProduct(a * t) - b.DotProduct(t), t => a * t - b, _ => a,
            Vector<double>.Build.Dense(2, 5.0));
        Assert.True(result.Converged);
        Assert.Equal(1, result.Iterations);
        Expect.Close(a.Solve(b), result.Minimizer, 1e-14);
        Assert.Equal(2, result.LossHistory.Count);
    }

    [Fact]
    public void On_a_strictly_convex_non_quadratic_function_it_converges_quadratically()
    {
        // f(θ) = Σ_j [exp(θ_j) − 2θ_j] + ½||θ||²: minimiser solves e^θ + θ = 2 per coordinate, θ* = 0.4428544010...
        // (root of e^t + t − 2, found by bisection below). Quadratic convergence: once close, the error squares.
        Func<Vector<double>, double> f = t => t.Sum(v => Math.Exp(v) - 2 * v + 0.5 * v * v);
        Func<Vector<double>, Vector<double>> g = t => t.Map(v => Math.Exp(v) - 2 + v);
        Func<Vector<double>, Matrix<double>> h = t => Matrix<double>.Build.DiagonalOfDiagonalVector(t.Map(v => Math.Exp(v) + 1));
        var result = NewtonOptimizer.Minimize(f, g, h, Vector<double>.Build.Dense(3, 3.0), tolerance: 1e-14);
        double lo = 0, hi = 1;
        for (int k = 0; k < 200; k++) { double mid = (lo + hi) / 2; if (Math.Exp(mid) + mid - 2 > 0) hi = mid; else lo = mid; }
        Expect.Close(Vector<double>.Build.Dense(3, lo), result.Minimizer, 1e-14);
        Assert.True(result.Iterations <= 7, $"{result.Iterations} iterations");
        var norms = result.GradientNormHistory;
        // In the last steps before convergence the gradient norm is roughly squared (ratio of logs ≈ 2).
        int i = norms.Count - 2;
        Assert.True(norms[i] < norms[i - 1] * norms[i - 1] * 10, $"not quadratic: {norms[i - 1]:G3} → {norms[i]:G3}");
        for (int k = 1; k < result.LossHistory.Count; k++) Assert.True(result.LossHistory[k] <= result.LossHistory[k - 1] + 1e-15);   // the last steps move f below its rounding
    }

    [Fact]
    public void A_Hessian_that_is_not_positive_definite_fails_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewtonOptimizer.Minimize(t => -t.DotProduct(t), t => -2 * t,
            _ => -2 * Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(2, 1.0)));
        Assert.Contains("positive definite", error.Message);
    }

    [Fact]
    public void Bad_arguments_fail_naming_them()
    {
        var start = Vector<double>.Build.Dense(2);
        Assert.Equal("loss", Assert.Throws<ArgumentNullException>(() => NewtonOptimizer.Minimize(null!, t => t, _ => null!, start)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => NewtonOptimizer.Minimize(t => 0, t => t, _ => null!, start, 0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => NewtonOptimizer.Minimize(t => 0, t => t, _ => null!, start, 5, -1)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => NewtonOptimizer.Minimize(t => 0, t => t, _ => null!, Vector<double>.Build.Dense(1, double.NaN))).ParamName);
    }
}
