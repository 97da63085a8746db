// Hidden checks for the drill "Implement decision tree split finding", run by `course drill check` against the
// learner's file (format: docs/drills.md). Base class library only. Expected values are hand computations written
// next to each check, or a brute-force search written here from the definition.
using DrillHarness;
using Drills.Week05;

internal static class DrillChecks
{
    public static void Define(CheckList checks)
    {
        // One feature, x = 1..6, y = 0 0 0 1 1 1: the cut at 3.5 leaves two pure children, weighted Gini 0.
        checks.Add("a clean cut is found at the midpoint", "x = [[1], [2], [3], [4], [5], [6]], y = [0, 0, 0, 1, 1, 1]", () =>
        {
            var s = SplitFindingDrill.BestSplit([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1]);
            return Expect.Near([0, 3.5, 0], [s.Feature, s.Threshold, s.WeightedGini], 1e-12);
        });

        // Feature 0 (1, 3, 2, 4 with labels 0, 0, 1, 1): its best cut, 1.5, leaves {0} and {0, 1, 1}: weighted
        // 3/4 · (1 − 1/9 − 4/9) = 1/3. Feature 1 (10, 10, 20, 20): the cut 15 is pure, weighted Gini 0.
        checks.Add("the better of two features wins", "x = [[1, 10], [3, 10], [2, 20], [4, 20]], y = [0, 0, 1, 1]", () =>
        {
            var s = SplitFindingDrill.BestSplit([[1, 10], [3, 10], [2, 20], [4, 20]], [0, 0, 1, 1]);
            return Expect.Near([1, 15, 0], [s.Feature, s.Threshold, s.WeightedGini], 1e-12);
        });

        // Unsorted with repeats: x = [2, 1, 2, 3, 1], y = [1, 0, 1, 1, 0]. Distinct values 1, 2, 3; t = 1.5 separates
        // {0, 0} from {1, 1, 1}. No threshold may sit between the two 2s.
        checks.Add("unsorted input with repeated values", "x = [[2], [1], [2], [3], [1]], y = [1, 0, 1, 1, 0]", () =>
        {
            var s = SplitFindingDrill.BestSplit([[2], [1], [2], [3], [1]], [1, 0, 1, 1, 0]);
            return Expect.Near([0, 1.5, 0], [s.Feature, s.Threshold, s.WeightedGini], 1e-12);
        });

        // x = [1, 1, 2, 2], y = [0, 1, 0, 1]: the only threshold is 1.5, each child is (0, 1) with Gini 1/2, weighted 1/2.
        // An answer that splits between the equal 1s would report a purer but impossible split.
        checks.Add("no threshold between equal values", "x = [[1], [1], [2], [2]], y = [0, 1, 0, 1]", () =>
        {
            var s = SplitFindingDrill.BestSplit([[1], [1], [2], [2]], [0, 1, 0, 1]);
            return Expect.Near([0, 1.5, 0.5], [s.Feature, s.Threshold, s.WeightedGini], 1e-12);
        });

        // Weighting matters: x = 1..6, y = 0 1 0 1 1 1 (rows given in reverse order). Weighted Gini per threshold:
        // 1.5: {0} 0 and {1,0,1,1,1} 0.32 → 5/6 · 0.32 = 0.267;  2.5: (2 · 0.5 + 4 · 0.375)/6 = 0.417;
        // 3.5: {0,1,0} 4/9 and {1,1,1} 0 → 3/6 · 4/9 = 2/9 (best);  4.5: 4/6 · 0.5 = 0.333;  5.5: 5/6 · 0.48 = 0.4.
        // An unweighted mean of the children's Gini would prefer 1.5 ((0 + 0.32)/2 = 0.16).
        checks.Add("children are weighted by their size", "x = [[6], [5], [4], [3], [2], [1]], y = [1, 1, 1, 0, 1, 0]", () =>
        {
            var s = SplitFindingDrill.BestSplit([[6], [5], [4], [3], [2], [1]], [1, 1, 1, 0, 1, 0]);
            return Expect.Near([0, 3.5, 2.0 / 9], [s.Feature, s.Threshold, s.WeightedGini], 1e-12);
        });

        checks.Add("agrees with a brute-force search on random data", "40 seeded rows, 3 features with values 0..5, 3 classes", () =>
        {
            var random = new Random(5);
            var x = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 3).Select(_ => (double)random.Next(6)).ToArray()).ToArray();
            var y = x.Select(r => (r[1] + random.Next(3)) > 4 ? 2 : r[2] > 2 ? 1 : 0).ToArray();
            double best = double.PositiveInfinity;
            for (int f = 0; f < 3; f++)
            {
                var values = x.Select(r => r[f]).Distinct().Order().ToArray();
                for (int k = 0; k + 1 < values.Length; k++)
                {
                    double t = (values[k] + values[k + 1]) / 2;
                    best = Math.Min(best, Weighted(x, y, f, t));
                }
            }
            var s = SplitFindingDrill.BestSplit(x, y);
            return Expect.Near([best, best], [s.WeightedGini, Weighted(x, y, s.Feature, s.Threshold)], 1e-12);
        });

        checks.Add("a constant feature gives no split", "x = [[3], [3], [3]], y = [0, 1, 0]", () =>
            Expect.Near(-1, SplitFindingDrill.BestSplit([[3], [3], [3]], [0, 1, 0]).Feature, 0));

        // 200,000 rows, one feature: value i, label 1 for i ≥ 150,000 → the cut 149,999.5 is pure (weighted Gini 0).
        // Recounting both children per threshold needs about 2·10^10 steps and runs out of time.
        checks.Add("200,000 rows in O(n log n) time", "x = 0..199999 shuffled, y = 1 where x ≥ 150000", () =>
        {
            int n = 200_000;
            var values = Enumerable.Range(0, n).ToArray();
            var random = new Random(9);
            for (int i = n - 1; i > 0; i--) { int j = random.Next(i + 1); (values[i], values[j]) = (values[j], values[i]); }
            var s = SplitFindingDrill.BestSplit([.. values.Select(v => new double[] { v })], [.. values.Select(v => v >= 150_000 ? 1 : 0)]);
            return Expect.Near([149_999.5, 0], [s.Threshold, s.WeightedGini], 1e-9);
        });

        checks.Add("mismatched lengths are refused with ArgumentException", "x has 2 rows, y has 3 labels", () =>
            Expect.Throws<ArgumentException>(() => SplitFindingDrill.BestSplit([[1], [2]], [0, 1, 0])));
    }

    private static double Weighted(double[][] x, int[] y, int f, double t)
    {
        static double Gini(int[] labels) => labels.Length == 0 ? 0 : 1 - labels.GroupBy(v => v).Sum(g => Math.Pow(g.Count() / (double)labels.Length, 2));
        var left = y.Where((_, i) => x[i][f] <= t).ToArray();
        var right = y.Where((_, i) => x[i][f] > t).ToArray();
        return (left.Length * Gini(left) + right.Length * Gini(right)) / y.Length;
    }
}
