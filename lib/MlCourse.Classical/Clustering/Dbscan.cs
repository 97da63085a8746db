using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Clustering;

/// <summary>The role DBSCAN gives a point.</summary>
public enum DbscanPointKind
{
    /// <summary>At least MinSamples points (itself included) within Eps.</summary>
    Core,
    /// <summary>Not core, but within Eps of a core point: joins that core point's cluster.</summary>
    Border,
    /// <summary>Neither: label −1.</summary>
    Noise,
}

/// <summary>
/// DBSCAN (Ester et al. 1996; Week 7, section 11 "DBSCAN"): clusters are the connected
/// components of core points (a core point has at least <see cref="MinSamples"/> points, itself
/// included, within distance <see cref="Eps"/>), plus the border points within Eps of them; everything
/// else is noise (label −1). No k to choose, any shape, but one density scale for the whole data set.
/// </summary>
/// <remarks>
/// Clusters are grown from unlabelled core points in row order, and a border point reachable from two
/// clusters joins the first one that reaches it: the same labels as scikit-learn 1.2.1's DBSCAN.
/// The neighbourhoods are found by brute force, O(n²) distances.
/// </remarks>
public sealed class Dbscan : IClusterer
{
    public const int Noise = -1;
    private int[]? _labels;
    private DbscanPointKind[]? _kinds;

    public Dbscan(double eps = 0.5, int minSamples = 5)
    {
        Guard.Positive(eps, nameof(eps));
        Guard.Positive(minSamples, nameof(minSamples));
        Eps = eps; MinSamples = minSamples;
    }

    public double Eps { get; }
    public int MinSamples { get; }
    public bool IsFitted => _labels is not null;
    /// <summary>Cluster of every training row, 0..C-1, or −1 for noise.</summary>
    public int[] Labels { get { Guard.Fitted(IsFitted, nameof(Dbscan), nameof(Labels)); return (int[])_labels!.Clone(); } }
    public DbscanPointKind[] Kinds { get { Guard.Fitted(IsFitted, nameof(Dbscan), nameof(Kinds)); return (DbscanPointKind[])_kinds!.Clone(); } }
    public int ClusterCount { get { Guard.Fitted(IsFitted, nameof(Dbscan), nameof(ClusterCount)); return _labels!.Length == 0 ? 0 : _labels.Max() + 1; } }

    // <snippet name="dbscan">
    public Dbscan Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        int n = x.RowCount, p = x.ColumnCount;
        var data = SpanMath.RowMajor(x);
        double eps2 = Eps * Eps;
        var neighbours = new List<int>[n];
        for (int i = 0; i < n; i++) neighbours[i] = new List<int>();
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                if (SpanMath.SquaredDistance(data, i * p, data, j * p, p) <= eps2)
                {
                    neighbours[i].Add(j);
                    if (j != i) neighbours[j].Add(i);
                }
        var core = new bool[n];
        for (int i = 0; i < n; i++) core[i] = neighbours[i].Count >= MinSamples;   // the point counts itself

        var labels = new int[n];
        Array.Fill(labels, Noise);
        int cluster = 0;
        var stack = new Stack<int>();
        for (int start = 0; start < n; start++)
        {
            if (labels[start] != Noise || !core[start]) continue;
            // Density-reachability: only core points pass the search on; border points are labelled but stop it.
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                if (labels[i] != Noise) continue;
                labels[i] = cluster;
                if (!core[i]) continue;
                foreach (int j in neighbours[i])
                    if (labels[j] == Noise) stack.Push(j);
            }
            cluster++;
        }
        _labels = labels;
        _kinds = new DbscanPointKind[n];
        for (int i = 0; i < n; i++)
            _kinds[i] = core[i] ? DbscanPointKind.Core : labels[i] == Noise ? DbscanPointKind.Noise : DbscanPointKind.Border;
        return this;
    }
    // </snippet>

    IClusterer IClusterer.Fit(Matrix<double> x) => Fit(x);
}
