using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Classical.Optimization.TestFunctions;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Optimization;

public class TestFunctionTests
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    public static TheoryData<string> Functions => new() { "bowl", "rosenbrock", "saddle", "monkey", "random-quadratic" };

    private static ITestFunction Make(string name) => name switch
    {
        "bowl" => Quadratic.Bowl(25),
        "rosenbrock" => new Rosenbrock(),
        "saddle" => new Saddle(),
        "monkey" => new MonkeySaddle(),
        _ => RandomQuadratic(),
    };

    private static Quadratic RandomQuadratic()
    {
        var rng = Seeded.Random(9);
        var m = Matrix<double>.Build.Dense(2, 2, (_, _) => rng.NextGaussian());
        return new Quadratic(m.TransposeThisAndMultiply(m) + Matrix<double>.Build.DenseIdentity(2), V(0.3, -0.7), 1.5);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Gradient_agrees_with_central_differences(string name)
    {
        // Expected: FiniteDifference.Gradient (central differences, O(h²) error) at 20 seeded points.
        var f = Make(name);
        var rng = Seeded.Random(31);
        for (int k = 0; k < 20; k++)
        {
            var at = V(3 * rng.NextDouble() - 1.5, 3 * rng.NextDouble() - 1.5);
            Assert.True(FiniteDifference.RelativeError(f.Gradient(at), FiniteDifference.Gradient(f.Value, at)) < 1e-8, $"{f.Name} at {at}");
        }
    }

    [Fact]
    public void Rosenbrock_has_its_minimum_zero_at_a_a_squared()
    {
        var f = new Rosenbrock(a: 2.0, b: 10.0);
        Assert.Equal(0.0, f.Value(V(2.0, 4.0)));
        Assert.Equal(0.0, f.Gradient(V(2.0, 4.0)).L2Norm());
        // By hand at (0, 0): (2 − 0)² + 10·0 = 4.
        Assert.Equal(4.0, f.Value(V(0.0, 0.0)));
    }

    [Fact]
    public void The_saddles_are_flat_at_the_origin_but_go_down_somewhere()
    {
        Assert.Equal(0.0, new Saddle().Gradient(V(0, 0)).L2Norm());
        Assert.True(new Saddle().Value(V(0, 0.1)) < 0);
        Assert.Equal(0.0, new MonkeySaddle().Gradient(V(0, 0)).L2Norm());
        Assert.True(new MonkeySaddle().Value(V(-0.1, 0)) < 0);
        Assert.Null(new Saddle().MinimumValue);
    }

    [Fact]
    public void Bowl_knows_its_condition_number_and_minimizer()
    {
        var bowl = Quadratic.Bowl(50);
        Assert.Equal(50, bowl.ConditionNumber, 10);
        Assert.Equal(0.0, bowl.Minimizer!.L2Norm(), 15);
        Assert.Equal(0.0, bowl.MinimumValue!.Value, 15);
        Assert.Null(new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, -1.0])).Minimizer);
    }

    [Fact]
    public void Least_squares_quadratic_is_half_the_mean_squared_error_and_its_minimizer_solves_the_normal_equations()
    {
        var (x, y) = Data.Synthetic(n: 50, p: 3);
        var q = Quadratic.LeastSquares(x, y);
        var w = V(0.5, -1, 2);
        // Expected: ½·mean((Xw − y)²) computed directly.
        Assert.Equal(0.5 * (x * w - y).PointwisePower(2).Average(), q.Value(w), 12);
        // Expected: the QR least-squares solution (MathNet), independent of the Cholesky solve inside Quadratic.
        var wStar = x.QR().Solve(y);
        Assert.True((q.Minimizer! - wStar).InfinityNorm() < 1e-10);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => new Rosenbrock().Value(V(1, 2, 3))).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => Quadratic.Bowl(10).Gradient(V(1))).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => new Quadratic(Matrix<double>.Build.Dense(2, 3))).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => new Quadratic(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 1 } }))).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => new Quadratic(Matrix<double>.Build.DenseIdentity(2), V(1, 2, 3))).ParamName);
        Assert.Equal("conditionNumber", Assert.Throws<ArgumentOutOfRangeException>(() => Quadratic.Bowl(0)).ParamName);
    }
}
