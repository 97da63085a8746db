using MlCourse.Core.Validation;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Autodiff;
using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Checkers for the exercises of week09-autodiff.ipynb (section 9 "Exercises"). Each takes the learner's function and
/// returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>. Reference solutions:
/// <see cref="Week09AutodiffSolutions"/>.
/// </summary>
/// <remarks>
/// Expected gradients are worked out by hand in the comments (product and tanh rules) or taken from the engine's own
/// operations, which are tested against finite differences and TorchSharp autograd. Every exercise includes a node
/// used twice, so the classic "=" in place of "+=" fails.
/// </remarks>
public static class Week09Autodiff
{
    /// <summary>Exercise 1: a product node made with <see cref="Value.Operation"/>, forward and backward.</summary>
    public static CheckResult CheckMultiply(Func<Value, Value, Value> multiply)
    {
        Guard.NotNull(multiply, nameof(multiply));
        return Exercise.Check("Exercise 1: the backward of a product", c =>
        {
            // By hand: f = a·b at a = 2, b = −3: f = −6, ∂f/∂a = b = −3, ∂f/∂b = a = 2.
            c.Given("a = 2, b = −3, f = multiply(a, b)");
            var (a, b) = (new Value(2), new Value(-3));
            var f = multiply(a, b);
            if (!c.True("a node was returned", f is not null, "multiply returned null.")) return;
            c.Close("f", f!.Data, -6, 1e-12);
            f.Backward();
            c.Close("∂f/∂a", a.Grad, -3, 1e-12);
            c.Close("∂f/∂b", b.Grad, 2, 1e-12);

            // The upstream gradient: L = 5·(a·b) gives ∂L/∂a = 5b = −15 (a rule that ignores output.Grad gives −3).
            c.Given("a = 2, b = −3, L = multiply(a, b) * 5");
            (a, b) = (new Value(2), new Value(-3));
            (multiply(a, b) * 5).Backward();
            c.Close("∂L/∂a (uses the output's gradient)", a.Grad, -15, 1e-12);
            c.Close("∂L/∂b", b.Grad, 10, 1e-12);

            // The same node twice: d(x·x)/dx = 2x = 3 at x = 1.5; assigning instead of adding keeps one use: 1.5.
            c.Given("x = 1.5, L = multiply(x, x)");
            var x = new Value(1.5);
            multiply(x, x).Backward();
            c.Close("∂L/∂x (x is used twice: the two contributions add)", x.Grad, 3, 1e-12);

            // A node used by two operations: L = a·b + a, ∂L/∂a = b + 1 = −2 at b = −3; "=" overwrites the +'s 1 and gives −3.
            c.Given("a = 2, b = −3, L = multiply(a, b) + a");
            (a, b) = (new Value(2), new Value(-3));
            (multiply(a, b) + a).Backward();
            c.Close("∂L/∂a (a feeds both the product and the sum)", a.Grad, -2, 1e-12);

            var rng = Seeded.Random(909);
            for (int trial = 0; trial < 3; trial++)
            {
                double u = rng.NextGaussian(), v = rng.NextGaussian(), w = rng.NextGaussian();
                c.Given($"seeded u = {u:G4}, v = {v:G4}, w = {w:G4}, L = tanh(multiply(multiply(u, v), w) + u)");
                var (lu, lv, lw) = (new Value(u), new Value(v), new Value(w));
                (multiply(multiply(lu, lv), lw) + lu).Tanh().Backward();
                var (eu, ev, ew) = (new Value(u), new Value(v), new Value(w));
                (eu * ev * ew + eu).Tanh().Backward();
                c.Close("∂L/∂u, ∂L/∂v, ∂L/∂w", [lu.Grad, lv.Grad, lw.Grad], [eu.Grad, ev.Grad, ew.Grad], 1e-12);
            }
        });
    }

