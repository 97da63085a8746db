using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Clustering;

/// <summary>How the distance between two clusters is defined from the distances between their points.</summary>
public enum LinkageMethod
{
    /// <summary>Closest pair: chains along dense paths, finds non-convex shapes, suffers from "chaining".</summary>
    Single,
    /// <summary>Farthest pair: compact clusters of similar diameter.</summary>
    Complete,
    /// <summary>Mean pairwise distance (UPGMA).</summary>
    Average,
    /// <summary>Merge that increases the within-cluster sum of squares least (Euclidean only).</summary>
    Ward,
}

/// <summary>
/// Agglomerative clustering as SciPy's <c>scipy.cluster.hierarchy.linkage</c> reports it (Week 7,
/// section 10 "Hierarchical clustering: linkages and dendrograms"): an (n − 1) x 4 matrix whose row t merges clusters
/// Z[t,0] &lt; Z[t,1] at height Z[t,2] into a new cluster of Z[t,3] points, numbered n + t.
/// Original points are clusters 0..n-1.
/// </summary>
/// <remarks>
/// The naive O(n³) algorithm: keep the cluster-to-cluster distance matrix, merge the closest pair, and
/// update the distances to the new cluster with the Lance-Williams formula for the chosen linkage. It is
/// fine for the few hundred points a dendrogram can show; SciPy uses the O(n²) nearest-neighbour chain
/// and minimum spanning tree algorithms, which give the same merges when no two distances tie.
/// </remarks>
public static class HierarchicalLinkage
{
    public static Matrix<double> Compute(Matrix<double> x, LinkageMethod method)
    {
        Guard.Matrix(x, nameof(x));
        Guard.HasAtLeast(x.RowCount, 2, nameof(x), "rows", "to merge");
        Guard.Defined(method, nameof(method));
        return Merge(SpanMath.RowMajor(x), x.RowCount, x.ColumnCount, method);
    }

    // <snippet name="lance-williams">
    private static Matrix<double> Merge(double[] data, int n, int p, LinkageMethod method)
    {
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                d[i, j] = d[j, i] = Math.Sqrt(SpanMath.SquaredDistance(data, i * p, data, j * p, p));
        var active = new bool[n];
        var size = new int[n];
        var id = new int[n];            // slot -> SciPy cluster number (a point, or n + merge index)
        for (int i = 0; i < n; i++) { active[i] = true; size[i] = 1; id[i] = i; }
        var z = Matrix<double>.Build.Dense(n - 1, 4);
        for (int t = 0; t < n - 1; t++)
        {
            int a = -1, b = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                if (!active[i]) continue;
                for (int j = i + 1; j < n; j++)
                    if (active[j] && d[i, j] < best) { best = d[i, j]; a = i; b = j; }
            }
            z[t, 0] = Math.Min(id[a], id[b]); z[t, 1] = Math.Max(id[a], id[b]);
            z[t, 2] = best; z[t, 3] = size[a] + size[b];
            // The merged cluster reuses slot a; Lance-Williams gives its distance to every other cluster k
            // from d(a,k), d(b,k) and d(a,b) alone, without going back to the points.
            for (int k = 0; k < n; k++)
            {
                if (!active[k] || k == a || k == b) continue;
                double dak = d[a, k], dbk = d[b, k], na = size[a], nb = size[b], nk = size[k];
                double updated = method switch
                {
                    LinkageMethod.Single => Math.Min(dak, dbk),
                    LinkageMethod.Complete => Math.Max(dak, dbk),
                    LinkageMethod.Average => (na * dak + nb * dbk) / (na + nb),
                    // Ward on Euclidean distances: the squared form of the update is exact for the
                    // increase in within-cluster sum of squares (times 2), SciPy reports its square root.
                    _ => Math.Sqrt(((na + nk) * dak * dak + (nb + nk) * dbk * dbk - nk * best * best) / (na + nb + nk)),
                };
                d[a, k] = d[k, a] = updated;
            }
            active[b] = false;
            size[a] += size[b];
            id[a] = n + t;
        }
        return z;
    }
    // </snippet>

    /// <summary>
    /// Cut the tree into <paramref name="k"/> flat clusters (SciPy's fcluster with criterion "maxclust"
    /// when heights do not tie): undo the last k − 1 merges. Labels are 0..k-1, numbered by first appearance.
    /// </summary>
    public static int[] Cut(Matrix<double> linkage, int k)
    {
        Guard.Matrix(linkage, nameof(linkage));
        Guard.HasShape(linkage, linkage.RowCount, 4, nameof(linkage), "n − 1 merges by 4 columns, SciPy's format");
        int n = linkage.RowCount + 1;
        Guard.Positive(k, nameof(k));
        Guard.AtMost(k, n, nameof(k), $"one cluster needs a row, and the linkage's data have only {n} rows");
        var parent = new int[2 * n - 1];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        // Apply only the first n − k merges: union-find over the cluster numbers.
        for (int t = 0; t < n - k; t++)
        {
            parent[(int)linkage[t, 0]] = n + t;
            parent[(int)linkage[t, 1]] = n + t;
        }
        var labels = new int[n];
        var seen = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int r = i;
            while (parent[r] != r) r = parent[r];
            if (!seen.TryGetValue(r, out int label)) { label = seen.Count; seen[r] = label; }
            labels[i] = label;
        }
        return labels;
    }
}

/// <summary>
/// Estimator wrapper over <see cref="HierarchicalLinkage"/>: builds the whole tree on Fit and cuts it into
/// <see cref="NClusters"/> clusters (Week 7, section 10).
/// </summary>
public sealed class AgglomerativeClustering : Core.Estimators.IClusterer
{
    private Matrix<double>? _linkage;
    private int[]? _labels;

    public AgglomerativeClustering(int nClusters, LinkageMethod linkage = LinkageMethod.Ward)
    {
        Guard.Positive(nClusters, nameof(nClusters));
        Guard.Defined(linkage, nameof(linkage));
        NClusters = nClusters;
        Linkage = linkage;
    }

    public int NClusters { get; }
    public LinkageMethod Linkage { get; }
    public bool IsFitted => _labels is not null;
    /// <summary>The SciPy-style (n − 1) x 4 linkage matrix of the training data.</summary>
    public Matrix<double> LinkageMatrix { get { Guard.Fitted(IsFitted, nameof(AgglomerativeClustering), nameof(LinkageMatrix)); return _linkage!.Clone(); } }
    public int[] Labels { get { Guard.Fitted(IsFitted, nameof(AgglomerativeClustering), nameof(Labels)); return (int[])_labels!.Clone(); } }

    public AgglomerativeClustering Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        Guard.AtMost(NClusters, x.RowCount, nameof(NClusters), $"one cluster needs a row, and {nameof(x)} has only {x.RowCount} rows");
        var z = HierarchicalLinkage.Compute(x, Linkage);
        _labels = HierarchicalLinkage.Cut(z, NClusters);
        _linkage = z;
        return this;
    }

    Core.Estimators.IClusterer Core.Estimators.IClusterer.Fit(Matrix<double> x) => Fit(x);
}
