namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 8 exercises (week08-feature-engineering.ipynb, section 11). Try the exercise first.
/// The tests prove that <see cref="Week08"/> accepts each of these.
/// </summary>
public static class Week08Solutions
{
    /// <summary>Exercise 1. Learn min and max on the training values only; a zero range becomes 1; do not clip.</summary>
    public static double[] MinMaxScale(double[] train, double[] test)
    {
        double min = train.Min(), range = train.Max() - min;
        if (range == 0) range = 1;
        return test.Select(v => (v - min) / range).ToArray();
    }

    /// <summary>Exercise 2. For each fold, statistics from the rows of the other folds; encode the fold's rows with them.</summary>
    public static double[] OutOfFoldTargetEncoding(double[] categories, double[] y, int[] folds, double smoothing)
    {
        var result = new double[y.Length];
        foreach (int fold in folds.Distinct())
        {
            var others = Enumerable.Range(0, y.Length).Where(i => folds[i] != fold).ToArray();
            double globalMean = others.Average(i => y[i]);
            var stats = others.GroupBy(i => categories[i]).ToDictionary(g => g.Key, g => (Sum: g.Sum(i => y[i]), Count: g.Count()));
            for (int i = 0; i < y.Length; i++)
            {
                if (folds[i] != fold) continue;
                result[i] = stats.TryGetValue(categories[i], out var s) ? (s.Sum + smoothing * globalMean) / (s.Count + smoothing) : globalMean;
            }
        }
        return result;
    }

    /// <summary>Exercise 3. Q̄ = mean of estimates; W = mean of variances; B = sample variance of estimates; T = W + (1 + 1/m)B.</summary>
    public static PooledResult RubinsRules(double[] estimates, double[] variances)
    {
        int m = estimates.Length;
        double mean = estimates.Average();
        double between = estimates.Sum(q => (q - mean) * (q - mean)) / (m - 1);
        return new PooledResult(mean, variances.Average() + (1 + 1.0 / m) * between);
    }
}
