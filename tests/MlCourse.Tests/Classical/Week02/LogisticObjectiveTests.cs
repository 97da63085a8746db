using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Optimization;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week02;

public class LogisticObjectiveTests
{
    private static Vector<double> RandomTheta(int count, int seed)
    {
        var rng = MlCourse.Core.Randomness.Seeded.Random(seed);
        return Vector<double>.Build.Dense(count, _ => rng.NextDouble() - 0.5);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.3, true)]
    [InlineData(0.3, false)]
    public void The_gradient_matches_finite_differences(double l2, bool fitIntercept)
    {
        var (x, y) = Week02Data.Blobs(n: 50, p: 4);
        var objective = new LogisticObjective(x, y, l2, fitIntercept);
        var theta = RandomTheta(objective.ParameterCount, 11);
        var numeric = FiniteDifference.Gradient(objective.Value, theta);
        double error = FiniteDifference.RelativeError(numeric, objective.Gradient(theta));
        Assert.True(error < 1e-8, $"relative error {error:G3}");
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.3, true)]
    [InlineData(0.3, false)]
    public void The_Hessian_matches_finite_differences_of_the_gradient(double l2, bool fitIntercept)
    {
        // Column j of the Hessian is ∂(∇f)/∂θ_j: central differences of the analytic gradient.
        var (x, y) = Week02Data.Blobs(n: 50, p: 4);
        var objective = new LogisticObjective(x, y, l2, fitIntercept);
        var theta = RandomTheta(objective.ParameterCount, 12);
        var h = objective.Hessian(theta);
        for (int j = 0; j < objective.ParameterCount; j++)
        {
            var numeric = FiniteDifference.Gradient(t => objective.Gradient(t)[j], theta);
            double error = FiniteDifference.RelativeError(numeric, h.Row(j));
            Assert.True(error < 1e-7, $"row {j}: relative error {error:G3}");
        }
        Expect.Close(h, h.Transpose(), 1e-15, "symmetry");
    }

    [Fact]
    public void The_Hessian_is_positive_semi_definite_so_the_loss_is_convex()
    {
        // Eigenvalues of X̃ᵀSX̃/n at several random points: all ≥ 0 (up to rounding), the convexity that MSE on σ lacks.
        var (x, y) = Week02Data.Blobs(n: 50, p: 4);
        var objective = new LogisticObjective(x, y);
        for (int seed = 0; seed < 5; seed++)
        {
            var eigen = Data.SymmetricEigenvalues(objective.Hessian(RandomTheta(objective.ParameterCount, seed) * 10));
            Assert.True(eigen[0] > -1e-12, $"smallest eigenvalue {eigen[0]:G3}");
        }
    }

    [Fact]
    public void At_theta_zero_the_loss_is_log_2()
    {
        // σ(0) = ½ for every sample, so each costs −log ½ = log 2 whatever its label (closed form).
        var (x, y) = Week02Data.Blobs();
        var objective = new LogisticObjective(x, y, 0.5);
        Expect.Close(Math.Log(2), objective.Value(Vector<double>.Build.Dense(objective.ParameterCount)), 1e-15);
    }

    [Fact]
    public void Softmax_objective_gradient_and_Hessian_match_finite_differences()
    {
        var (x, y) = Week02Data.Blobs(n: 45, p: 3, classes: 3);
        var objective = new SoftmaxObjective(x, y, 3, l2: 0.2);
        var theta = RandomTheta(objective.ParameterCount, 13);
        var g = objective.Gradient(theta);
        Assert.True(FiniteDifference.RelativeError(FiniteDifference.Gradient(objective.Value, theta), g) < 1e-8);
        var h = objective.Hessian(theta);
        for (int j = 0; j < objective.ParameterCount; j++)
        {
            var numeric = FiniteDifference.Gradient(t => objective.Gradient(t)[j], theta);
            double error = FiniteDifference.RelativeError(numeric, h.Row(j));
            Assert.True(error < 1e-7, $"row {j}: relative error {error:G3}");
        }
        // At θ = 0 every class has probability 1/K: the loss is log K (closed form).
        Expect.Close(Math.Log(3), objective.Value(Vector<double>.Build.Dense(objective.ParameterCount)), 1e-15);
        // θ ↔ Θ round trip.
        Expect.Close(theta, objective.FromMatrix(objective.ToMatrix(theta)), 0.0);
    }

    [Fact]
    public void A_theta_of_the_wrong_length_fails_naming_theta()
    {
        var (x, y) = Week02Data.Blobs(p: 3);
        var error = Assert.Throws<ArgumentException>(() => new LogisticObjective(x, y).Value(Vector<double>.Build.Dense(3)));
        Assert.Equal("theta", error.ParamName);
        Assert.Contains("must have 4 values", error.Message);
        Assert.Contains("y[1] is 2", Assert.Throws<ArgumentException>(() => new LogisticObjective(x, y.Map(v => 2 * v))).Message);
    }
}
