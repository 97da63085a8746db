using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 4 checker accepts the reference solution, rejects plausible wrong answers, and reports the notebook's
/// unimplemented stub as "not attempted".
/// </summary>
public class Week04ExercisesTests
{
    // ---- Exercise 1: precision, recall, F1 from counts ----

    public static TheoryData<string, Func<int, int, int, int, PrecisionRecallF1>> WrongMetrics() => new()
    {
        // Precision and recall swapped: FN where FP belongs.
        { "precision and recall swapped", (tp, fp, fn, tn) => Week04Solutions.PrecisionRecallF1(tp, fn, fp, tn) },
        // F1 as the arithmetic mean instead of the harmonic mean.
        { "arithmetic mean for F1", (tp, fp, fn, tn) => { var r = Week04Solutions.PrecisionRecallF1(tp, fp, fn, tn); return r with { F1 = (r.Precision + r.Recall) / 2 }; } },
        // Recall with TN in the denominator (that is not any standard rate).
        { "recall = TP / (TP + TN)", (tp, fp, fn, tn) => Week04Solutions.PrecisionRecallF1(tp, fp, fn, tn) with { Recall = tp / (double)(tp + tn) } },
        // Integer division: every ratio below 1 becomes 0.
        { "integer division", (tp, fp, fn, tn) => new PrecisionRecallF1(tp / (tp + fp == 0 ? 1 : tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn)) },
        // No zero-division guard: 0/0 gives NaN precision and F1 when nothing is predicted positive.
        { "0/0 not handled", (tp, fp, fn, tn) => { double p = tp / (double)(tp + fp), r = tp / (double)(tp + fn); return new PrecisionRecallF1(p, r, 2 * p * r / (p + r)); } },
        // Accuracy reported as precision.
        { "accuracy as precision", (tp, fp, fn, tn) => Week04Solutions.PrecisionRecallF1(tp, fp, fn, tn) with { Precision = (tp + tn) / (double)(tp + fp + fn + tn) } },
    };

    [Fact]
    public void The_precision_recall_checker_accepts_the_reference_solution() =>
        AssertPassed(Week04.CheckPrecisionRecallF1(Week04Solutions.PrecisionRecallF1));

    [Theory]
    [MemberData(nameof(WrongMetrics))]
    public void The_precision_recall_checker_rejects_a_wrong_answer(string mistake, Func<int, int, int, int, PrecisionRecallF1> f) =>
        AssertRejected(mistake, Week04.CheckPrecisionRecallF1(f));

    // ---- Exercise 2: stratified folds ----

    public static TheoryData<string, Func<double[], int, int[]>> WrongFolds() => new()
    {
        // Round-robin over all rows, ignoring the class: alternating labels put every 0 in fold 0.
        { "i mod k", (y, k) => Enumerable.Range(0, y.Length).Select(i => i % k).ToArray() },
        // Contiguous blocks (unshuffled k-fold): sorted labels put all the 1s in the last fold.
        { "contiguous blocks", (y, k) => Enumerable.Range(0, y.Length).Select(i => i * k / y.Length).ToArray() },
        // Everything in one fold.
        { "all rows in fold 0", (y, k) => new int[y.Length] },
        // Fold ids 1..k instead of 0..k-1.
        { "fold ids off by one", (y, k) => Week04Solutions.StratifiedFolds(y, k).Select(f => f + 1).ToArray() },
        // One id per class instead of per row.
        { "wrong length", (y, k) => Week04Solutions.StratifiedFolds(y, k).Take(y.Length - 1).ToArray() },
        // Random folds (seeded): balanced only on average.
        { "random fold ids", (y, k) => { var rng = new Random(1); return y.Select(_ => rng.Next(k)).ToArray(); } },
    };

    [Fact]
    public void The_stratified_folds_checker_accepts_the_reference_solution() =>
        AssertPassed(Week04.CheckStratifiedFolds(Week04Solutions.StratifiedFolds));

    [Fact]
    public void The_stratified_folds_checker_accepts_the_library_stratified_k_fold()
    {
        // Any correct stratification passes, not only the reference's: here the library's shuffled StratifiedKFold.
        static int[] Library(double[] y, int k)
        {
            var folds = new MlCourse.Classical.ModelSelection.StratifiedKFold(k, shuffle: true, seed: 3)
                .Split(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y));
            var ids = new int[y.Length];
            for (int f = 0; f < folds.Count; f++) foreach (var i in folds[f].TestIndices) ids[i] = f;
            return ids;
        }
        AssertPassed(Week04.CheckStratifiedFolds(Library));
    }

    [Theory]
    [MemberData(nameof(WrongFolds))]
    public void The_stratified_folds_checker_rejects_a_wrong_answer(string mistake, Func<double[], int, int[]> f) =>
        AssertRejected(mistake, Week04.CheckStratifiedFolds(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week04.CheckPrecisionRecallF1((_, _, _, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week04.CheckStratifiedFolds((_, _) => throw new NotImplementedException()));
    }
}
