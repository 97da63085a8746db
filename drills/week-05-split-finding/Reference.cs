// Drill "Implement decision tree split finding" (Week 5). Base class library only, as on an interview pad.
namespace Drills.Week05;

public readonly record struct Split(int Feature, double Threshold, double WeightedGini);

public static class SplitFindingDrill
{
    // Sort each feature once; sweep left to right moving one row into the left counts. With Σc² tracked per side,
    // n·Gini = n − Σc²/n, so each threshold costs O(1): O(d · n log n) in all.
    public static Split BestSplit(double[][] x, int[] y)
    {
        if (x.Length == 0 || x.Length != y.Length) throw new ArgumentException($"x has {x.Length} rows and y has {y.Length} labels; need the same, at least one.", nameof(y));
        int n = y.Length, d = x[0].Length, k = y.Max() + 1;
        var best = new Split(-1, double.NaN, double.PositiveInfinity);
        var keys = new double[n];
        var order = new int[n];
        for (int f = 0; f < d; f++)
        {
            for (int i = 0; i < n; i++) { keys[i] = x[i][f]; order[i] = i; }
            Array.Sort(keys, order);
            var left = new double[k];
            var right = new double[k];
            foreach (int label in y) right[label]++;
            double sqLeft = 0, sqRight = 0;
            foreach (double c in right) sqRight += c * c;
            for (int i = 0; i < n - 1; i++)
            {
                int c = y[order[i]];
                sqLeft += 2 * left[c] + 1; left[c]++;          // (c+1)² − c²
                sqRight -= 2 * right[c] - 1; right[c]--;       // (c−1)² − c²
                if (keys[i] == keys[i + 1]) continue;          // no threshold between equal values
                double nl = i + 1, nr = n - nl;
                double weighted = ((nl - sqLeft / nl) + (nr - sqRight / nr)) / n;   // (n_L·G_L + n_R·G_R)/n
                if (weighted < best.WeightedGini - 1e-12) best = new Split(f, (keys[i] + keys[i + 1]) / 2, weighted);
            }
        }
        return best.Feature < 0 ? best with { WeightedGini = double.NaN } : best;
    }
}
