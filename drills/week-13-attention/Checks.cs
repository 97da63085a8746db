// Hidden checks for the drill "Implement attention in 20 minutes", run by `course drill check` against the learner's file
// (format: docs/drills.md). Base class library only. Expected values are worked by hand (in the comments) or are
// properties every correct answer has, so none of them comes from the reference solution.
using DrillHarness;
using Drills.Week13;

internal static class DrillChecks
{
    private static double[,] Draw(int rows, int columns, int seed, double spread = 1)
    {
        var rng = new Random(seed);
        var x = new double[rows, columns];
        for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) x[i, j] = spread * (2 * rng.NextDouble() - 1);
        return x;
    }

    private static double[] Row(double[,] x, int i) => Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray();
    private static double[] Flat(double[,] x) => x.Cast<double>().ToArray();

    public static void Define(CheckList checks)
    {
        // By hand: q = [1, 0], keys [1, 0] and [0, 1], d_k = 2: scores [1/√2, 0], so the first weight is
        // e^{1/√2} / (e^{1/√2} + 1) = σ(1/√2) ≈ 0.6698 (without the √d_k it would be σ(1) ≈ 0.7311).
        checks.Add("a hand-sized case: weights σ(1/√2) and 1 − σ(1/√2), output their mix of v", "q = [[1,0]], k = [[1,0],[0,1]], v = [[1,2],[3,4]]", () =>
        {
            var (output, weights) = Attention.ScaledDotProduct(new double[,] { { 1, 0 } }, new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 2 }, { 3, 4 } });
            double p = 1 / (1 + Math.Exp(-1 / Math.Sqrt(2)));
            return Expect.Near([p, 1 - p, p * 1 + (1 - p) * 3, p * 2 + (1 - p) * 4], [.. Flat(weights), .. Flat(output)], 1e-12);
        });

        checks.Add("each query's weights sum to one over the keys", "q 3x4, k 5x4, v 5x2, seeded", () =>
        {
            var (_, weights) = Attention.ScaledDotProduct(Draw(3, 4, 1), Draw(5, 4, 2), Draw(5, 2, 3));
            return Expect.Near([1.0, 1.0, 1.0], Enumerable.Range(0, 3).Select(i => Row(weights, i).Sum()).ToArray(), 1e-12);
        });

        // Equal keys give equal scores: uniform weights, so the output is the mean of the value rows.
        checks.Add("identical keys: the output is the mean of the values", "k = four copies of one row, v 4x3 seeded", () =>
        {
            var k = new double[4, 3];
            for (int j = 0; j < 4; j++) { k[j, 0] = 0.5; k[j, 1] = -1; k[j, 2] = 2; }
            var v = Draw(4, 3, 4);
            var (output, _) = Attention.ScaledDotProduct(Draw(2, 3, 5), k, v);
            var mean = Enumerable.Range(0, 3).Select(m => Enumerable.Range(0, 4).Average(j => v[j, m])).ToArray();
            return Expect.Near([.. mean, .. mean], Flat(output), 1e-12);
        });

        checks.Add("scores of 10⁴ stay finite (the row maximum is subtracted)", "q, k entries of size 100, d_k = 2", () =>
        {
            var (output, weights) = Attention.ScaledDotProduct(Draw(3, 2, 6, 100), Draw(3, 2, 7, 100), Draw(3, 2, 8));
            bool finite = Flat(output).Concat(Flat(weights)).All(double.IsFinite);
            return Expect.That(finite, "all weights and outputs finite", finite ? "finite" : "NaN or ∞ found");
        });

        // A disallowed key gets weight 0, so changing its value row cannot change the output.
        checks.Add("a masked key gets weight 0 and its value does not matter", "q 2x3, k 3x3, key 1 masked for both queries", () =>
        {
            var allowed = new bool[,] { { true, false, true }, { true, false, true } };
            var (q, k, v) = (Draw(2, 3, 9), Draw(3, 3, 10), Draw(3, 2, 11));
            var (first, weights) = Attention.ScaledDotProduct(q, k, v, allowed);
            v[1, 0] += 5; v[1, 1] -= 5;
            var (second, _) = Attention.ScaledDotProduct(q, k, v, allowed);
            return Expect.Near([0, 0, .. Flat(first)], [weights[0, 1], weights[1, 1], .. Flat(second)], 1e-12);
        });

        checks.Add("the causal mask lets query i see keys 0..i", "n = 3", () =>
            Expect.Near([1, 0, 0, 1, 1, 0, 1, 1, 1], Attention.Causal(3).Cast<bool>().Select(b => b ? 1.0 : 0.0).ToArray(), 0));

        // Under a causal mask, position t's output depends on positions ≤ t only: perturb the last token, the rest stays.
        checks.Add("causal multi-head attention: changing the last token leaves earlier outputs unchanged", "T = 4, E = 4, 2 heads", () =>
        {
            var (wq, wk, wv, wo) = (Draw(4, 4, 12), Draw(4, 4, 13), Draw(4, 4, 14), Draw(4, 4, 15));
            var x = Draw(4, 4, 16);
            var before = Attention.MultiHeadSelfAttention(x, wq, wk, wv, wo, 2, causal: true);
            for (int m = 0; m < 4; m++) x[3, m] += 1;
            var after = Attention.MultiHeadSelfAttention(x, wq, wk, wv, wo, 2, causal: true);
            return Expect.Near(Flat(before)[..12], Flat(after)[..12], 1e-12);
        });

        // Identity projections and 2 heads on x = [[1, 0, 0, 1], [0, 1, 1, 0]] (d = 2 per head). Head 0 sees features 0-1:
        // rows [1, 0] and [0, 1]; head 1 sees features 2-3: rows [0, 1] and [1, 0]. In both heads a row's score with itself
        // is 1/√2 and with the other row 0, so with p = σ(1/√2) row 0 gets p·[1, 0] + (1 − p)·[0, 1] from head 0 and
        // p·[0, 1] + (1 − p)·[1, 0] from head 1: [p, 1 − p, 1 − p, p]; row 1 likewise [1 − p, p, p, 1 − p].
        checks.Add("two heads with identity weights, worked by hand", "x = [[1,0,0,1],[0,1,1,0]], all W = I, 2 heads", () =>
        {
            var eye = new double[4, 4];
            for (int m = 0; m < 4; m++) eye[m, m] = 1;
            var y = Attention.MultiHeadSelfAttention(new double[,] { { 1, 0, 0, 1 }, { 0, 1, 1, 0 } }, eye, eye, eye, eye, 2);
            double p = 1 / (1 + Math.Exp(-1 / Math.Sqrt(2)));
            return Expect.Near([p, 1 - p, 1 - p, p, 1 - p, p, p, 1 - p], Flat(y), 1e-12);
        });

        // One head per feature (d = 1, scale 1) differs from one wide head (d = 4, scale 1/2): a head count that is ignored fails.
        checks.Add("the number of heads matters", "x 3x4 seeded, W seeded, 1 head against 4 heads", () =>
        {
            var (x, wq, wk, wv, wo) = (Draw(3, 4, 17), Draw(4, 4, 18), Draw(4, 4, 19), Draw(4, 4, 20), Draw(4, 4, 21));
            double gap = Flat(Attention.MultiHeadSelfAttention(x, wq, wk, wv, wo, 1)).Zip(Flat(Attention.MultiHeadSelfAttention(x, wq, wk, wv, wo, 4)), (a, b) => Math.Abs(a - b)).Max();
            return Expect.That(gap > 1e-3, "outputs that differ", $"largest difference {Expect.Format(gap)}");
        });

        checks.Add("heads that do not divide E are refused with ArgumentException", "E = 4, heads = 3", () =>
            Expect.Throws<ArgumentException>(() => Attention.MultiHeadSelfAttention(new double[2, 4], new double[4, 4], new double[4, 4], new double[4, 4], new double[4, 4], 3)));

        checks.Add("keys whose width differs from the queries' are refused with ArgumentException", "q 2x3, k 2x4", () =>
            Expect.Throws<ArgumentException>(() => Attention.ScaledDotProduct(new double[2, 3], new double[2, 4], new double[2, 1])));
    }
}
