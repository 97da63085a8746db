using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Metrics;

public class RegressionMetricsTests
{
    [Fact]
    public void Metrics_match_scikit_learn_on_a_recorded_case()
    {
        // Expected: sklearn.metrics mean_squared_error, mean_absolute_error, r2_score on five values,
        // recorded by tests/reference/week01_linear_models.py. Sums of five terms: 1e-14.
        var reference = Reference.Week01.GetProperty("regression_metrics");
        var y = Reference.Vector(reference.GetProperty("y"));
        var yHat = Reference.Vector(reference.GetProperty("y_hat"));
        Expect.Close(reference.Number("mse"), RegressionMetrics.MeanSquaredError(y, yHat), 1e-14);
        Expect.Close(reference.Number("mae"), RegressionMetrics.MeanAbsoluteError(y, yHat), 1e-14);
        Expect.Close(reference.Number("r2"), RegressionMetrics.R2(y, yHat), 1e-14);
        Expect.Close(Math.Sqrt(reference.Number("mse")), RegressionMetrics.RootMeanSquaredError(y, yHat), 1e-14);
    }

    [Fact]
    public void R2_is_one_for_perfect_zero_for_the_mean_and_negative_for_worse()
    {
        var y = Vector<double>.Build.DenseOfArray([1.0, 2.0, 3.0, 6.0]);
        Assert.Equal(1.0, RegressionMetrics.R2(y, y.Clone()));
        Assert.Equal(0.0, RegressionMetrics.R2(y, Vector<double>.Build.Dense(4, 3.0)), 15);   // mean is 3
        Assert.True(RegressionMetrics.R2(y, -y) < 0);
    }

    [Fact]
    public void R2_of_a_constant_target_follows_scikit_learn()
    {
        // 0/0: scikit-learn returns 1 for perfect predictions and 0 otherwise (force_finite=True).
        var y = Vector<double>.Build.Dense(3, 5.0);
        Assert.Equal(1.0, RegressionMetrics.R2(y, y.Clone()));
        Assert.Equal(0.0, RegressionMetrics.R2(y, Vector<double>.Build.DenseOfArray([5.0, 5.0, 6.0])));
    }

    [Fact]
    public void Metrics_reject_bad_input_naming_the_argument()
    {
        var y = Vector<double>.Build.DenseOfArray([1.0, 2.0]);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => RegressionMetrics.MeanSquaredError(y, Vector<double>.Build.Dense(3))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => RegressionMetrics.R2(Vector<double>.Build.DenseOfArray([double.PositiveInfinity, 1]), y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => RegressionMetrics.MeanAbsoluteError(Vector<double>.Build.Dense(0), Vector<double>.Build.Dense(0))).ParamName);
    }
}
