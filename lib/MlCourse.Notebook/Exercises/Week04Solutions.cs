namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 4 exercises (week04-evaluation.ipynb, section 12). Try the exercise first.
/// The tests prove that <see cref="Week04"/> accepts each of these.
/// </summary>
public static class Week04Solutions
{
    /// <summary>
    /// Exercise 1. Precision = TP/(TP + FP) (of the predicted positives, how many are right), recall = TP/(TP + FN)
    /// (of the actual positives, how many were found), F1 = their harmonic mean = 2TP/(2TP + FP + FN). A 0/0 ratio is 0.
    /// </summary>
    public static PrecisionRecallF1 PrecisionRecallF1(int tp, int fp, int fn, int tn)
    {
        double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        return new PrecisionRecallF1(precision, recall, f1);
    }

    /// <summary>
    /// Exercise 2. Deal each class's rows to the folds in turn (row j of class c goes to fold j mod k): within a class
    /// the fold counts then differ by at most one, whatever order the rows come in.
    /// </summary>
    public static int[] StratifiedFolds(double[] y, int k)
    {
        var folds = new int[y.Length];
        var seen = new Dictionary<double, int>();
        for (int i = 0; i < y.Length; i++)
        {
            int j = seen.GetValueOrDefault(y[i]);
            folds[i] = j % k;
            seen[y[i]] = j + 1;
        }
        return folds;
    }
}
