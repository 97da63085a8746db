using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>
/// Target statistics for a categorical feature (CatBoost, Prokhorenkova et al. 2018; Week 5, "CatBoost:
/// ordered target statistics"): replace category c by a smoothed mean target, (Σ y over rows of c + a·prior)
/// / (count of c + a). The naive version uses every row, including the row being encoded, so the encoded
/// value already contains that row's label: target leakage, which a tree exploits on training data and which
/// vanishes at test time. The ordered version puts the rows in a random order and encodes each row with the
/// rows before it only, like an online learner that never sees the future.
/// </summary>
public static class TargetStatistics
{
    /// <summary>Leaky encoding: each row's category mean uses all rows, its own label included.</summary>
    public static double[] Naive(int[] categories, double[] y, double prior, double a = 1.0)
    {
        Validate(categories, y, a);
        var sum = new Dictionary<int, double>();
        var count = new Dictionary<int, int>();
        for (int i = 0; i < y.Length; i++)
        {
            sum[categories[i]] = sum.GetValueOrDefault(categories[i]) + y[i];
            count[categories[i]] = count.GetValueOrDefault(categories[i]) + 1;
        }
        var encoded = new double[y.Length];
        for (int i = 0; i < y.Length; i++) encoded[i] = (sum[categories[i]] + a * prior) / (count[categories[i]] + a);
        return encoded;
    }

    // <snippet name="ordered-target-statistics">
    /// <summary>
    /// Ordered encoding: visit rows in a seeded random permutation; row i gets (Σ y of earlier rows of its category
    /// + a·prior) / (number of earlier rows of its category + a), and only then adds its own label.
    /// </summary>
    public static double[] Ordered(int[] categories, double[] y, double prior, double a = 1.0, int seed = Seeded.DefaultSeed)
    {
        Validate(categories, y, a);
        var order = Seeded.Random(seed).Permutation(y.Length);
        var sum = new Dictionary<int, double>();
        var count = new Dictionary<int, int>();
        var encoded = new double[y.Length];
        foreach (int i in order)
        {
            int c = categories[i];
            encoded[i] = (sum.GetValueOrDefault(c) + a * prior) / (count.GetValueOrDefault(c) + a);
            sum[c] = sum.GetValueOrDefault(c) + y[i];
            count[c] = count.GetValueOrDefault(c) + 1;
        }
        return encoded;
    }
    // </snippet>

    /// <summary>Encoding for new rows (test data): the smoothed mean over all training rows of the category, the prior for an unseen one.</summary>
    public static double[] Apply(int[] trainCategories, double[] trainY, int[] categories, double prior, double a = 1.0)
    {
        Validate(trainCategories, trainY, a);
        Guard.NotNull(categories, nameof(categories));
        var sum = new Dictionary<int, double>();
        var count = new Dictionary<int, int>();
        for (int i = 0; i < trainY.Length; i++)
        {
            sum[trainCategories[i]] = sum.GetValueOrDefault(trainCategories[i]) + trainY[i];
            count[trainCategories[i]] = count.GetValueOrDefault(trainCategories[i]) + 1;
        }
        return categories.Select(c => (sum.GetValueOrDefault(c) + a * prior) / (count.GetValueOrDefault(c) + a)).ToArray();
    }

    private static void Validate(int[] categories, double[] y, double a)
    {
        Guard.NotNull(categories, nameof(categories));
        Guard.NotNull(y, nameof(y));
        Guard.SameLength(categories.Length, y.Length, nameof(categories), nameof(y));
        Guard.HasAtLeast(y.Length, 1, nameof(y), "value");
        Guard.Positive(a, nameof(a));
    }
}
