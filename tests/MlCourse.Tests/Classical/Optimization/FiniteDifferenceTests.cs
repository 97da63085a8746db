using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;

namespace MlCourse.Tests.Classical.Optimization;

public class FiniteDifferenceTests
{
    // f(x) = sin(x0)·exp(x1) + x2³, with gradient (cos(x0)·exp(x1), sin(x0)·exp(x1), 3·x2²) by calculus.
    private static double F(Vector<double> x) => Math.Sin(x[0]) * Math.Exp(x[1]) + Math.Pow(x[2], 3);

    private static Vector<double> ExactGradient(Vector<double> x) => Vector<double>.Build.DenseOfArray(
        [Math.Cos(x[0]) * Math.Exp(x[1]), Math.Sin(x[0]) * Math.Exp(x[1]), 3 * x[2] * x[2]]);

    private static readonly Vector<double> At = Vector<double>.Build.DenseOfArray([0.7, -0.3, 1.2]);

    [Fact]
    public void Central_differences_match_a_known_gradient()
    {
        var numerical = FiniteDifference.Gradient(F, At);
        // Truncation (h²/6)·|f'''| ≈ 1e-10·2 plus rounding ε·|f|/h ≈ 4e-11 at the default h = 1e-5.
        double error = FiniteDifference.RelativeError(ExactGradient(At), numerical);
        Assert.True(error < 1e-9, $"relative error {error:G3}");
    }

    [Fact]
    public void The_error_falls_like_h_squared()
    {
        // Halving h should divide a central difference's error by 4 (a one-sided one only by 2). At
        // h = 1e-2 and 5e-3 the truncation term (~1e-5) dwarfs rounding (~1e-13).
        double ErrorAt(double h) => (FiniteDifference.Gradient(F, At, h) - ExactGradient(At)).L2Norm();
        double ratio = ErrorAt(1e-2) / ErrorAt(5e-3);
        Assert.InRange(ratio, 3.8, 4.2);
    }

    [Fact]
    public void The_scalar_derivative_and_the_evaluation_point_behave()
    {
        // d/dx exp(x) at 1 is e; error (h²/6)·e ≈ 4.5e-11 truncation plus ε·e/h ≈ 6e-11 rounding.
        Assert.InRange(FiniteDifference.Derivative(Math.Exp, 1.0) - Math.E, -2e-10, 2e-10);
        var at = At.Clone();
        FiniteDifference.Gradient(F, at);
        Assert.Equal(At.ToArray(), at.ToArray());   // not modified
    }

    [Fact]
    public void Relative_error_is_zero_for_equal_vectors_and_one_for_opposite_ones()
    {
        var v = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        Assert.Equal(0.0, FiniteDifference.RelativeError(v, v.Clone()));
        Assert.Equal(1.0, FiniteDifference.RelativeError(v, -v), 15);   // ||2v|| / (2||v||)
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_argument()
    {
        Assert.Equal("h", Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Gradient(F, At, 0)).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => FiniteDifference.Gradient(null!, At)).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentException>(() => FiniteDifference.Gradient(F, Vector<double>.Build.Dense(0))).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => FiniteDifference.RelativeError(At, At.SubVector(0, 2))).ParamName);
    }
}
