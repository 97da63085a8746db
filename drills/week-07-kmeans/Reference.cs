// Drill "Implement k-means with k-means++ initialisation" (Week 7). Base class library only, as on an interview pad.
namespace Drills.Week07;

public sealed record KMeansResult(double[][] Centers, int[] Labels, double Inertia);

public static class KMeansDrill
{
    static double D2(double[] a, double[] b) { double s = 0; for (int j = 0; j < a.Length; j++) s += (a[j] - b[j]) * (a[j] - b[j]); return s; }

    public static double[][] PlusPlusInit(double[][] x, int k, Random rng)
    {
        var centers = new List<double[]> { (double[])x[rng.Next(x.Length)].Clone() };
        var d2 = x.Select(p => D2(p, centers[0])).ToArray();
        while (centers.Count < k)
        {
            double u = rng.NextDouble() * d2.Sum(), acc = 0;     // draw ∝ D², not the argmax
            int pick = x.Length - 1;
            for (int i = 0; i < x.Length; i++) { acc += d2[i]; if (acc > u) { pick = i; break; } }
            centers.Add((double[])x[pick].Clone());
            for (int i = 0; i < x.Length; i++) d2[i] = Math.Min(d2[i], D2(x[i], centers[^1]));
        }
        return centers.ToArray();
    }

    public static KMeansResult Lloyd(double[][] x, double[][] initialCenters, int maxIter = 100)
    {
        int n = x.Length, k = initialCenters.Length, p = x[0].Length;
        var c = initialCenters.Select(r => (double[])r.Clone()).ToArray();
        var labels = Enumerable.Repeat(-1, n).ToArray();
        for (int iter = 0; iter < maxIter; iter++)
        {
            var next = x.Select(r => Enumerable.Range(0, k).MinBy(j => D2(r, c[j]))).ToArray();   // E-step
            bool changed = !next.SequenceEqual(labels);
            labels = next;
            if (!changed) break;
            for (int j = 0; j < k; j++)                                                          // M-step
            {
                var members = Enumerable.Range(0, n).Where(i => labels[i] == j).ToArray();
                if (members.Length == 0)
                {   // empty cluster: its mean is 0/0; re-seed it on the row worst served by its centre
                    int far = Enumerable.Range(0, n).MaxBy(i => D2(x[i], c[labels[i]]));
                    c[j] = (double[])x[far].Clone(); labels[far] = j; continue;
                }
                c[j] = Enumerable.Range(0, p).Select(t => members.Average(i => x[i][t])).ToArray();
            }
        }
        return new KMeansResult(c, labels, Enumerable.Range(0, n).Sum(i => D2(x[i], c[labels[i]])));
    }

    public static KMeansResult Fit(double[][] x, int k, int nInit = 10, int seed = 0)
    {
        if (k < 1 || k > x.Length) throw new ArgumentException($"k must be in 1..{x.Length} (the number of rows), but is {k}.", nameof(k));
        var rng = new Random(seed);
        return Enumerable.Range(0, nInit).Select(_ => Lloyd(x, PlusPlusInit(x, k, rng))).MinBy(r => r.Inertia)!;
    }
}
