// Hidden checks for the drill "Calculate output dimensions for a conv layer", run by `course drill check` against the
// learner's file (format: docs/drills.md). Base class library only. Expected sizes are worked by hand (in the comments);
// the seeded forward case is compared with a direct sum these checks compute themselves, with the PyTorch index rule.
using DrillHarness;
using Drills.Week10;

internal static class DrillChecks
{
    private static double[] Flat(Array a) => a.Cast<double>().ToArray();

    // y[o, i, j] = b[o] + Σ x[c, i·s − p + a, j·s − p + e] w[o, c, a, e], written independently of any learner code.
    private static double[] Direct(double[,,] x, double[,,,] w, double[] b, int p, int s, int oh, int ow)
    {
        var y = new List<double>();
        for (int o = 0; o < w.GetLength(0); o++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                {
                    double sum = b[o];
                    for (int c = 0; c < x.GetLength(0); c++)
                        for (int a = 0; a < w.GetLength(2); a++)
                            for (int e = 0; e < w.GetLength(3); e++)
                            {
                                int r = i * s - p + a, q = j * s - p + e;
                                if (r >= 0 && r < x.GetLength(1) && q >= 0 && q < x.GetLength(2)) sum += x[c, r, q] * w[o, c, a, e];
                            }
                    y.Add(sum);
                }
        return [.. y];
    }

    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]] (one channel), w = [[1, 0], [0, −1]] (one filter).
    private static (double[,,] X, double[,,,] W) HandCase()
    {
        var x = new double[1, 3, 3];
        for (int i = 0; i < 9; i++) x[0, i / 3, i % 3] = i + 1;
        var w = new double[1, 1, 2, 2];
        w[0, 0, 0, 0] = 1;
        w[0, 0, 1, 1] = -1;
        return (x, w);
    }

    public static void Define(CheckList checks)
    {
        // 28 − 5 + 1 = 24 (LeNet's first layer without padding).
        checks.Add("output size without padding or stride", "n = 28, k = 5, p = 0, s = 1, d = 1", () =>
            Expect.Near(24, Conv.OutputSize(28, 5, 0, 1, 1), 0));
        // floor((8 + 2 − 3)/2) + 1 = floor(3.5) + 1 = 4; ceil would give 5.
        checks.Add("output size when the stride does not divide evenly (floor)", "n = 8, k = 3, p = 1, s = 2, d = 1", () =>
            Expect.Near(4, Conv.OutputSize(8, 3, 1, 2, 1), 0));
        // Span 2·(3 − 1) + 1 = 5: floor((32 + 2 − 5)/2) + 1 = 15; without the dilation 16.
        checks.Add("output size with dilation", "n = 32, k = 3, p = 1, s = 2, d = 2", () =>
            Expect.Near(15, Conv.OutputSize(32, 3, 1, 2, 2), 0));
        // "Same" padding p = d(k − 1)/2: k = 7, d = 1, p = 3 keeps 20 − 7 + 6 + 1 = 20.
        checks.Add("same padding keeps the size", "n = 20, k = 7, p = 3, s = 1, d = 1", () =>
            Expect.Near(20, Conv.OutputSize(20, 7, 3, 1, 1), 0));
        checks.Add("a kernel wider than the padded input is refused with ArgumentException", "n = 4, k = 3, p = 0, d = 2 (span 5)", () =>
            Expect.Throws<ArgumentException>(() => Conv.OutputSize(4, 3, 0, 1, 2)));

        // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 0], [0, −1]] (not symmetric, so a flip shows), b = 0.5:
        // every window gives x[i, j] − x[i+1, j+1] = −4, plus 0.5: −3.5 (a flipped kernel gives +4.5).
        checks.Add("forward of a hand-sized single-channel case", "x 1x3x3 = 1..9, w 1x1x2x2 = [[1,0],[0,-1]], b = [0.5], p = 0, s = 1", () =>
        {
            var (x, w) = HandCase();
            return Expect.Near([-3.5, -3.5, -3.5, -3.5], Flat(Conv.Forward(x, w, [0.5], 0, 1)), 1e-12);
        });

        // The same x, w, b = 0, p = 1, s = 2: window (i, j) starts at (2i − 1, 2j − 1): −x[0,0], −x[0,2], −x[2,0], x[1,1] − x[2,2].
        checks.Add("forward with padding and stride", "the same x and w, b = [0], p = 1, s = 2", () =>
        {
            var (x, w) = HandCase();
            return Expect.Near([-1, -3, -7, -4], Flat(Conv.Forward(x, w, [0], 1, 2)), 1e-12);
        });

        checks.Add("forward of a seeded multi-channel case", "x 3x7x6, w 2x3x3x3, b = [0.1, -0.2], p = 1, s = 2 (output 2x4x3)", () =>
        {
            var rng = new Random(10);
            var x = new double[3, 7, 6];
            var w = new double[2, 3, 3, 3];
            for (int c = 0; c < 3; c++) for (int i = 0; i < 7; i++) for (int j = 0; j < 6; j++) x[c, i, j] = 2 * rng.NextDouble() - 1;
            for (int o = 0; o < 2; o++) for (int c = 0; c < 3; c++) for (int a = 0; a < 3; a++) for (int e = 0; e < 3; e++) w[o, c, a, e] = 2 * rng.NextDouble() - 1;
            double[] b = [0.1, -0.2];
            var y = Conv.Forward(x, w, b, 1, 2);
            if (y.GetLength(0) != 2 || y.GetLength(1) != 4 || y.GetLength(2) != 3)
                return Expect.That(false, "shape (2, 4, 3)", $"shape ({y.GetLength(0)}, {y.GetLength(1)}, {y.GetLength(2)})");
            return Expect.Near(Direct(x, w, b, 1, 2, 4, 3), Flat(y), 1e-10);
        });

        checks.Add("a weight with the wrong input channel count is refused with ArgumentException", "x has 2 channels, w expects 3", () =>
            Expect.Throws<ArgumentException>(() => Conv.Forward(new double[2, 4, 4], new double[1, 3, 3, 3], [0], 0, 1)));
    }
}
