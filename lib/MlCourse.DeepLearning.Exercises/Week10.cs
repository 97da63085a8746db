using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Convolution;
using MlCourse.DeepLearning.Scratch;
using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Checkers for the exercises of week 10 (convolutional networks). Reference solutions: <see cref="Week10Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from small cases worked by hand (the arithmetic is in the comments) and from the course
/// library's <see cref="ConvolutionShape"/> and <see cref="ScratchConv2d"/>, whose own tests compare them with
/// TorchSharp's nn.Conv2d shapes and functional.conv2d outputs.
/// </remarks>
public static class Week10
{
    /// <summary>Exercise 1: the output length of a convolution along one axis, given (n, k, padding, stride, dilation).</summary>
    public static CheckResult CheckOutputSize(Func<int, int, int, int, int, int> outputSize)
    {
        Guard.NotNull(outputSize, nameof(outputSize));
        return Exercise.Check("Exercise 1: the output size of a convolution", c =>
        {
            // By hand: n = 28, k = 5, no padding, stride 1: 28 − 5 + 1 = 24 (LeNet's first layer).
            c.Given("n = 28, k = 5, padding 0, stride 1, dilation 1");
            c.Equal("output size", outputSize(28, 5, 0, 1, 1), 24);
            // n = 7, k = 3, p = 1, s = 2: (7 + 2 − 3)/2 + 1 = 3 + 1 = 4. ceil instead of floor would still give 4 here,
            // so the next case has a remainder: n = 8: floor((8 + 2 − 3)/2) + 1 = floor(3.5) + 1 = 4, ceil would give 5.
            c.Given("n = 8, k = 3, padding 1, stride 2, dilation 1 (the stride does not divide evenly: floor)");
            c.Equal("output size", outputSize(8, 3, 1, 2, 1), 4);
            // Dilation 2 spreads k = 3 taps over 2·(3 − 1) + 1 = 5 positions: n = 10, p = 0: 10 − 5 + 1 = 6.
            c.Given("n = 10, k = 3, padding 0, stride 1, dilation 2");
            c.Equal("output size", outputSize(10, 3, 0, 1, 2), 6);
            // A seeded grid of settings against the library (tested against TorchSharp's conv shapes).
            var rng = Seeded.Random(10);
            for (int t = 0; t < 40; t++)
            {
                int n = rng.Next(5, 40), k = rng.Next(1, 6), p = rng.Next(0, 3), s = rng.Next(1, 4), d = rng.Next(1, 4);
                if (d * (k - 1) + 1 > n + 2 * p) continue;
                c.Given($"n = {n}, k = {k}, padding {p}, stride {s}, dilation {d}");
                if (!c.Equal("output size", outputSize(n, k, p, s, d), ConvolutionShape.OutputSize(n, k, p, s, d))) return;
            }
        });
    }

    /// <summary>
    /// Exercise 2: a single-channel 2-D convolution as PyTorch computes it (a cross-correlation, no kernel flip), with zero
    /// padding and a stride: y[i, j] = Σ_{a, b} x[i·s − p + a, j·s − p + b] · w[a, b].
    /// </summary>
    public static CheckResult CheckConv2dForward(Func<double[,], double[,], int, int, double[,]> conv2d)
    {
        Guard.NotNull(conv2d, nameof(conv2d));
        return Exercise.Check("Exercise 2: conv2d forward (one channel, padding, stride)", c =>
        {
            // By hand: x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 0], [0, −1]] (not symmetric, so a flipped kernel shows):
            // y[0,0] = 1 − 5 = −4, y[0,1] = 2 − 6 = −4, y[1,0] = 4 − 8 = −4, y[1,1] = 5 − 9 = −4. A flipped kernel gives +4.
            var x = new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
            var w = new double[,] { { 1, 0 }, { 0, -1 } };
            c.Given("x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 0], [0, -1]], padding 0, stride 1");
            if (!Same(c, conv2d(x, w, 0, 1), new double[,] { { -4, -4 }, { -4, -4 } })) return;
            // Padding 1, stride 2 on the same x: floor((3 + 2 − 2)/2) + 1 = 2 per axis. Window (i, j) starts at (2i − 1, 2j − 1);
            // only the in-range taps count: y[0,0] = −x[0,0] = −1, y[0,1] = −x[0,2] = −3, y[1,0] = −x[2,0] = −7, y[1,1] = x[1,1] − x[2,2] = −4.
            c.Given("the same x and w, padding 1, stride 2");
            if (!Same(c, conv2d(x, w, 1, 2), new double[,] { { -1, -3 }, { -7, -4 } })) return;
            // A seeded 7x6 input, 3x3 kernel, padding 1, stride 2 against the library's scratch conv2d.
            var rng = Seeded.Random(11);
            var xr = new double[7, 6];
            var wr = new double[3, 3];
            for (int i = 0; i < 7; i++) for (int j = 0; j < 6; j++) xr[i, j] = Math.Round(rng.NextGaussian(), 3);
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) wr[i, j] = Math.Round(rng.NextGaussian(), 3);
            var layer = new ScratchConv2d(1, 1, 3, 3, wr.Cast<double>().ToArray(), [0.0], new Conv2dOptions(Stride: 2, Padding: 1));
            var shape = new ImageShape(1, 1, 7, 6);
            var outShape = layer.OutputShape(shape);
            var flat = layer.Forward(xr.Cast<double>().ToArray(), shape);
            var expected = new double[outShape.Height, outShape.Width];
            for (int i = 0; i < outShape.Height; i++) for (int j = 0; j < outShape.Width; j++) expected[i, j] = flat[i * outShape.Width + j];
            c.Given("a seeded 7x6 input, a 3x3 kernel, padding 1, stride 2 (non-square, so rows and columns must not be swapped)");
            Same(c, conv2d(xr, wr, 1, 2), expected);
        });
    }

    private static bool Same(Checker c, double[,]? actual, double[,] expected)
    {
        if (!c.Equal("output shape (rows, columns)", actual is null ? "null" : $"({actual.GetLength(0)}, {actual.GetLength(1)})",
                $"({expected.GetLength(0)}, {expected.GetLength(1)})")) return false;
        return c.Close("output values (row by row)", actual!.Cast<double>().ToArray(), expected.Cast<double>().ToArray(), 1e-9);
    }
}
