using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

// Elementwise operations: binary ones broadcast (NumPy's rule, TensorShape.Broadcast) and reduce their gradients back
// to each input's shape (TensorShape.SumToShape); unary ones keep the shape.
public sealed partial class TensorValue
{
    // <snippet name="autodiff-tensor-broadcast-binary">
    /// <summary>
    /// out = f(a, b) elementwise after broadcasting. The backward multiplies the output gradient by each partial
    /// derivative at every output position (that is the chain rule per element) and then sums each input's copies:
    /// an input broadcast along an axis was used once per position of that axis.
    /// </summary>
    private static TensorValue Binary(TensorValue a, TensorValue b, string op,
        Func<double, double, double> f, Func<double, double, double, double> dOutDa, Func<double, double, double, double> dOutDb)
    {
        Guard.NotNull(a, nameof(a));
        Guard.NotNull(b, nameof(b));
        var shape = TensorShape.Broadcast(a._shape, b._shape, "left operand", "right operand");
        var mapA = TensorShape.BroadcastIndexMap(shape, a._shape);
        var mapB = TensorShape.BroadcastIndexMap(shape, b._shape);
        var data = new double[mapA.Length];
        for (int i = 0; i < data.Length; i++) data[i] = f(a.Data[mapA[i]], b.Data[mapB[i]]);
        return Operation(data, shape, op, [a, b], output =>
        {
            var gradA = new double[data.Length];                 // (broadcast shape)
            var gradB = new double[data.Length];                 // (broadcast shape)
            for (int i = 0; i < data.Length; i++)
            {
                double x = a.Data[mapA[i]], y = b.Data[mapB[i]];
                gradA[i] = dOutDa(x, y, output.Data[i]) * output.Grad[i];
                gradB[i] = dOutDb(x, y, output.Data[i]) * output.Grad[i];
            }
            a.AccumulateGrad(TensorShape.SumToShape(gradA, shape, a._shape));   // (a's shape)
            b.AccumulateGrad(TensorShape.SumToShape(gradB, shape, b._shape));   // (b's shape)
        });
    }
    // </snippet>

    public static TensorValue operator +(TensorValue a, TensorValue b) =>
        Binary(a, b, "+", (x, y) => x + y, (_, _, _) => 1, (_, _, _) => 1);

    public static TensorValue operator -(TensorValue a, TensorValue b) =>
        Binary(a, b, "-", (x, y) => x - y, (_, _, _) => 1, (_, _, _) => -1);

    public static TensorValue operator *(TensorValue a, TensorValue b) =>
        Binary(a, b, "*", (x, y) => x * y, (_, y, _) => y, (x, _, _) => x);

    public static TensorValue operator /(TensorValue a, TensorValue b) =>
        Binary(a, b, "/", (x, y) => x / y, (_, y, _) => 1 / y, (x, y, _) => -x / (y * y));

    public static TensorValue operator +(TensorValue a, double b) => a + Scalar(b);
    public static TensorValue operator +(double a, TensorValue b) => Scalar(a) + b;
    public static TensorValue operator -(TensorValue a, double b) => a - Scalar(b);
    public static TensorValue operator -(double a, TensorValue b) => Scalar(a) - b;
    public static TensorValue operator *(TensorValue a, double b) => a * Scalar(b);
    public static TensorValue operator *(double a, TensorValue b) => Scalar(a) * b;
    public static TensorValue operator /(TensorValue a, double b) => a / Scalar(b);

    public static TensorValue operator -(TensorValue a) =>
        a.Unary("neg", x => -x, (_, _) => -1);

    /// <summary>
    /// y = f(x) elementwise; the backward is ∂L/∂x = f'(x) · ∂L/∂y elementwise (the Jacobian of an elementwise map is
    /// diagonal, so reverse mode never builds it). <paramref name="derivative"/> gets x and y (tanh, exp, sigmoid
    /// are cheapest from y).
    /// </summary>
    private TensorValue Unary(string op, Func<double, double> f, Func<double, double, double> derivative)
    {
        var x = this;
        var data = new double[x.Size];
        for (int i = 0; i < data.Length; i++) data[i] = f(x.Data[i]);
        return Operation(data, (int[])x._shape.Clone(), op, [x], output =>
        {
            for (int i = 0; i < data.Length; i++)
                x.Grad[i] += derivative(x.Data[i], output.Data[i]) * output.Grad[i];
        });
    }

    /// <summary>x^p elementwise for a constant p.</summary>
    public TensorValue Pow(double exponent)
    {
        Guard.Finite(exponent, nameof(exponent));
        return Unary($"^{exponent}", x => Math.Pow(x, exponent), (x, _) => exponent * Math.Pow(x, exponent - 1));
    }

    public TensorValue Exp() => Unary("exp", Math.Exp, (_, y) => y);

    /// <summary>The natural logarithm elementwise (NaN for x ≤ 0, as in PyTorch).</summary>
    public TensorValue Log() => Unary("log", Math.Log, (x, _) => 1 / x);

    public TensorValue Tanh() => Unary("tanh", Math.Tanh, (_, y) => 1 - y * y);

    public TensorValue Sigmoid() => Unary("sigmoid", x => 1 / (1 + Math.Exp(-x)), (_, y) => y * (1 - y));

    /// <summary>max(0, x) elementwise; derivative 0 at x = 0, as PyTorch.</summary>
    public TensorValue Relu() => Unary("relu", x => Math.Max(0, x), (x, _) => x > 0 ? 1 : 0);
}
