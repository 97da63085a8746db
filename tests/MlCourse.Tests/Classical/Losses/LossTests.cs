using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Optimization;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Losses;

public class LossTests
{
    private static readonly Vector<double> Y = Vector<double>.Build.DenseOfArray([1.0, 2.0, 3.0]);
    private static readonly Vector<double> YHat = Vector<double>.Build.DenseOfArray([2.0, 2.0, 5.0]);   // residuals 1, 0, 2

    [Fact]
    public void Loss_values_match_their_definitions_on_a_hand_computed_case()
    {
        // Residuals ŷ − y = (1, 0, 2), by hand:
        Expect.Close(5.0 / 3, new MeanSquaredError().Value(Y, YHat), 1e-15, "MSE (1 + 0 + 4)/3");
        Expect.Close(1.0, new MeanAbsoluteError().Value(Y, YHat), 1e-15, "MAE (1 + 0 + 2)/3");
        // Huber δ = 1: ½·1², ½·0², 1·(2 − ½) = 1.5  ->  (0.5 + 0 + 1.5)/3.
        Expect.Close(2.0 / 3, new HuberLoss(1.0).Value(Y, YHat), 1e-15, "Huber δ=1");
    }

    [Fact]
    public void Huber_is_half_MSE_for_large_delta_and_linear_like_MAE_for_small_delta()
    {
        var rng = Seeded.Random(3);
        var y = Vector<double>.Build.Dense(50, _ => rng.NextGaussian());
        var yHat = Vector<double>.Build.Dense(50, _ => rng.NextGaussian());
        // All |r| < 100, so only the quadratic branch is used: exactly ½·MSE.
        Expect.Close(0.5 * new MeanSquaredError().Value(y, yHat), new HuberLoss(100).Value(y, yHat), 1e-14);
        // All |r| > 1e-6 here (checked), so only the linear branch: δ·MAE − ½δ².
        const double delta = 1e-6;
        Assert.True((yHat - y).AbsoluteMinimum() > delta);
        Expect.Close(delta * new MeanAbsoluteError().Value(y, yHat) - 0.5 * delta * delta, new HuberLoss(delta).Value(y, yHat), 1e-20);
    }

    public static TheoryData<string> LossNames => new() { "mse", "mae", "huber" };

    private static ILoss Make(string name) => name switch
    {
        "mse" => new MeanSquaredError(),
        "mae" => new MeanAbsoluteError(),
        _ => new HuberLoss(0.7),
    };

    [Theory]
    [MemberData(nameof(LossNames))]
    public void Loss_gradients_agree_with_central_finite_differences(string name)
    {
        var loss = Make(name);
        var rng = Seeded.Random(11);
        var y = Vector<double>.Build.Dense(20, _ => rng.NextGaussian());
        var yHat = Vector<double>.Build.Dense(20, _ => rng.NextGaussian());
        // Keep every residual at least 1e-3 away from the kinks (0 for MAE, ±δ for Huber' second
        // derivative), so the central difference with h = 1e-5 never straddles one.
        var r = yHat - y;
        Assert.True(r.AbsoluteMinimum() > 1e-3);
        Assert.True(r.Select(v => Math.Abs(Math.Abs(v) - 0.7)).Min() > 1e-3);

        var numerical = FiniteDifference.Gradient(v => loss.Value(y, v), yHat);
        // These losses are piecewise polynomials of degree <= 2, so the central difference has no
        // truncation error away from kinks; only rounding, ε·|L|/h ≈ 1e-11, relative to |∇| ≈ 0.05.
        double error = FiniteDifference.RelativeError(loss.Gradient(y, yHat), numerical);
        Assert.True(error < 1e-7, $"{loss.Name}: relative error {error:G3}");
    }

    [Fact]
    public void The_MAE_subgradient_at_a_zero_residual_is_zero()
    {
        var g = new MeanAbsoluteError().Gradient(Y, YHat);
        // sign(1)/3, sign(0)/3 = 0 by the documented convention, sign(2)/3.
        Assert.Equal(new[] { 1.0 / 3, 0.0, 1.0 / 3 }, g.ToArray());
    }

    [Fact]
    public void The_Huber_gradient_is_the_residual_clipped_at_delta()
    {
        var g = new HuberLoss(1.5).Gradient(Y, YHat);
        // r = (1, 0, 2): clip to [−1.5, 1.5] -> (1, 0, 1.5), divided by n = 3.
        Assert.Equal(new[] { 1.0 / 3, 0.0, 1.5 / 3 }, g.ToArray());
    }

    [Theory]
    [MemberData(nameof(LossNames))]
    public void Losses_reject_bad_input_naming_the_argument(string name)
    {
        var loss = Make(name);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => loss.Value(Y, Y.SubVector(0, 2))).ParamName);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => loss.Gradient(Y, Vector<double>.Build.DenseOfArray([1, double.NaN, 2]))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => loss.Value(Vector<double>.Build.Dense(0), Vector<double>.Build.Dense(0))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => loss.Value(null!, Y)).ParamName);
    }

    [Fact]
    public void Huber_delta_must_be_positive()
    {
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLoss(0)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLoss(-1)).ParamName);
    }
}
