// Hidden checks for the drill "Implement forward + backward pass in 30 minutes", run by `course drill check`
// against the learner's file (format: docs/drills.md). Base class library only. Expected values are worked
// by hand (in the comments) or are central finite differences of a cross-entropy these checks compute
// themselves from the learner's logits, so a wrong loss cannot make a wrong gradient look right.
using DrillHarness;
using Drills.Week09;

internal static class DrillChecks
{
    // A seeded 5-sample, 4-feature, 6-hidden, 3-class problem; some hidden pre-activations are negative,
    // so the ReLU mask matters.
    private static (double[,] W1, double[] B1, double[,] W2, double[] B2, double[,] X, int[] Y) Problem()
    {
        var rng = new Random(9);
        double G() => 2 * rng.NextDouble() - 1;
        var w1 = new double[6, 4];
        var w2 = new double[3, 6];
        var x = new double[5, 4];
        for (int j = 0; j < 6; j++) for (int m = 0; m < 4; m++) w1[j, m] = G();
        for (int c = 0; c < 3; c++) for (int j = 0; j < 6; j++) w2[c, j] = G();
        for (int i = 0; i < 5; i++) for (int m = 0; m < 4; m++) x[i, m] = 2 * G();
        double[] b1 = [0.1, -0.2, 0.05, 0.3, -0.1, 0.0];
        double[] b2 = [0.2, -0.1, 0.0];
        return (w1, b1, w2, b2, x, [0, 2, 1, 1, 0]);
    }

