using MlCourse.DeepLearning.Autodiff;
using static MlCourse.DeepLearning.Tests.Autodiff.GradientCheck;

namespace MlCourse.DeepLearning.Tests.Autodiff;

public sealed class TensorValueGradientTests
{
    // Expected gradients: central finite differences (GradientCheck); a weighted sum with a random upstream gradient
    // makes every non-scalar operation's output a scalar without hiding transposes or axis mix-ups.
    private const double Tolerance = 1e-7;

    public static TheoryData<string, int[], int[]> BinaryCases => new()
    {
        { "+", [3, 1], [1, 4] },
        { "-", [2, 3, 4], [4] },
        { "*", [2, 3, 4], [4] },
        { "*", [3, 1], [1, 4] },
        { "/", [2, 1, 4], [3, 1] },
        { "+", [2, 3], [] },
        { "*", [4], [4] },
    };

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Broadcast_binary_operations_match_finite_differences(string op, int[] shapeA, int[] shapeB)
    {
        var a = Uniform(shapeA, -1.5, 1.5, 1);
        var b = Uniform(shapeB, 0.5, 2.0, 2);            // away from 0: the divisor
        Func<TensorValue, TensorValue, TensorValue> apply = op switch
        {
            "+" => (x, y) => x + y,
            "-" => (x, y) => x - y,
            "*" => (x, y) => x * y,
            _ => (x, y) => x / y,
        };
        var (engine, numeric) = Tensor(v => Weighted(apply(v[0], v[1])), a, b);
        AssertClose(numeric, engine, Tolerance, $"{op} {string.Join("x", shapeA)} with {string.Join("x", shapeB)}");
    }

    public static TheoryData<string> UnaryCases => new() { "exp", "log", "tanh", "sigmoid", "relu", "pow", "neg", "softmax0", "softmax1", "logsoftmax0", "logsoftmax-1" };

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void Unary_and_softmax_operations_match_finite_differences(string op)
    {
        var x = Uniform([3, 4], 0.2, 2.0, 3);            // positive for log and the fractional power
        var mixed = Uniform([3, 4], -2.0, 2.0, 4);       // both signs for relu (no value within 1e-5 of the kink)
        Func<TensorValue, TensorValue> apply = op switch
        {
            "exp" => t => t.Exp(),
            "log" => t => t.Log(),
            "tanh" => t => t.Tanh(),
            "sigmoid" => t => t.Sigmoid(),
            "relu" => t => t.Relu(),
            "pow" => t => t.Pow(1.5),
            "neg" => t => -t,
            "softmax0" => t => t.Softmax(0),
            "softmax1" => t => t.Softmax(1),
            "logsoftmax0" => t => t.LogSoftmax(0),
            _ => t => t.LogSoftmax(-1),
        };
        var input = op is "relu" or "tanh" or "sigmoid" ? mixed : x;
        var (engine, numeric) = Tensor(v => Weighted(apply(v[0])), input);
        AssertClose(numeric, engine, Tolerance, op);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    [InlineData(2, true)]
    public void Sums_and_means_over_an_axis_match_finite_differences(int axis, bool keepDims)
    {
        var x = Uniform([2, 3, 4], -1, 1, 5);
        var (engine, numeric) = Tensor(v => Weighted(v[0].Sum(axis, keepDims)), x);
        AssertClose(numeric, engine, Tolerance, $"sum(axis {axis}, keepDims {keepDims})");
        (engine, numeric) = Tensor(v => Weighted(v[0].Mean(axis, keepDims)), TensorValue.FromArray(x.Data, 2, 3, 4));
        AssertClose(numeric, engine, Tolerance, $"mean(axis {axis}, keepDims {keepDims})");
    }

    [Fact]
    public void Matmul_reshape_and_transpose_match_finite_differences()
    {
        var a = Uniform([3, 4], -1, 1, 6);
        var b = Uniform([4, 2], -1, 1, 7);
        var (engine, numeric) = Tensor(v => Weighted(v[0].MatMul(v[1])), a, b);
        AssertClose(numeric, engine, Tolerance, "matmul");
        (engine, numeric) = Tensor(v => Weighted(v[0].Reshape(2, -1, 3)), Uniform([3, 4], -1, 1, 8));
        AssertClose(numeric, engine, Tolerance, "reshape");
        (engine, numeric) = Tensor(v => Weighted(v[0].Transpose(0, 2)), Uniform([2, 3, 4], -1, 1, 9));
        AssertClose(numeric, engine, Tolerance, "transpose");
        (engine, numeric) = Tensor(v => Weighted(v[0].T.MatMul(v[0])), Uniform([3, 2], -1, 1, 10));
        AssertClose(numeric, engine, Tolerance, "xᵀx (x used twice)");
    }

    [Fact]
    public void Cross_entropy_matches_finite_differences_and_its_closed_form()
    {
        var logits = Uniform([5, 3], -2, 2, 11);
        int[] targets = [0, 2, 1, 1, 0];
        var (engine, numeric) = Tensor(v => v[0].CrossEntropy(targets), logits);
        AssertClose(numeric, engine, Tolerance, "cross-entropy");
        // The composite −mean(log_softmax[n, t_n]) built from other operations gives the same value.
        var oneHot = new double[15];
        for (int n = 0; n < 5; n++) oneHot[n * 3 + targets[n]] = 1;
        var composite = -(logits.LogSoftmax(1) * TensorValue.FromArray(oneHot, 5, 3)).Sum() / 5;
        Assert.Equal(composite.Item(), logits.CrossEntropy(targets).Item(), 12);
    }

    [Fact]
    public void A_tensor_used_twice_accumulates_both_gradients()
    {
        // L = Σ x ⊙ x: dL/dx = 2x (an assignment in the backward would give x).
        var x = TensorValue.FromArray([1.0, -2, 3], 3);
        (x * x).Sum().Backward();
        Assert.Equal([2.0, -4, 6], x.Grad);
    }

    [Fact]
    public void Softmax_of_huge_logits_is_finite_and_log_softmax_matches_its_log()
    {
        // exp(1000) overflows a double; subtracting the maximum first keeps softmax exact: [e⁰, e⁻¹] / (1 + e⁻¹).
        var z = TensorValue.FromArray([1000.0, 999], 2);
        var s = z.Softmax();
        Assert.Equal(1 / (1 + Math.Exp(-1)), s.Data[0], 14);
        Assert.Equal(Math.Log(s.Data[1]), z.LogSoftmax().Data[1], 12);
    }

    [Fact]
    public void A_broadcast_backward_that_forgets_the_reduction_is_caught()
    {
        // The plausible wrong backward of x + b with b (4,) broadcast over (3, 4): take one row's gradient instead of
        // the sum over the rows. Finite differences of Σ G ⊙ (x + b) with respect to b give the column sums of G.
        var x = Uniform([3, 4], -1, 1, 12);
        var b = Uniform([4], -1, 1, 13);
        var (_, numeric) = Tensor(v => Weighted(v[0] + v[1]), x, b);
        var g = UpstreamGradient([3, 4]).Data;
        var firstRowOnly = g.Take(4).ToArray();
        var numericB = numeric.Skip(12).ToArray();
        Assert.Contains(Enumerable.Range(0, 4), j => Math.Abs(numericB[j] - firstRowOnly[j]) > 1e-3);
    }
}
