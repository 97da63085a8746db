using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Classical.Optimization.Networks;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Optimization;

public class TinyMlpTests
{
    private static (Matrix<double> X, Vector<double> Y) Circles(int rows, int seed)
    {
        var rng = Seeded.Random(seed);
        var x = Matrix<double>.Build.Dense(rows, 2);
        var y = Vector<double>.Build.Dense(rows);
        for (int i = 0; i < rows; i++)
        {
            x[i, 0] = rng.NextGaussian(); x[i, 1] = rng.NextGaussian();
            y[i] = x[i, 0] * x[i, 0] + x[i, 1] * x[i, 1] < 1.4 ? 1 : 0;     // inside a circle: not linearly separable
        }
        return (x, y);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_parameter_gradient_matches_finite_differences(bool batchNorm)
    {
        var (x, y) = Circles(12, 1);
        var net = new TinyMlp(2, [5, 4], batchNorm, () => new Sgd(0.1), seed: 2);
        net.ComputeGradients(x, y);
        for (int b = 0; b < net.Parameters.Count; b++)
        {
            var parameter = net.Parameters[b];
            var original = parameter.Clone();
            var numerical = FiniteDifference.Gradient(v => { v.CopyTo(parameter); return net.BatchLoss(x, y); }, original);
            original.CopyTo(parameter);
            double scale = Math.Max(numerical.L2Norm(), 1e-6);
            Assert.True((net.Gradients[b] - numerical).L2Norm() / scale < 1e-5, $"block {b}: analytic {net.Gradients[b]}, numerical {numerical}");
        }
    }

    [Fact]
    public void The_bias_before_batch_norm_gets_a_zero_gradient()
    {
        // BN subtracts the batch mean, so a bias added before it cancels: its gradient is 0 (why real nets drop it).
        var (x, y) = Circles(12, 1);
        var net = new TinyMlp(2, [5], batchNorm: true, () => new Sgd(0.1), seed: 3);
        net.ComputeGradients(x, y);
        Assert.True(net.Gradients[1].L2Norm() < 1e-12);
    }

    [Fact]
    public void Training_with_and_without_batch_norm_learns_the_circle()
    {
        var (x, y) = Circles(200, 4);
        foreach (bool batchNorm in new[] { false, true })
        {
            var net = new TinyMlp(2, [16, 16], batchNorm, () => new Adam(0.01), seed: 5);
            double first = net.Loss(x, y);
            for (int step = 0; step < 300; step++) net.TrainStep(x, y);
            Assert.True(net.Loss(x, y) < 0.5 * first, $"batchNorm={batchNorm}: {first} -> {net.Loss(x, y)}");
        }
    }

    [Fact]
    public void Evaluation_mode_uses_the_running_averages_not_the_batch()
    {
        // After many steps on the same full batch, the running statistics converge to the batch's, so the two losses meet;
        // on a single row evaluation still works (training mode cannot normalise one row).
        var (x, y) = Circles(64, 6);
        var net = new TinyMlp(2, [8], batchNorm: true, () => new Sgd(1e-12), seed: 7);   // lr ≈ 0: weights fixed
        Assert.NotEqual(net.BatchLoss(x, y), net.Loss(x, y), 6);
        for (int step = 0; step < 200; step++) net.TrainStep(x, y);
        Assert.Equal(net.BatchLoss(x, y), net.Loss(x, y), 2);
        Assert.Single(net.PredictProbability(x.SubMatrix(0, 1, 0, 2)));
    }

    [Fact]
    public void Bad_input_and_a_shared_optimiser_are_refused()
    {
        var shared = new Sgd(0.1);
        Assert.Equal("optimizer", Assert.Throws<ArgumentException>(() => new TinyMlp(2, [3], false, () => shared)).ParamName);
        var net = new TinyMlp(2, [3], batchNorm: true, () => new Sgd(0.1));
        var (x, y) = Circles(4, 8);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => net.TrainStep(Matrix<double>.Build.Dense(4, 3), y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => net.TrainStep(x, Vector<double>.Build.Dense(4, 2.0))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => net.TrainStep(x.SubMatrix(0, 1, 0, 2), y.SubVector(0, 1)));
    }
}
