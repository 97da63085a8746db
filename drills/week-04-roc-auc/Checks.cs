// Hidden checks for the drill "Implement ROC AUC from scratch", run by `course drill check` against
// the learner's file (format: docs/drills.md). Base class library only. Every expected value is a hand
// count of (positive, negative) pairs written next to the check, or a property every correct AUC has.
using DrillHarness;
using Drills.Week04;

internal static class DrillChecks
{
    public static void Define(CheckList checks)
    {
        checks.Add("a perfect ranking has AUC 1", "y = [0, 0, 1, 1], scores = [0.1, 0.2, 0.8, 0.9]", () =>
            Expect.Near(1.0, RocAucDrill.Auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), 1e-12));

        checks.Add("a reversed ranking has AUC 0", "y = [1, 1, 0, 0], scores = [0.1, 0.2, 0.8, 0.9]", () =>
            Expect.Near(0.0, RocAucDrill.Auc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]), 1e-12));

        // Positives 0.35, 0.8; negatives 0.1, 0.4. Pairs won: 0.35>0.1, 0.8>0.1, 0.8>0.4 → 3 of 4.
        checks.Add("no ties: share of (positive, negative) pairs ranked correctly", "y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]", () =>
            Expect.Near(0.75, RocAucDrill.Auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 1e-12));

        // Positives 0.5, 0.9; negatives 0.5, 0.2. 0.5 vs 0.5 is a tie (1/2), the other three pairs are won → 3.5 / 4.
        checks.Add("a tied positive-negative pair counts one half", "y = [0, 1, 0, 1], scores = [0.5, 0.5, 0.2, 0.9]", () =>
            Expect.Near(0.875, RocAucDrill.Auc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 1e-12));

        checks.Add("all scores equal gives 0.5", "y = [0, 1, 1, 0, 1], every score 0.3", () =>
            Expect.Near(0.5, RocAucDrill.Auc([0, 1, 1, 0, 1], [0.3, 0.3, 0.3, 0.3, 0.3]), 1e-12));

        checks.Add("AUC depends only on the ranking", "y = [0, 1, 0, 1, 1, 0, 0], scores s and exp(5·s)", () =>
        {
            int[] y = [0, 1, 0, 1, 1, 0, 0];
            double[] s = [0.2, 0.9, 0.4, 0.3, 0.8, 0.1, 0.35];
            return Expect.Near(RocAucDrill.Auc(y, s), RocAucDrill.Auc(y, [.. s.Select(v => Math.Exp(5 * v))]), 1e-12);
        });

        // Score i for i = 0..n−1, label 1 for odd i. Positive 2k+1 beats the k+1 negatives 0, 2, ..., 2k,
        // so U = Σ_{k<P} (k+1) = P(P+1)/2 and AUC = (P+1)/(2N) = 100001/200000 with P = N = 100000.
        // The O(P·N) pair loop needs 10^10 comparisons here and runs out of time.
        checks.Add("200,000 scores in O(n log n) time", "scores = 0..199999 in shuffled order, y = 1 where the score is odd", () =>
        {
            int n = 200_000;
            var order = Enumerable.Range(0, n).ToArray();
            var random = new Random(4);
            for (int i = n - 1; i > 0; i--) { int j = random.Next(i + 1); (order[i], order[j]) = (order[j], order[i]); }
            return Expect.Near(100001.0 / 200000.0, RocAucDrill.Auc([.. order.Select(v => v % 2)], [.. order.Select(v => (double)v)]), 1e-12);
        });

        checks.Add("a single class is refused with ArgumentException", "y = [1, 1, 1], scores = [0.2, 0.5, 0.9]", () =>
            Expect.Throws<ArgumentException>(() => RocAucDrill.Auc([1, 1, 1], [0.2, 0.5, 0.9])));

        checks.Add("a label other than 0 or 1 is refused with ArgumentException", "y = [0, 2], scores = [0.2, 0.5]", () =>
            Expect.Throws<ArgumentException>(() => RocAucDrill.Auc([0, 2], [0.2, 0.5])));

        checks.Add("computing AUC does not modify the inputs", "y = [0, 1, 0, 1], scores = [0.9, 0.1, 0.5, 0.3]", () =>
        {
            int[] y = [0, 1, 0, 1];
            double[] s = [0.9, 0.1, 0.5, 0.3];
            RocAucDrill.Auc(y, s);
            bool same = y.SequenceEqual([0, 1, 0, 1]) && s.SequenceEqual([0.9, 0.1, 0.5, 0.3]);
            return Expect.That(same, "y and scores unchanged", same ? "unchanged" : "changed");
        });
    }
}
