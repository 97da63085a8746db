// Hidden checks for the drill "Implement LSTM forward pass", run by `course drill check` against the learner's file
// (format: docs/drills.md). Base class library only. The expected values are worked by hand in the comments, or come
// from the gate equations written out here once more, scalar by scalar, independently of the learner's loops.
using DrillHarness;
using Drills.Week12;

internal static class DrillChecks
{
    private static double S(double z) => 1 / (1 + Math.Exp(-z));

    // A 1-input, 1-unit LSTM with W_ih = [wi, wf, wg, wo] (rows i, f, g, o), W_hh = 0, biases 0.
    private static LstmLayer Scalar(double wi, double wf, double wg, double wo) =>
        new(new double[,] { { wi }, { wf }, { wg }, { wo } }, new double[4, 1], new double[4], new double[4]);

    public static void Define(CheckList checks)
    {
        // x = 1, all W_ih = 1: i = f = o = σ(1), g = tanh(1); c_1 = f·0 + i·g; h_1 = o·tanh(c_1) ≈ 0.3696.
        checks.Add("one step of a 1-unit LSTM (gates sigmoid, candidate tanh)", "W_ih = [1, 1, 1, 1], W_hh = 0, b = 0, x = [1]", () =>
        {
            double c1 = S(1) * Math.Tanh(1), h1 = S(1) * Math.Tanh(c1);
            var r = Scalar(1, 1, 1, 1).Forward([[1.0]]);
            return Expect.Near([h1, c1], [r.FinalHidden[0], r.FinalCell[0]], 1e-12);
        });

        // Distinct rows tell the gates apart: W_ih = [2, −1, 0.5, 3] for (i, f, g, o), x = 1, c_0 = 0.8, h_0 = 0:
        // c_1 = σ(−1)·0.8 + σ(2)·tanh(0.5), h_1 = σ(3)·tanh(c_1).
        checks.Add("gate order i, f, g, o and the forget gate scaling c_(t−1)", "W_ih = [2, -1, 0.5, 3], x = [1], h0 = [0], c0 = [0.8]", () =>
        {
            double c1 = S(-1) * 0.8 + S(2) * Math.Tanh(0.5), h1 = S(3) * Math.Tanh(c1);
            var r = Scalar(2, -1, 0.5, 3).Forward([[1.0]], [0.0], [0.8]);
            return Expect.Near([h1, c1], [r.FinalHidden[0], r.FinalCell[0]], 1e-12);
        });

        // Two steps with a recurrent weight: the second step must read h_1 through W_hh and keep c_1 through f.
        checks.Add("two steps: h_(t−1) feeds the gates, c_(t−1) is kept by f", "1 unit, W_ih = [1, 0.5, -1, 2], W_hh = [0.3, -0.4, 0.8, 0.1], x = [1], [-2]", () =>
        {
            var layer = new LstmLayer(new double[,] { { 1 }, { 0.5 }, { -1 }, { 2 } }, new double[,] { { 0.3 }, { -0.4 }, { 0.8 }, { 0.1 } }, new double[4], new double[4]);
            double h = 0, c = 0;
            var expected = new List<double>();
            foreach (double x in new[] { 1.0, -2.0 })
            {
                double i = S(x + 0.3 * h), f = S(0.5 * x - 0.4 * h), g = Math.Tanh(-x + 0.8 * h), o = S(2 * x + 0.1 * h);
                c = f * c + i * g;
                h = o * Math.Tanh(c);
                expected.Add(h);
            }
            expected.Add(c);
            var r = layer.Forward([[1.0], [-2.0]]);
            return Expect.Near([.. expected], [r.Outputs[0][0], r.Outputs[1][0], r.FinalCell[0]], 1e-12);
        });

        // A seeded 3-input, 2-unit layer over 5 steps with both biases: every output against the equations written out here.
        checks.Add("a seeded 3-input, 2-unit layer over 5 steps, both biases", "seed 12, T = 5", () =>
        {
            var rng = new Random(12);
            double G() => 2 * rng.NextDouble() - 1;
            var wIh = new double[8, 3];
            var wHh = new double[8, 2];
            for (int r0 = 0; r0 < 8; r0++) { for (int k = 0; k < 3; k++) wIh[r0, k] = G(); for (int k = 0; k < 2; k++) wHh[r0, k] = G(); }
            var bIh = Enumerable.Range(0, 8).Select(_ => G()).ToArray();
            var bHh = Enumerable.Range(0, 8).Select(_ => G()).ToArray();
            var xs = Enumerable.Range(0, 5).Select(_ => new[] { 2 * G(), 2 * G(), 2 * G() }).ToArray();
            var h = new double[2];
            var c = new double[2];
            var expected = new List<double>();
            foreach (var x in xs)
            {
                double A(int row) => bIh[row] + bHh[row] + Enumerable.Range(0, 3).Sum(k => wIh[row, k] * x[k]) + Enumerable.Range(0, 2).Sum(k => wHh[row, k] * h[k]);
                var hn = new double[2];
                var cn = new double[2];
                for (int j = 0; j < 2; j++)
                {
                    cn[j] = S(A(2 + j)) * c[j] + S(A(j)) * Math.Tanh(A(4 + j));
                    hn[j] = S(A(6 + j)) * Math.Tanh(cn[j]);
                }
                (h, c) = (hn, cn);
                expected.AddRange(h);
            }
            var result = new LstmLayer(wIh, wHh, bIh, bHh).Forward(xs);
            return Expect.Near([.. expected, .. c], [.. result.Outputs.SelectMany(o => o), .. result.FinalCell], 1e-12);
        });

        // A pre-activation of 800 overflows Math.Exp(800) in a naive 1/(1 + e^(−z)) only for z = −800; both must give 0 or 1, not NaN.
        checks.Add("large pre-activations give finite states (a stable sigmoid)", "W_ih = [800, -800, 800, 800], x = [1], then x = [-1]", () =>
        {
            var r = Scalar(800, -800, 800, 800).Forward([[1.0], [-1.0]]);
            var all = r.Outputs.SelectMany(o => o).Append(r.FinalCell[0]).ToArray();
            return Expect.That(all.All(double.IsFinite), "all finite", string.Join(", ", all));
        });

        checks.Add("an input of the wrong length is refused with ArgumentException", "I = 1, x_1 has 2 entries", () =>
            Expect.Throws<ArgumentException>(() => Scalar(1, 1, 1, 1).Forward([[1.0, 2.0]])));

        checks.Add("inconsistent weight shapes are refused with ArgumentException", "W_ih has 4 rows (H = 1) but W_hh is (8, 2)", () =>
            Expect.Throws<ArgumentException>(() => new LstmLayer(new double[4, 1], new double[8, 2], new double[4], new double[4])));
    }
}
