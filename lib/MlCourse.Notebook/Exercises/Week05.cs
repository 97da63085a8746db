using MlCourse.Core.Validation;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>The learner's answer to exercise 2: the best threshold of one feature and the weighted Gini of its two children.</summary>
public sealed record ThresholdSplit(double Threshold, double WeightedGini);

/// <summary>
/// Checkers for the exercises of week 5 (week05-trees-ensembles.ipynb, section 13 "Exercises"). Each takes the
/// learner's function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>.
/// Reference solutions: <see cref="Week05Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from small cases worked out by hand (arithmetic in the comments) and from brute force
/// written here independently of the reference (every candidate threshold scored from scratch).
/// </remarks>
public static class Week05
{
    /// <summary>Exercise 1: Gini impurity 1 − Σ p_k² of a node from its class labels (0..K−1).</summary>
    public static CheckResult CheckGini(Func<int[], double> gini)
    {
        Guard.NotNull(gini, nameof(gini));
        return Exercise.Check("Exercise 1: Gini impurity of a node", c =>
        {
            // By hand: a pure node has 0; a 50/50 node 1 − (¼ + ¼) = 0.5; counts (5, 3, 2) give 1 − (25 + 9 + 4)/100 = 0.62.
            c.Given("labels [1, 1, 1]");
            c.Close("Gini", gini([1, 1, 1]), 0.0, 1e-12);
            c.Given("labels [0, 1, 0, 1]");
            c.Close("Gini", gini([0, 1, 0, 1]), 0.5, 1e-12);
            c.Given("labels: five 0s, three 1s, two 2s");
            c.Close("Gini", gini([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]), 0.62, 1e-12);
            // A label that is not 0 first: class 3 only, with no 0, 1, 2 present, still pure.
            c.Given("labels [3, 3]");
            c.Close("Gini", gini([3, 3]), 0.0, 1e-12);
            var rng = Seeded.Random(51);
            for (int trial = 0; trial < 3; trial++)
            {
                var labels = Enumerable.Range(0, 20 + rng.Next(30)).Select(_ => rng.Next(4)).ToArray();
                double expected = 1 - labels.GroupBy(v => v).Sum(g => Math.Pow(g.Count() / (double)labels.Length, 2));
                c.Given($"{labels.Length} seeded labels in 0..3");
                c.Close("Gini", gini(labels), expected, 1e-12);
            }
        });
    }

    /// <summary>
    /// Exercise 2: the threshold t of one feature that minimises the weighted Gini (n_L/n)·G_L + (n_R/n)·G_R of the
    /// split x ≤ t / x &gt; t, halfway between consecutive distinct values; ties go to the smallest threshold.
    /// </summary>
    public static CheckResult CheckBestThreshold(Func<double[], int[], ThresholdSplit> bestThreshold)
    {
        Guard.NotNull(bestThreshold, nameof(bestThreshold));
        return Exercise.Check("Exercise 2: best threshold of one feature by Gini", c =>
        {
            // By hand: x = 1..6, y = 0 0 0 1 1 1: the cut at 3.5 gives two pure children, weighted Gini 0.
            CheckCase(c, "x = [1, 2, 3, 4, 5, 6], y = [0, 0, 0, 1, 1, 1]", [1, 2, 3, 4, 5, 6], [0, 0, 0, 1, 1, 1], bestThreshold);
            // Unsorted input, equal values: x = [2, 1, 2, 3, 1], y = [1, 0, 1, 1, 0]. Cutting between the two 1s and
            // the 2s (t = 1.5) separates the classes; no threshold may fall between equal values.
            CheckCase(c, "x = [2, 1, 2, 3, 1], y = [1, 0, 1, 1, 0] (unsorted, repeated values)", [2, 1, 2, 3, 1], [1, 0, 1, 1, 0], bestThreshold);
            // Unequal child sizes: x = 1..6, y = 0 1 0 1 1 1. Weighted Gini: t = 1.5 → 5/6 · 0.32 = 0.267, t = 3.5 →
            // 3/6 · 4/9 = 2/9 (best), t = 4.5 → 4/6 · 0.5 = 0.333. An unweighted mean would pick 1.5 ((0 + 0.32)/2 = 0.16).
            CheckCase(c, "x = [1, 2, 3, 4, 5, 6], y = [0, 1, 0, 1, 1, 1]", [1, 2, 3, 4, 5, 6], [0, 1, 0, 1, 1, 1], bestThreshold);
            var rng = Seeded.Random(52);
            for (int trial = 0; trial < 4; trial++)
            {
                int n = 15 + rng.Next(25);
                var x = Enumerable.Range(0, n).Select(_ => (double)rng.Next(8)).ToArray();
                var y = x.Select(v => v + 2 * rng.NextDouble() > 5 ? 1 : 0).ToArray();
                if (x.Distinct().Count() < 2) x[0] = x[0] + 1;
                CheckCase(c, $"{n} seeded rows, x in 0..7 with repeats", x, y, bestThreshold);
            }
        });
    }