    /// <summary>Exercise 2: a tanh node made with <see cref="Value.Operation"/>, forward and backward.</summary>
    public static CheckResult CheckTanh(Func<Value, Value> tanh)
    {
        Guard.NotNull(tanh, nameof(tanh));
        return Exercise.Check("Exercise 2: the backward of tanh", c =>
        {
            foreach (double at in new[] { 0.0, 0.5, -1.2, 2.0 })
            {
                // tanh'(x) = 1 − tanh²(x): 1 at 0, 1 − tanh²(0.5) ≈ 0.7864 (1 − x² would give 0.75), ...
                c.Given($"x = {at}, L = tanh(x) * 3");
                var x = new Value(at);
                var y = tanh(x);
                if (!c.True("a node was returned", y is not null, "tanh returned null.")) return;
                c.Close("tanh(x)", y!.Data, Math.Tanh(at), 1e-12);
                (y * 3).Backward();
                c.Close("∂L/∂x = 3(1 − tanh²x)", x.Grad, 3 * (1 - Math.Tanh(at) * Math.Tanh(at)), 1e-12);
            }
            // x used twice: L = tanh(x)·x, ∂L/∂x = (1 − tanh²x)·x + tanh x.
            c.Given("x = 0.8, L = tanh(x) * x");
            var z = new Value(0.8);
            (tanh(z) * z).Backward();
            double t = Math.Tanh(0.8);
            c.Close("∂L/∂x (x used by tanh and by the product)", z.Grad, (1 - t * t) * 0.8 + t, 1e-12);
        });
    }

    /// <summary>
    /// Exercise 3: reduce a gradient of shape <c>gradShape</c> to the shape <c>targetShape</c> of an input that was
    /// broadcast to it; return the values (row-major) and the shape, which must equal targetShape (size-1 axes kept).
    /// </summary>
    public static CheckResult CheckReduceToShape(Func<double[], int[], int[], (double[] Data, int[] Shape)> reduce)
    {
        Guard.NotNull(reduce, nameof(reduce));
        return Exercise.Check("Exercise 3: reduce a broadcast gradient to its input's shape", c =>
        {
            // By hand, grad (2, 3) = [[1, 2, 3], [4, 5, 6]]: to (3,) sum over rows [5, 7, 9]; to (2, 1) sum along rows and
            // keep the axis [[6], [15]]; to (1, 3) [[5, 7, 9]]; to () all of it, 21; to (2, 3) unchanged.
            double[] grad = [1, 2, 3, 4, 5, 6];
            var cases = new (int[] Target, double[] Expected)[]
            {
                ([3], [5, 7, 9]), ([2, 1], [6, 15]), ([1, 3], [5, 7, 9]), ([], [21]), ([2, 3], grad),
            };
            foreach (var (target, expected) in cases)
                Case(c, reduce, grad, [2, 3], target, expected);
            // Larger shapes, expected from the library's SumToShape (tested against TorchSharp's broadcasting backward).
            var rng = Seeded.Random(903);
            var big = Enumerable.Range(0, 24).Select(_ => Math.Round(rng.NextGaussian(), 3)).ToArray();
            foreach (var target in new[] { new[] { 4 }, new[] { 3, 1 }, new[] { 2, 1, 4 }, new[] { 1, 3, 1 }, new[] { 2, 3, 1 } })
                Case(c, reduce, big, [2, 3, 4], target, TensorShape.SumToShape(big, [2, 3, 4], target));
        });
    }

    private static void Case(Checker c, Func<double[], int[], int[], (double[] Data, int[] Shape)> reduce,
        double[] grad, int[] gradShape, int[] target, double[] expected)
    {
        c.Given($"grad of shape {TensorShape.Format(gradShape)}, target shape {TensorShape.Format(target)}");
        var (data, shape) = reduce((double[])grad.Clone(), (int[])gradShape.Clone(), (int[])target.Clone());
        if (!c.True("shape", shape is not null && shape.SequenceEqual(target),
                $"expected shape {TensorShape.Format(target)} but got {(shape is null ? "null" : TensorShape.Format(shape))}" +
                (shape is not null && shape.Length < target.Length ? " (keep the size-1 axes: the gradient must have the input's shape)." : ".")))
            return;
        if (c.True("values", data is not null, "the values are null."))
            c.Close("values", data!, expected, 1e-9);
    }
}
