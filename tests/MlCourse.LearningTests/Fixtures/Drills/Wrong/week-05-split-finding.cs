// A plausible wrong answer to "Implement decision tree split finding": the sweep is right, but the children's
// Gini impurities are averaged without weighting them by their sizes, so a split that peels off one pure row
// from a large mixed child looks better than it is.
namespace Drills.Week05;

public readonly record struct Split(int Feature, double Threshold, double WeightedGini);

public static class SplitFindingDrill
{
    public static Split BestSplit(double[][] x, int[] y)
    {
        if (x.Length == 0 || x.Length != y.Length) throw new ArgumentException("lengths differ", nameof(y));
        int n = y.Length, d = x[0].Length, k = y.Max() + 1;
        var best = new Split(-1, double.NaN, double.PositiveInfinity);
        for (int f = 0; f < d; f++)
        {
            var order = Enumerable.Range(0, n).ToArray();
            var keys = x.Select(r => r[f]).ToArray();
            Array.Sort(keys, order);
            var left = new double[k];
            var right = new double[k];
            foreach (int label in y) right[label]++;
            for (int i = 0; i < n - 1; i++)
            {
                left[y[order[i]]]++; right[y[order[i]]]--;
                if (keys[i] == keys[i + 1]) continue;
                double nl = i + 1, nr = n - nl;
                double gl = 1 - left.Sum(c => (c / nl) * (c / nl)), gr = 1 - right.Sum(c => (c / nr) * (c / nr));
                double score = (gl + gr) / 2;   // should be (nl·gl + nr·gr)/n
                if (score < best.WeightedGini - 1e-12) best = new Split(f, (keys[i] + keys[i + 1]) / 2, score);
            }
        }
        return best;
    }
}
