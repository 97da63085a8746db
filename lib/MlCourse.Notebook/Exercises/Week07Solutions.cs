using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 7 exercises (week07-unsupervised.ipynb, section 13). Try the exercise first.
/// The tests prove that <see cref="Week07"/> accepts each of these.
/// </summary>
public static class Week07Solutions
{
    /// <summary>Exercise 1. Centre, take the singular values of the centred data; variances ∝ s², so ratio = s² / Σ s².</summary>
    public static double[] ExplainedVarianceRatio(Matrix<double> x)
    {
        var mean = x.ColumnSums() / x.RowCount;
        var centred = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean[j]);
        var s2 = centred.Svd(computeVectors: false).S.Take(Math.Min(x.RowCount, x.ColumnCount)).Select(s => s * s).ToArray();
        double total = s2.Sum();
        return s2.Select(v => v / total).ToArray();    // MathNet returns singular values in descending order
    }

    /// <summary>Exercise 2. D(x)² = squared distance to the nearest chosen centre; normalise to sum to 1.</summary>
    public static double[] PlusPlusProbabilities(double[][] points, double[][] centers)
    {
        var d2 = points.Select(p => centers.Min(c => p.Zip(c, (a, b) => (a - b) * (a - b)).Sum())).ToArray();
        double total = d2.Sum();
        return d2.Select(v => v / total).ToArray();
    }

    /// <summary>Exercise 3. a excludes the point itself (divide by size − 1); b is the nearest other cluster's mean distance.</summary>
    public static double[] SilhouetteSamples(double[][] points, int[] labels)
    {
        int n = points.Length;
        double Distance(int i, int j) => Math.Sqrt(points[i].Zip(points[j], (a, b) => (a - b) * (a - b)).Sum());
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            var byCluster = Enumerable.Range(0, n).Where(j => j != i).GroupBy(j => labels[j])
                .ToDictionary(g => g.Key, g => g.Average(j => Distance(i, j)));
            if (!byCluster.ContainsKey(labels[i])) { s[i] = 0; continue; }   // alone in its cluster
            double a = byCluster[labels[i]];
            double b = byCluster.Where(kv => kv.Key != labels[i]).Min(kv => kv.Value);
            s[i] = (b - a) / Math.Max(a, b);
        }
        return s;
    }
}
