using MlCourse.DeepLearning.Autodiff;

namespace MlCourse.DeepLearning.Tests.Autodiff;

public sealed class ValueGradientTests
{
    // Expected gradients: central finite differences (GradientCheck), truncation error ~1e-10 at h = 1e-5.
    private const double Tolerance = 1e-7;

    public static TheoryData<string> Operations => new() { "+", "-", "*", "/", "pow", "exp", "log", "tanh", "sigmoid", "relu", "neg" };

    private static Value Apply(string op, Value a, Value b) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        "pow" => a.Pow(2.5),
        "exp" => a.Exp(),
        "log" => a.Log(),
        "tanh" => a.Tanh(),
        "sigmoid" => a.Sigmoid(),
        "relu" => a.Relu(),
        "neg" => -a,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_matches_finite_differences_at_several_points(string op)
    {
        // Positive first arguments keep log and the fractional power defined; none sits at relu's kink.
        foreach (var (a, b) in new[] { (0.7, -1.3), (2.1, 0.4), (0.05, 3.0), (1.6, -0.2) })
        {
            // Multiply by a third leaf so the upstream gradient is not 1 (a rule that ignores output.Grad fails).
            var (engine, numeric) = GradientCheck.Scalar(v => Apply(op, v[0], v[1]) * v[2], a, b, -1.7);
            GradientCheck.AssertClose(numeric, engine, Tolerance, $"{op} at ({a}, {b})");
        }
    }

    [Fact]
    public void Relu_passes_the_gradient_only_where_the_input_is_positive()
    {
        // By definition: relu'(x) = 1 for x > 0, 0 for x < 0, and 0 at 0 (PyTorch's convention).
        foreach (var (x, expected) in new[] { (1.5, 1.0), (-0.5, 0.0), (0.0, 0.0) })
        {
            var v = new Value(x);
            v.Relu().Backward();
            Assert.Equal(expected, v.Grad);
        }
    }

    [Fact]
    public void A_node_used_twice_receives_the_sum_of_both_contributions()
    {
        // d(x·x)/dx = 2x and d(x + x)/dx = 2: each use adds its share; an assignment would keep only the last (x and 1).
        var x = new Value(3.0);
        (x * x).Backward();
        Assert.Equal(6.0, x.Grad);
        var y = new Value(3.0);
        (y + y).Backward();
        Assert.Equal(2.0, y.Grad);
    }

    [Fact]
    public void A_shared_subexpression_is_differentiated_once_per_path()
    {
        // f = t·t + t with t = a·b: df/da = (2t + 1)·b. At a = 2, b = -3: t = -6, df/da = -11·-3 = 33, df/db = -11·2 = -22.
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var t = a * b;
        (t * t + t).Backward();
        Assert.Equal(33.0, a.Grad, 12);
        Assert.Equal(-22.0, b.Grad, 12);
    }

    [Fact]
    public void A_composite_expression_matches_finite_differences()
    {
        var (engine, numeric) = GradientCheck.Scalar(v =>
            ((v[0] * v[1]).Tanh() + v[2].Sigmoid() * v[0].Exp() - (v[1] * v[1] + 1).Log() / v[2]).Pow(2), 0.3, -0.8, 1.9);
        GradientCheck.AssertClose(numeric, engine, Tolerance, "composite");
    }

    [Fact]
    public void A_backward_rule_that_assigns_instead_of_adding_is_caught_by_finite_differences()
    {
        // The classic bug, written with the engine's own extension point: "=" in place of "+=".
        static Value WrongMul(Value a, Value b) => Value.Operation(a.Data * b.Data, "*", [a, b], output =>
        {
            a.Grad = b.Data * output.Grad;
            b.Grad = a.Data * output.Grad;
        });
        // x·x uses x twice: the wrong rule gives x instead of 2x.
        var (engine, numeric) = GradientCheck.Scalar(v => WrongMul(v[0], v[0]), 1.5);
        Assert.True(Math.Abs(engine[0] - numeric[0]) > 1, $"the wrong rule gave {engine[0]} and finite differences {numeric[0]}");
    }

    [Fact]
    public void The_topological_order_puts_inputs_before_their_users_and_each_node_once()
    {
        var a = new Value(1.0, "a");
        var b = new Value(2.0, "b");
        var c = a * b;
        var d = c + a;
        var e = d * c;
        var order = e.TopologicalOrder().ToList();
        Assert.Equal(5, order.Count);
        Assert.Same(e, order[^1]);
        foreach (var node in order)
            foreach (var parent in node.Parents)
                Assert.True(order.IndexOf(parent) < order.IndexOf(node), $"{parent} comes after its user {node}");
    }

    [Fact]
    public void A_graph_ten_thousand_operations_deep_does_not_overflow_the_stack()
    {
        // x·1.0001^10000 ... the chain x → x·c → (x·c)·c: d/dx = c^10000 (closed form).
        var x = new Value(1.0);
        Value y = x;
        for (int i = 0; i < 10_000; i++) y *= 1.0001;
        y.Backward();
        Assert.Equal(Math.Pow(1.0001, 10_000), x.Grad, 1e-9);
    }

    [Fact]
    public void Gradients_accumulate_over_two_backward_passes_until_zeroed()
    {
        var x = new Value(2.0);
        var y = x * x;                    // dy/dx = 4
        y.Backward();
        y.Backward();
        Assert.Equal(8.0, x.Grad);        // 4 + 4, as in PyTorch without zero_grad
        y.ZeroGrad();
        y.Backward();
        Assert.Equal(4.0, x.Grad);
    }

    [Fact]
    public void A_leaf_with_a_non_finite_value_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(double.NaN));
        Assert.Equal("data", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Value(1.0).Pow(double.PositiveInfinity));
    }
}
