using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Clustering;

/// <summary>The gap statistic at every k tried, and the k it chooses.</summary>
/// <param name="Ks">1..kMax.</param>
/// <param name="LogW">log W_k of the data (W_k = k-means inertia).</param>
/// <param name="ExpectedLogW">Mean of log W_k over the uniform reference data sets.</param>
/// <param name="Gap">ExpectedLogW − LogW.</param>
/// <param name="S">sd_k · sqrt(1 + 1/B): the simulation error of the reference mean.</param>
/// <param name="BestK">Smallest k with Gap(k) ≥ Gap(k+1) − S(k+1) (kMax when none qualifies).</param>
public sealed record GapResult(int[] Ks, double[] LogW, double[] ExpectedLogW, double[] Gap, double[] S, int BestK);

/// <summary>
/// Tibshirani, Walther and Hastie (2001), "Estimating the number of clusters in a data set via the gap
/// statistic" (Week 7, section 9 "Choosing k"): compare log W_k on the data with its expectation under a null
/// reference without clusters (uniform in the data's bounding box), and take the smallest k whose gap is
/// within one standard error of the next one.
/// </summary>
public static class GapStatistic
{
    // <snippet name="gap-statistic">
    public static GapResult Compute(Matrix<double> x, int kMax, int nReferences = 10, int nInit = 3, int seed = Seeded.DefaultSeed)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Positive(kMax, nameof(kMax));
        Guard.AtMost(kMax, x.RowCount, nameof(kMax), $"one cluster needs a row, and {nameof(x)} has only {x.RowCount} rows");
        Guard.Positive(nReferences, nameof(nReferences));
        Guard.Positive(nInit, nameof(nInit));
        int n = x.RowCount, p = x.ColumnCount;
        var low = new double[p];
        var high = new double[p];
        for (int j = 0; j < p; j++) { low[j] = x.Column(j).Minimum(); high[j] = x.Column(j).Maximum(); }
        var rng = Seeded.Random(seed);
        var references = new Matrix<double>[nReferences];
        for (int b = 0; b < nReferences; b++)
        {
            var values = new double[n * p];          // plain loop: one shared Random, never inside a parallel builder
            for (int i = 0; i < n; i++)
                for (int j = 0; j < p; j++) values[j * n + i] = low[j] + rng.NextDouble() * (high[j] - low[j]);
            references[b] = Matrix<double>.Build.Dense(n, p, values);
        }
        var ks = new int[kMax];
        var logW = new double[kMax];
        var expected = new double[kMax];
        var gap = new double[kMax];
        var s = new double[kMax];
        for (int k = 1; k <= kMax; k++)
        {
            ks[k - 1] = k;
            logW[k - 1] = Math.Log(new KMeans(k, nInit, seed: seed + k).Fit(x).Inertia);
            var refLog = new double[nReferences];
            for (int b = 0; b < nReferences; b++)
                refLog[b] = Math.Log(new KMeans(k, nInit, seed: seed + 1000 * (b + 1) + k).Fit(references[b]).Inertia);
            double mean = refLog.Average();
            double sd = Math.Sqrt(refLog.Select(v => (v - mean) * (v - mean)).Sum() / nReferences);
            expected[k - 1] = mean;
            gap[k - 1] = mean - logW[k - 1];
            s[k - 1] = sd * Math.Sqrt(1.0 + 1.0 / nReferences);
        }
        return new GapResult(ks, logW, expected, gap, s, ChooseK(gap, s));
    }

    /// <summary>The one-standard-error rule: the smallest k (1-based) with Gap(k) ≥ Gap(k+1) − s(k+1); the last k if none.</summary>
    public static int ChooseK(double[] gap, double[] s)
    {
        Guard.NotNull(gap, nameof(gap));
        Guard.NotNull(s, nameof(s));
        Guard.HasAtLeast(gap.Length, 1, nameof(gap), "value");
        Guard.SameLength(gap.Length, s.Length, nameof(gap), nameof(s));
        for (int k = 1; k < gap.Length; k++)
            if (gap[k - 1] >= gap[k] - s[k]) return k;
        return gap.Length;
    }
    // </snippet>
}
