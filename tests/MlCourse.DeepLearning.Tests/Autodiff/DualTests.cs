using MlCourse.Classical.Optimization;
using MlCourse.DeepLearning.Autodiff;

namespace MlCourse.DeepLearning.Tests.Autodiff;

public sealed class DualTests
{
    public static TheoryData<string> Operations => new() { "+", "-", "*", "/", "pow", "exp", "log", "tanh", "sigmoid", "relu", "neg" };

    private static Dual Apply(string op, Dual x, Dual c) => op switch
    {
        "+" => x + c,
        "-" => c - x,
        "*" => x * c * x,
        "/" => c / x,
        "pow" => x.Pow(2.5),
        "exp" => x.Exp(),
        "log" => x.Log(),
        "tanh" => x.Tanh(),
        "sigmoid" => x.Sigmoid(),
        "relu" => (x - 1).Relu(),
        "neg" => -x,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_carries_the_derivative_of_finite_differences(string op)
    {
        // Expected: central finite differences of the value part (truncation ~1e-10 at h = 1e-5).
        foreach (double at in new[] { 0.4, 1.7, 3.2 })
        {
            var result = Apply(op, Dual.Variable(at), 1.3);
            double numeric = FiniteDifference.Derivative(x => Apply(op, x, 1.3).Value, at);
            Assert.True(Math.Abs(result.Tangent - numeric) <= 1e-7 * Math.Max(1, Math.Abs(numeric)),
                $"{op} at {at}: tangent {result.Tangent}, finite differences {numeric}");
        }
    }

    [Fact]
    public void Forward_mode_along_each_input_rebuilds_the_reverse_mode_gradient()
    {
        // f(x, y, z) = tanh(x·y) + z·exp(x) − log(y² + 1)/z: three forward passes (one per input) against one backward pass.
        double[] at = [0.3, -0.8, 1.9];
        var leaves = at.Select(v => new Value(v)).ToArray();
        ((leaves[0] * leaves[1]).Tanh() + leaves[2] * leaves[0].Exp() - (leaves[1] * leaves[1] + 1).Log() / leaves[2]).Backward();
        for (int i = 0; i < 3; i++)
        {
            var d = at.Select((v, k) => new Dual(v, k == i ? 1 : 0)).ToArray();
            var f = (d[0] * d[1]).Tanh() + d[2] * d[0].Exp() - (d[1] * d[1] + 1).Log() / d[2];
            Assert.Equal(leaves[i].Grad, f.Tangent, 12);
        }
    }

    [Fact]
    public void A_constant_has_no_tangent_and_the_product_rule_needs_both_terms()
    {
        // d/dx (x · x) at 3 = 6: a product rule missing one term would give 3.
        var x = Dual.Variable(3);
        Assert.Equal(6.0, (x * x).Tangent);
        Assert.Equal(0.0, ((Dual)5.0 * 2.0).Tangent);
    }
}
