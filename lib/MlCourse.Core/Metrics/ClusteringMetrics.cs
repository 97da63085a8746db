using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>
/// Internal cluster-validity scores, which need no true labels (Week 7, section 9 "Choosing k"). Labels
/// are any integers (DBSCAN's −1 counts as one more group, as in scikit-learn); distances are Euclidean.
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>
    /// Silhouette of every point: s = (b − a) / max(a, b), where a is its mean distance to the other points of
    /// its own cluster and b the smallest mean distance to the points of another cluster. s = 0 for a point
    /// alone in its cluster (scikit-learn's convention).
    /// </summary>
    public static double[] SilhouetteSamples(Matrix<double> x, int[] labels)
    {
        var (codes, clusters) = Validate(x, labels, "a silhouette");
        int n = x.RowCount, p = x.ColumnCount;
        var data = RowMajor(x);
        var size = new int[clusters];
        foreach (int c in codes) size[c]++;
        var s = new double[n];
        var sums = new double[clusters];
        // <snippet name="silhouette">
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < n; j++)
                if (j != i) sums[codes[j]] += Math.Sqrt(Squared(data, i, j, p));
            int own = codes[i];
            if (size[own] == 1) { s[i] = 0.0; continue; }
            double a = sums[own] / (size[own] - 1);      // the point itself is not its own neighbour
            double b = double.PositiveInfinity;
            for (int c = 0; c < clusters; c++)
                if (c != own) b = Math.Min(b, sums[c] / size[c]);
            s[i] = (b - a) / Math.Max(a, b);
        }
        // </snippet>
        return s;
    }

    /// <summary>Mean silhouette over all points: near 1 compact and separated, near 0 overlapping, negative misassigned.</summary>
    public static double Silhouette(Matrix<double> x, int[] labels) => SilhouetteSamples(x, labels).Average();

    /// <summary>
    /// Davies-Bouldin index: the mean over clusters i of max_{j≠i} (Sᵢ + Sⱼ) / ‖cᵢ − cⱼ‖, with Sᵢ the mean
    /// distance of cluster i's points to its centroid cᵢ. Lower is better; 0 is the minimum.
    /// </summary>
    public static double DaviesBouldin(Matrix<double> x, int[] labels)
    {
        var (codes, clusters) = Validate(x, labels, "Davies-Bouldin");
        int n = x.RowCount, p = x.ColumnCount;
        var data = RowMajor(x);
        var centroid = new double[clusters * p];
        var size = new int[clusters];
        for (int i = 0; i < n; i++)
        {
            size[codes[i]]++;
            for (int j = 0; j < p; j++) centroid[codes[i] * p + j] += data[i * p + j];
        }
        for (int c = 0; c < clusters; c++)
            for (int j = 0; j < p; j++) centroid[c * p + j] /= size[c];
        var scatter = new double[clusters];
        for (int i = 0; i < n; i++)
        {
            double d = 0.0;
            for (int j = 0; j < p; j++) { double t = data[i * p + j] - centroid[codes[i] * p + j]; d += t * t; }
            scatter[codes[i]] += Math.Sqrt(d);
        }
        for (int c = 0; c < clusters; c++) scatter[c] /= size[c];
        double total = 0.0;
        for (int a = 0; a < clusters; a++)
        {
            double worst = 0.0;
            for (int b = 0; b < clusters; b++)
            {
                if (b == a) continue;
                double d = 0.0;
                for (int j = 0; j < p; j++) { double t = centroid[a * p + j] - centroid[b * p + j]; d += t * t; }
                // Coinciding centroids: scikit-learn treats the distance as infinite (ratio 0).
                double ratio = d == 0 ? 0.0 : (scatter[a] + scatter[b]) / Math.Sqrt(d);
                worst = Math.Max(worst, ratio);
            }
            total += worst;
        }
        return total / clusters;
    }

    /// <summary>Labels recoded 0..k-1 in order of appearance; both scores need 2 ≤ k ≤ n − 1 (one cluster, or one per point, leaves nothing to compare).</summary>
    private static (int[] Codes, int Clusters) Validate(Matrix<double> x, int[] labels, string score)
    {
        Guard.Matrix(x, nameof(x));
        Guard.NotNull(labels, nameof(labels));
        Guard.Length(labels.Length, x.RowCount, nameof(labels), $"one label per row of x, which has {x.RowCount} rows");
        var map = new Dictionary<int, int>();
        var codes = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out int c)) { c = map.Count; map[labels[i]] = c; }
            codes[i] = c;
        }
        int n = x.RowCount;
        if (map.Count < 2 || map.Count > n - 1)
            throw new ArgumentException($"labels must contain between 2 and n − 1 = {n - 1} distinct clusters for {score}, but has {map.Count}.", nameof(labels));
        return (codes, map.Count);
    }

    private static double[] RowMajor(Matrix<double> x)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var a = new double[n * p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) a[i * p + j] = x[i, j];
        return a;
    }

    private static double Squared(double[] a, int i, int j, int p)
    {
        double s = 0.0;
        for (int t = 0; t < p; t++) { double d = a[i * p + t] - a[j * p + t]; s += d * d; }
        return s;
    }
}
