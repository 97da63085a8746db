// A plausible wrong answer to "Out-of-fold target encoding": in-sample encoding. Every training row is
// encoded with statistics of all rows, its own target included, so the hand cases and the "own target never
// changes its own encoding" check fail, while Transform (new rows) and the input checks pass.
namespace Drills.Week08;

public static class TargetEncodingDrill
{
    public static double[] OutOfFold(string[] categories, double[] y, int k, double m)
    {
        if (k < 2) throw new ArgumentException("k must be at least 2.", nameof(k));
        return Transform(categories, y, m, categories);
    }

    public static double[] Transform(string[] categories, double[] y, double m, string[] newCategories)
    {
        if (categories.Length != y.Length) throw new ArgumentException("lengths differ", nameof(y));
        if (m < 0) throw new ArgumentException("m must be non-negative", nameof(m));
        double mean = y.Average();
        var groups = categories.Zip(y).GroupBy(p => p.First).ToDictionary(g => g.Key, g => (Sum: g.Sum(p => p.Second), Count: g.Count()));
        return newCategories.Select(c => groups.TryGetValue(c, out var s) ? (s.Sum + m * mean) / (s.Count + m) : mean).ToArray();
    }
}
