using MlCourse.Core.Validation;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>The learner's answer to exercise 1: precision, recall and F1 of the positive class.</summary>
public sealed record PrecisionRecallF1(double Precision, double Recall, double F1);

/// <summary>
/// Checkers for the exercises of week 4 (week04-evaluation.ipynb, section 12 "Exercises"). Each takes the
/// learner's function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>.
/// Reference solutions: <see cref="Week04Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from small cases worked out by hand (arithmetic in the comments) and from properties
/// that any stratified assignment must have; seeded random cases catch answers that are right only on the hand cases.
/// </remarks>
public static class Week04
{
    /// <summary>Exercise 1: precision, recall and F1 from the four confusion-matrix counts (0 when a ratio is 0/0).</summary>
    public static CheckResult CheckPrecisionRecallF1(Func<int, int, int, int, PrecisionRecallF1> metrics)
    {
        Guard.NotNull(metrics, nameof(metrics));
        return Exercise.Check("Exercise 1: precision, recall and F1 from counts", c =>
        {
            // By hand: TP = 8, FP = 2, FN = 4, TN = 86. Precision = 8/10 = 0.8, recall = 8/12 = 2/3,
            // F1 = 2·0.8·(2/3)/(0.8 + 2/3) = (16/15)/(22/15) = 8/11 = 2TP/(2TP + FP + FN) = 16/22.
            c.Given("TP = 8, FP = 2, FN = 4, TN = 86");
            var r = metrics(8, 2, 4, 86);
            if (c.True("a result was returned", r is not null))
            {
                c.Close("precision", r!.Precision, 0.8, 1e-9);
                c.Close("recall", r.Recall, 2.0 / 3, 1e-9);
                c.Close("F1", r.F1, 8.0 / 11, 1e-9);
            }
            // By hand: TP = 1, FP = 9, FN = 0: precision 0.1, recall 1, F1 = 2/(2 + 9) = 2/11 (the harmonic mean punishes the low one).
            c.Given("TP = 1, FP = 9, FN = 0, TN = 90");
            r = metrics(1, 9, 0, 90);
            if (c.True("a result was returned", r is not null))
            {
                c.Close("precision", r!.Precision, 0.1, 1e-9);
                c.Close("recall", r.Recall, 1.0, 1e-9);
                c.Close("F1", r.F1, 2.0 / 11, 1e-9);
            }
            // A model that never predicts positive: TP = FP = 0, so precision is 0/0; by convention (scikit-learn's
            // zero_division = 0) it is 0, recall 0/5 = 0 and F1 0.
            c.Given("TP = 0, FP = 0, FN = 5, TN = 95 (no positive predictions)");
            r = metrics(0, 0, 5, 95);
            if (c.True("a result was returned", r is not null))
            {
                c.Close("precision", r!.Precision, 0, 1e-9);
                c.Close("recall", r.Recall, 0, 1e-9);
                c.Close("F1", r.F1, 0, 1e-9);
            }
            // Seeded counts against the definitions.
            var rng = Seeded.Random(44);
            for (int trial = 0; trial < 5; trial++)
            {
                int tp = 1 + rng.Next(50), fp = rng.Next(50), fn = rng.Next(50), tn = rng.Next(200);
                c.Given($"TP = {tp}, FP = {fp}, FN = {fn}, TN = {tn}");
                r = metrics(tp, fp, fn, tn);
                if (!c.True("a result was returned", r is not null)) continue;
                c.Close("precision", r!.Precision, tp / (double)(tp + fp), 1e-9);
                c.Close("recall", r.Recall, tp / (double)(tp + fn), 1e-9);
                c.Close("F1", r.F1, 2.0 * tp / (2 * tp + fp + fn), 1e-9);
            }
        });
    }

    /// <summary>
    /// Exercise 2: assign each row a fold in 0..k-1 so that every class is spread over the folds as evenly as
    /// possible (each fold holds ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of class c).
    /// </summary>
    public static CheckResult CheckStratifiedFolds(Func<double[], int, int[]> assignFolds)
    {
        Guard.NotNull(assignFolds, nameof(assignFolds));
        return Exercise.Check("Exercise 2: stratified fold assignment", c =>
        {
            // Sorted labels: 10 zeros then 6 ones, k = 3. Every fold needs 3 or 4 zeros and exactly 2 ones.
            CheckCase(c, "y = ten 0s then six 1s, k = 3", Enumerable.Repeat(0.0, 10).Concat(Enumerable.Repeat(1.0, 6)).ToArray(), 3, assignFolds);
            // Alternating labels 0, 1, 0, 1, ... (12 rows), k = 2: each fold needs 3 of each class. Assigning i mod k
            // would put every 0 in fold 0.
            CheckCase(c, "y = 0, 1, 0, 1, ... (12 rows), k = 2", Enumerable.Range(0, 12).Select(i => (double)(i % 2)).ToArray(), 2, assignFolds);
            // Imbalanced, three classes, seeded order: 5% / 25% / 70%.
            var rng = Seeded.Random(404);
            var y = Enumerable.Range(0, 200).Select(_ => { double u = rng.NextDouble(); return u < 0.05 ? 2.0 : u < 0.30 ? 1.0 : 0.0; }).ToArray();
            CheckCase(c, "200 seeded labels, classes 0/1/2 at about 70%/25%/5%, k = 5", y, 5, assignFolds);
        });
    }

    private static void CheckCase(Checker c, string description, double[] y, int k, Func<double[], int, int[]> assignFolds)
    {
        c.Given(description);
        var folds = assignFolds((double[])y.Clone(), k);
        if (!c.True("a fold array was returned", folds is not null)) return;
        if (!c.Equal("number of fold ids (one per row)", folds!.Length, y.Length)) return;
        if (!c.True("every fold id is in 0..k-1", folds.All(f => f >= 0 && f < k), $"got ids {string.Join(", ", folds.Distinct().Order())}")) return;
        foreach (var label in y.Distinct().Order())
        {
            int count = y.Count(v => v == label);
            var perFold = Enumerable.Range(0, k).Select(f => Enumerable.Range(0, y.Length).Count(i => y[i] == label && folds[i] == f)).ToArray();
            int low = count / k, high = (count + k - 1) / k;
            c.True($"class {label} is spread evenly: each fold holds {low} or {high} of its {count} rows",
                perFold.All(m => m == low || m == high), $"per fold: {string.Join(", ", perFold)}");
        }
    }
}
