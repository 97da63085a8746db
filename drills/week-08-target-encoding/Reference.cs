// Drill "Out-of-fold target encoding" (Week 8). Base class library only, as on an interview pad.
namespace Drills.Week08;

public static class TargetEncodingDrill
{
    // Row i of fold f = i % k is encoded from the rows of the other folds only, so its own target never
    // enters its encoding. Smoothing: m pseudo-rows at the other folds' mean (a posterior mean).
    public static double[] OutOfFold(string[] categories, double[] y, int k, double m)
    {
        Validate(categories, y, m);
        if (k < 2) throw new ArgumentException($"k must be at least 2 for out-of-fold encoding, but is {k}.", nameof(k));
        if (y.Length < k) throw new ArgumentException($"{k} folds need at least {k} rows, but there are {y.Length}.", nameof(y));
        var result = new double[y.Length];
        for (int fold = 0; fold < k; fold++)
        {
            var others = Enumerable.Range(0, y.Length).Where(i => i % k != fold).ToArray();
            var (stats, mean) = Statistics(others.Select(i => categories[i]), others.Select(i => y[i]));
            for (int i = fold; i < y.Length; i += k) result[i] = Encode(stats, mean, categories[i], m);
        }
        return result;
    }

    public static double[] Transform(string[] categories, double[] y, double m, string[] newCategories)
    {
        Validate(categories, y, m);
        ArgumentNullException.ThrowIfNull(newCategories);
        var (stats, mean) = Statistics(categories, y);
        return newCategories.Select(c => Encode(stats, mean, c, m)).ToArray();
    }

    private static (Dictionary<string, (double Sum, int Count)> Stats, double Mean) Statistics(IEnumerable<string> categories, IEnumerable<double> y)
    {
        var stats = new Dictionary<string, (double Sum, int Count)>();
        double total = 0;
        int n = 0;
        foreach (var (c, v) in categories.Zip(y))
        {
            var s = stats.GetValueOrDefault(c);
            stats[c] = (s.Sum + v, s.Count + 1);
            total += v;
            n++;
        }
        return (stats, total / n);
    }

    private static double Encode(Dictionary<string, (double Sum, int Count)> stats, double mean, string category, double m) =>
        stats.TryGetValue(category, out var s) ? (s.Sum + m * mean) / (s.Count + m) : mean;

    private static void Validate(string[] categories, double[] y, double m)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(y);
        if (categories.Length != y.Length) throw new ArgumentException($"categories has {categories.Length} values but y has {y.Length}.", nameof(y));
        if (y.Length == 0) throw new ArgumentException("There must be at least one row.", nameof(y));
        if (!(m >= 0)) throw new ArgumentException($"m must be zero or positive, but is {m}.", nameof(m));
    }
}