    private static void CheckCase(Checker c, string description, double[] x, int[] y, Func<double[], int[], ThresholdSplit> bestThreshold)
    {
        c.Given(description);
        var (threshold, score) = BruteForce(x, y);
        var r = bestThreshold((double[])x.Clone(), (int[])y.Clone());
        if (!c.True("a result was returned", r is not null)) return;
        c.Close("weighted Gini of the best split", r!.WeightedGini, score, 1e-9);
        c.Close("threshold", r.Threshold, threshold, 1e-9);
    }

    // Every midpoint between consecutive distinct values, each split scored from scratch.
    private static (double Threshold, double Score) BruteForce(double[] x, int[] y)
    {
        var values = x.Distinct().Order().ToArray();
        double best = double.PositiveInfinity, bestT = double.NaN;
        for (int k = 0; k + 1 < values.Length; k++)
        {
            double t = (values[k] + values[k + 1]) / 2;
            var left = y.Where((_, i) => x[i] <= t).ToArray();
            var right = y.Where((_, i) => x[i] > t).ToArray();
            double score = (left.Length * Gini(left) + right.Length * Gini(right)) / y.Length;
            if (score < best - 1e-12) { best = score; bestT = t; }
        }
        return (bestT, best);
    }

    private static double Gini(int[] labels) => 1 - labels.GroupBy(v => v).Sum(g => Math.Pow(g.Count() / (double)labels.Length, 2));

    /// <summary>Exercise 3: the Newton (XGBoost) leaf weight for log-loss, −Σ(p_i − y_i) / (Σ p_i(1 − p_i) + λ).</summary>
    public static CheckResult CheckNewtonLeaf(Func<double[], double[], double, double> leafWeight)
    {
        Guard.NotNull(leafWeight, nameof(leafWeight));
        return Exercise.Check("Exercise 3: Newton leaf weight for log-loss", c =>
        {
            // By hand: y = [1, 1], p = [0.5, 0.5], λ = 0: G = −1, H = 0.5, w = 2 (a logit step of +2).
            c.Given("y = [1, 1], p = [0.5, 0.5], lambda = 0");
            c.Close("leaf weight", leafWeight([1, 1], [0.5, 0.5], 0), 2.0, 1e-12);
            // y = [0, 1, 1], p = [0.2, 0.6, 0.9], λ = 1: G = 0.2 − 0.4 − 0.1 = −0.3; H = 0.16 + 0.24 + 0.09 = 0.49;
            // w = 0.3/1.49.
            c.Given("y = [0, 1, 1], p = [0.2, 0.6, 0.9], lambda = 1");
            c.Close("leaf weight", leafWeight([0, 1, 1], [0.2, 0.6, 0.9], 1), 0.3 / 1.49, 1e-12);
            // All negatives predicted at 0.8: G = 1.6, H = 0.32, λ = 0.5: w = −1.6/0.82.
            c.Given("y = [0, 0], p = [0.8, 0.8], lambda = 0.5");
            c.Close("leaf weight", leafWeight([0, 0], [0.8, 0.8], 0.5), -1.6 / 0.82, 1e-12);
        });
    }
}
