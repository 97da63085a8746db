using MlCourse.Core.Validation;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Scratch;
using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>The three gradients of a dense layer Z = X Wᵀ + 1bᵀ given δ = dL/dZ (Exercise 1).</summary>
public sealed record DenseGradient(Matrix<double> W, Vector<double> B, Matrix<double> X);

/// <summary>
/// Checkers for the exercises of week 9's main notebook (week09-neural-networks.ipynb, section 10
/// "Exercises"); the autodiff notebook (week09-autodiff.ipynb) has its own checkers.
/// Reference solutions: <see cref="Week09Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from places independent of the reference solutions: small cases worked by
/// hand (the arithmetic is in the comments), central finite differences, and the course library's
/// scratch network, whose own tests compare it with finite differences and TorchSharp autograd.
/// </remarks>
public static class Week09
{
    /// <summary>Exercise 1: dL/dW, dL/db and dL/dX of Z = X Wᵀ + 1bᵀ, given δ = dL/dZ.</summary>
    public static CheckResult CheckDenseBackward(Func<Matrix<double>, Matrix<double>, Matrix<double>, DenseGradient> backward)
    {
        Guard.NotNull(backward, nameof(backward));
        return Exercise.Check("Exercise 1: the backward pass of a dense layer", c =>
        {
            // By hand: X = [[1, 2], [3, 4]] (n = 2, k = 2), W = [[1, 0], [0, 1], [1, 1]] (m = 3), δ = [[1, 0, 1], [0, 2, 0]].
            // dW = δᵀX = [[1·1 + 0·3, 1·2 + 0·4], [0·1 + 2·3, 0·2 + 2·4], [1, 2]] = [[1, 2], [6, 8], [1, 2]];
            // db = column sums of δ = [1, 2, 1]; dX = δW = [[1 + 1, 0 + 1], [0, 2]] = [[2, 1], [0, 2]].
            var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
            var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
            var delta = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 1 }, { 0, 2, 0 } });
            c.Given("X = [[1, 2], [3, 4]], W = [[1, 0], [0, 1], [1, 1]] (3 units, 2 inputs), δ = [[1, 0, 1], [0, 2, 0]]");
            var g = backward(x, w, delta);
            c.Close("dL/dW (3 x 2)", g?.W, Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 6, 8 }, { 1, 2 } }), 1e-12);
            c.Close("dL/db (3)", g?.B, Vector<double>.Build.DenseOfArray([1, 2, 1]), 1e-12);
            c.Close("dL/dX (2 x 2)", g?.X, Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 0, 2 } }), 1e-12);

            // A seeded rectangular case (n = 5, k = 4, m = 3), against central finite differences of
            // L = Σ δ ⊙ (X Wᵀ + 1bᵀ), whose gradient is exactly what the layer's backward must return.
            var rng = Seeded.Random(9);
            var xr = Random(5, 4, rng);
            var wr = Random(3, 4, rng);
            var br = Vector<double>.Build.DenseOfArray([0.3, -0.2, 0.5]);
            var dr = Random(5, 3, rng);
            double L(Matrix<double> xx, Matrix<double> ww, Vector<double> bb) =>
                (xx * ww.Transpose()).PointwiseMultiply(dr).Enumerate().Sum() + dr.ColumnSums().DotProduct(bb);
            c.Given("a seeded case: X 5x4, W 3x4, δ 5x3 (expected values by finite differences)");
            g = backward(xr, wr, dr);
            c.Close("dL/dW", g?.W, Numeric(wr, m => L(xr, m, br)), 1e-7);
            c.Close("dL/db", g?.B, Vector<double>.Build.Dense(3, j => Partial(br, j, v => L(xr, wr, v))), 1e-7);
            c.Close("dL/dX", g?.X, Numeric(xr, m => L(m, wr, br)), 1e-7);
        });
    }

    /// <summary>Exercise 2: the sigmoid's backward pass from its saved output a = σ(z): dL/dz = dL/da ⊙ σ′(z).</summary>
    public static CheckResult CheckSigmoidBackward(Func<double[], double[], double[]> backward)
    {
        Guard.NotNull(backward, nameof(backward));
        return Exercise.Check("Exercise 2: the sigmoid's backward pass from its output", c =>
        {
            // By hand: z = 0 gives a = 1/2, σ′ = 1/4; with upstream gradient 2 the result is 1/2.
            c.Given("a = [0.5] (that is z = 0), dL/da = [2]");
            c.Close("dL/dz", backward([0.5], [2.0]), [0.5], 1e-12);

            // Seeded values of z, from strongly negative to strongly positive; the expected σ′(z) is the library's (tested by finite differences).
            var rng = Seeded.Random(4);
            var z = Enumerable.Range(0, 12).Select(_ => 8 * (rng.NextDouble() - 0.5)).ToArray();
            var a = z.Select(Activation.Sigmoid.Forward).ToArray();
            var da = z.Select(_ => rng.NextGaussian()).ToArray();
            c.Given("12 seeded z in [-4, 4]; you get a = σ(z) and dL/da");
            c.Close("dL/dz", backward(a, da), z.Select((v, i) => da[i] * Activation.Sigmoid.Derivative(v)).ToArray(), 1e-12);
        });
    }

    /// <summary>Exercise 3: the gradient of the mean softmax cross-entropy with respect to the logits, (B x K).</summary>
    public static CheckResult CheckCrossEntropyGradient(Func<Matrix<double>, int[], Matrix<double>> gradient)
    {
        Guard.NotNull(gradient, nameof(gradient));
        return Exercise.Check("Exercise 3: the softmax cross-entropy gradient", c =>
        {
            // By hand: logits (0, ln 3) give softmax (1/4, 3/4). One sample, label 1: (1/4, 3/4 − 1) = (1/4, −1/4).
            c.Given("logits = [[0, ln 3]], labels = [1]");
            c.Close("dL/dz", gradient(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, Math.Log(3) } }), [1]),
                Matrix<double>.Build.DenseOfArray(new double[,] { { 0.25, -0.25 } }), 1e-12);

            // Two copies of that sample: the loss is their mean, so each row's gradient is halved.
            c.Given("logits = [[0, ln 3], [0, ln 3]], labels = [1, 1] (the loss is the mean over the batch)");
            c.Close("dL/dz", gradient(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, Math.Log(3) }, { 0, Math.Log(3) } }), [1, 1]),
                Matrix<double>.Build.DenseOfArray(new double[,] { { 0.125, -0.125 }, { 0.125, -0.125 } }), 1e-12);

            // Large logits: the softmax must be computed stably (e^1000 overflows).
            c.Given("logits = [[1000, 1000]], labels = [0]");
            c.Close("dL/dz", gradient(Matrix<double>.Build.DenseOfArray(new double[,] { { 1000, 1000 } }), [0]),
                Matrix<double>.Build.DenseOfArray(new double[,] { { -0.5, 0.5 } }), 1e-12);

            // A seeded batch of 6 with 4 classes against the library (tested against TorchSharp's cross_entropy).
            var rng = Seeded.Random(12);
            var logits = Random(6, 4, rng) * 3;
            var labels = Enumerable.Range(0, 6).Select(_ => rng.Next(4)).ToArray();
            var expected = ScratchLosses.SoftmaxCrossEntropy(logits.ToRowMajorArray(), 6, 4, labels).Gradient;
            c.Given($"a seeded batch: logits 6x4, labels [{string.Join(", ", labels)}]");
            c.Close("dL/dz", gradient(logits, labels), Matrix<double>.Build.DenseOfRowMajor(6, 4, expected), 1e-10);
        });
    }

    private static Matrix<double> Random(int rows, int columns, Random rng)
    {
        // Filled in a plain loop: MathNet's builders may call an init function in parallel, and Random is not thread-safe.
        var values = new double[rows * columns];
        for (int i = 0; i < values.Length; i++) values[i] = rng.NextGaussian();
        return Matrix<double>.Build.DenseOfRowMajor(rows, columns, values);
    }

    // Central differences entry by entry; exact up to rounding here, because L is linear in each argument.
    private static Matrix<double> Numeric(Matrix<double> at, Func<Matrix<double>, double> f)
    {
        var result = Matrix<double>.Build.Dense(at.RowCount, at.ColumnCount);
        for (int i = 0; i < at.RowCount; i++)
            for (int j = 0; j < at.ColumnCount; j++)
            {
                var plus = at.Clone();
                var minus = at.Clone();
                plus[i, j] += 1e-5;
                minus[i, j] -= 1e-5;
                result[i, j] = (f(plus) - f(minus)) / 2e-5;
            }
        return result;
    }

    private static double Partial(Vector<double> at, int j, Func<Vector<double>, double> f)
    {
        var plus = at.Clone();
        var minus = at.Clone();
        plus[j] += 1e-5;
        minus[j] -= 1e-5;
        return (f(plus) - f(minus)) / 2e-5;
    }
}
