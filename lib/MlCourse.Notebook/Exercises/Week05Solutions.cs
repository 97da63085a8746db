namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 5 exercises (week05-trees-ensembles.ipynb, section 13). Try the exercise first.
/// The tests prove that <see cref="Week05"/> accepts each of these.
/// </summary>
public static class Week05Solutions
{
    /// <summary>Exercise 1. Count each label, then 1 − Σ (count/n)².</summary>
    public static double Gini(int[] labels)
    {
        var counts = new Dictionary<int, int>();
        foreach (var v in labels) counts[v] = counts.GetValueOrDefault(v) + 1;
        double sumSquares = 0;
        foreach (var c in counts.Values) sumSquares += (c / (double)labels.Length) * (c / (double)labels.Length);
        return 1 - sumSquares;
    }

    /// <summary>
    /// Exercise 2. Sort once by x, sweep left to right moving one row at a time into the left child's counts, and
    /// score a threshold only where the next value differs: O(n log n) instead of O(n²).
    /// </summary>
    public static ThresholdSplit BestThreshold(double[] x, int[] y)
    {
        int n = x.Length, classes = y.Max() + 1;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = (double[])x.Clone();
        Array.Sort(keys, order);
        var left = new double[classes];
        var right = new double[classes];
        foreach (var label in y) right[label]++;
        double best = double.PositiveInfinity, bestThreshold = double.NaN;
        for (int i = 0; i < n - 1; i++)
        {
            left[y[order[i]]]++;
            right[y[order[i]]]--;
            if (keys[i] == keys[i + 1]) continue;
            int nl = i + 1, nr = n - nl;
            double score = (nl * GiniOf(left, nl) + nr * GiniOf(right, nr)) / n;
            if (score < best - 1e-12) { best = score; bestThreshold = (keys[i] + keys[i + 1]) / 2; }
        }
        return new ThresholdSplit(bestThreshold, best);
    }

    private static double GiniOf(double[] counts, int total)
    {
        double s = 0;
        foreach (var c in counts) s += c / total * (c / total);
        return 1 - s;
    }

    /// <summary>Exercise 3. g_i = p_i − y_i, h_i = p_i(1 − p_i); the leaf weight is −G/(H + λ).</summary>
    public static double NewtonLeaf(double[] y, double[] p, double lambda)
    {
        double g = 0, h = 0;
        for (int i = 0; i < y.Length; i++) { g += p[i] - y[i]; h += p[i] * (1 - p[i]); }
        return -g / (h + lambda);
    }
}
