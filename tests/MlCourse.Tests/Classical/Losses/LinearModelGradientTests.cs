using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Optimization;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Losses;

public class LinearModelGradientTests
{
    // θ = (w, b) packed into one vector for the finite-difference check.
    private static double MseAt(Matrix<double> x, Vector<double> y, Vector<double> theta)
    {
        var w = theta.SubVector(0, x.ColumnCount);
        var r = x * w + theta[x.ColumnCount] - y;
        return r.DotProduct(r) / y.Count;
    }

    [Fact]
    public void The_hand_derived_MSE_gradient_agrees_with_finite_differences()
    {
        var (x, y) = Data.DiabetesStandardized();
        var w = Vector<double>.Build.Dense(10, j => 3.0 * (j - 4.5));
        const double b = 100.0;
        var analytic = LinearModelGradient.MeanSquaredError(x, y, w, b);
        var theta = Vector<double>.Build.DenseOfEnumerable(w.Append(b));
        // MSE is quadratic in θ: the central difference is exact up to rounding (ε·J/h ≈ 6e-8 absolute
        // for J ≈ 3e3, against gradient entries of size ~100), so 1e-7 relative is generous.
        var numerical = FiniteDifference.Gradient(t => MseAt(x, y, t), theta, h: 1e-3);
        var packed = Vector<double>.Build.DenseOfEnumerable(analytic.W.Append(analytic.B));
        double error = FiniteDifference.RelativeError(packed, numerical);
        Assert.True(error < 1e-7, $"relative error {error:G3}");
    }

    [Fact]
    public void The_gradient_is_zero_at_the_least_squares_solution()
    {
        // The normal equation is exactly "this gradient = 0".
        var (x, y) = Data.DiabetesStandardized();
        var ols = new MlCourse.Classical.LinearModels.LinearRegression().Fit(x, y);
        var g = LinearModelGradient.MeanSquaredError(x, y, ols.Coefficients, ols.Intercept);
        // Each entry sums terms totalling up to (2/n)·||x_j||·||r|| ≈ 107 (||x_j|| = √442 for a standardised
        // column, ||r|| ≈ 1124); a solve with cond ≈ 22 leaves ~cond·ε of that ≈ 5e-13. Allow 1e-9.
        Assert.True(g.W.InfinityNorm() < 1e-9 && Math.Abs(g.B) < 1e-9, $"|∇w| = {g.W.InfinityNorm():G3}, ∇b = {g.B:G3}");
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("huber")]
    public void The_chain_rule_gradient_for_any_loss_agrees_with_finite_differences(string name)
    {
        ILoss loss = name == "mse" ? new MeanSquaredError() : new HuberLoss(30.0);
        var (x, y) = Data.DiabetesStandardized();
        var w = Vector<double>.Build.Dense(10, j => 2.0 * j);
        const double b = 140.0;
        var analytic = LinearModelGradient.Of(loss, x, y, w, b);
        var theta = Vector<double>.Build.DenseOfEnumerable(w.Append(b));
        var numerical = FiniteDifference.Gradient(t => loss.Value(y, x * t.SubVector(0, 10) + t[10]), theta, h: 1e-4);
        var packed = Vector<double>.Build.DenseOfEnumerable(analytic.W.Append(analytic.B));
        // Huber is piecewise quadratic; with 442 residuals a step of 1e-4 in θ moves each by < 1e-3, so
        // a residual crossing ±δ changes the slope of one term only slightly: 1e-6 relative allows it.
        double error = FiniteDifference.RelativeError(packed, numerical);
        Assert.True(error < 1e-6, $"{loss.Name}: relative error {error:G3}");
        if (name == "mse")
        {
            var hand = LinearModelGradient.MeanSquaredError(x, y, w, b);
            Expect.RelativelyClose(hand.W, analytic.W, 1e-13, "chain rule vs hand-derived");
            Expect.Close(hand.B, analytic.B, 1e-13 * Math.Abs(hand.B));
        }
    }

    [Fact]
    public void Gradient_helpers_reject_bad_shapes_naming_the_argument()
    {
        var (x, y) = Data.Synthetic();
        var w = Vector<double>.Build.Dense(3);
        Assert.Equal("w", Assert.Throws<ArgumentException>(() => LinearModelGradient.MeanSquaredError(x, y, Vector<double>.Build.Dense(2), 0)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearModelGradient.MeanSquaredError(x, y.SubVector(0, 3), w, 0)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => LinearModelGradient.MeanSquaredError(x, y, w, double.NaN)).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentNullException>(() => LinearModelGradient.Of(null!, x, y, w, 0)).ParamName);
    }
}