    private static double MeanCrossEntropy(double[,] logits, int[] y)
    {
        double total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int c = 0; c < logits.GetLength(1); c++) max = Math.Max(max, logits[i, c]);
            for (int c = 0; c < logits.GetLength(1); c++) sum += Math.Exp(logits[i, c] - max);
            total += Math.Log(sum) + max - logits[i, y[i]];
        }
        return total / y.Length;
    }

    // Central differences of the checks' own loss, entry by entry of one parameter array (nudged in place, restored).
    private static double[] Numeric(Array parameter, Func<double> loss)
    {
        var result = new double[parameter.Length];
        for (int k = 0; k < parameter.Length; k++)
        {
            var index = parameter.Rank == 1 ? new[] { k } : new[] { k / parameter.GetLength(1), k % parameter.GetLength(1) };
            double saved = (double)parameter.GetValue(index)!;
            parameter.SetValue(saved + 1e-6, index); double up = loss();
            parameter.SetValue(saved - 1e-6, index); double down = loss();
            parameter.SetValue(saved, index);
            result[k] = (up - down) / 2e-6;
        }
        return result;
    }

    private static double[] Flat(Array a) => a.Cast<double>().ToArray();

    public static void Define(CheckList checks)
    {
        // By hand: W1 = [[1, −1], [0, 2]], b1 = [0, −1], x = [3, 1]: z1 = [2, 1], a1 = [2, 1];
        // W2 = [[1, 1], [−1, 0]], b2 = [0.5, 0]: logits = [3.5, −2].
        checks.Add("forward pass of a hand-sized network", "W1 = [[1,-1],[0,2]], b1 = [0,-1], W2 = [[1,1],[-1,0]], b2 = [0.5,0], x = [[3,1]]", () =>
        {
            var net = new TwoLayerNet(new double[,] { { 1, -1 }, { 0, 2 } }, [0, -1], new double[,] { { 1, 1 }, { -1, 0 } }, [0.5, 0]);
            return Expect.Near([3.5, -2], Flat(net.Forward(new double[,] { { 3, 1 } })), 1e-12);
        });

        // Same network, x = [−1, 1]: z1 = [−2, 1], so the ReLU zeroes the first unit: a1 = [0, 1], logits = [1.5, 0].
        checks.Add("the ReLU zeroes negative pre-activations", "the same network, x = [[-1, 1]]", () =>
        {
            var net = new TwoLayerNet(new double[,] { { 1, -1 }, { 0, 2 } }, [0, -1], new double[,] { { 1, 1 }, { -1, 0 } }, [0.5, 0]);
            return Expect.Near([1.5, 0], Flat(net.Forward(new double[,] { { -1, 1 } })), 1e-12);
        });

        // All-zero weights give equal logits, so softmax is uniform and the loss is ln K = ln 3 for any labels.
        checks.Add("zero weights: the loss is ln K", "W1, b1, W2, b2 all zero, K = 3, 4 samples", () =>
        {
            var net = new TwoLayerNet(new double[2, 2], new double[2], new double[3, 2], new double[3]);
            return Expect.Near(Math.Log(3), net.LossAndGradients(new double[,] { { 1, 2 }, { 3, 4 }, { -1, 0 }, { 0, 5 } }, [0, 1, 2, 0]).Loss, 1e-12);
        });

        checks.Add("the loss is the mean cross-entropy of the logits", "a seeded 5x4 batch, 6 hidden units, 3 classes", () =>
        {
            var (w1, b1, w2, b2, x, y) = Problem();
            var net = new TwoLayerNet(w1, b1, w2, b2);
            return Expect.Near(MeanCrossEntropy(net.Forward(x), y), net.LossAndGradients(x, y).Loss, 1e-12);
        });

        checks.Add("dL/dW2 and dL/db2 match finite differences", "the seeded problem", () =>
        {
            var (w1, b1, w2, b2, x, y) = Problem();
            var net = new TwoLayerNet(w1, b1, w2, b2);
            var g = net.LossAndGradients(x, y);
            double Loss() => MeanCrossEntropy(net.Forward(x), y);
            return Expect.Near([.. Numeric(w2, Loss), .. Numeric(b2, Loss)], [.. Flat(g.DW2), .. g.DB2], 1e-7);
        });

        checks.Add("dL/dW1 and dL/db1 match finite differences (through the ReLU mask)", "the seeded problem", () =>
        {
            var (w1, b1, w2, b2, x, y) = Problem();
            var net = new TwoLayerNet(w1, b1, w2, b2);
            var g = net.LossAndGradients(x, y);
            double Loss() => MeanCrossEntropy(net.Forward(x), y);
            return Expect.Near([.. Numeric(w1, Loss), .. Numeric(b1, Loss)], [.. Flat(g.DW1), .. g.DB1], 1e-7);
        });

        // The loss is a mean: two copies of a sample give exactly the gradient of one.
        checks.Add("a batch of two identical samples has the gradient of one (the 1/B)", "the seeded network; x = row 0 once, then twice", () =>
        {
            var (w1, b1, w2, b2, x, _) = Problem();
            var net = new TwoLayerNet(w1, b1, w2, b2);
            var one = new double[1, 4];
            var two = new double[2, 4];
            for (int m = 0; m < 4; m++) one[0, m] = two[0, m] = two[1, m] = x[0, m];
            var g1 = net.LossAndGradients(one, [2]);
            var g2 = net.LossAndGradients(two, [2, 2]);
            return Expect.Near([.. Flat(g1.DW1), .. Flat(g1.DW2)], [.. Flat(g2.DW1), .. Flat(g2.DW2)], 1e-12);
        });

        // 300 steps of lr 0.5 on the seeded problem: gradient descent must drive the training loss down a lot.
        checks.Add("300 SGD steps drive the training loss below 0.05", "the seeded problem, lr = 0.5", () =>
        {
            var (w1, b1, w2, b2, x, y) = Problem();
            var net = new TwoLayerNet(w1, b1, w2, b2);
            for (int t = 0; t < 300; t++) net.SgdStep(net.LossAndGradients(x, y), 0.5);
            double loss = MeanCrossEntropy(net.Forward(x), y);
            return Expect.That(loss < 0.05, "loss < 0.05", Expect.Format(loss));
        });

        checks.Add("an input with the wrong number of features is refused with ArgumentException", "W1 expects 2 features, x has 3", () =>
            Expect.Throws<ArgumentException>(() => new TwoLayerNet(new double[2, 2], new double[2], new double[3, 2], new double[3]).Forward(new double[1, 3])));

        checks.Add("inconsistent layer shapes are refused with ArgumentException", "W1 is 2x2 but W2 has 3 columns", () =>
            Expect.Throws<ArgumentException>(() => new TwoLayerNet(new double[2, 2], new double[2], new double[3, 3], new double[3])));
    }
}
