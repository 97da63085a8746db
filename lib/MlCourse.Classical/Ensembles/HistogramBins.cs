namespace MlCourse.Classical.Ensembles;

/// <summary>
/// Histogram split finding (LightGBM, XGBoost's "hist"; Week 5, "Histogram-based split finding"): each feature
/// is cut once, before training, into at most maxBins bins at quantiles of its values. A node then sums g and h
/// per bin in one O(m) pass and tries only the bin edges, O(bins) per feature, instead of sorting its m rows
/// (O(m log m)) and trying every distinct value. The thresholds are coarser; the accuracy cost is usually small.
/// </summary>
internal sealed class HistogramBins
{
    public HistogramBins(double[][] columns, int maxBins)
    {
        Edges = new double[columns.Length][];
        Bins = new int[columns.Length][];
        for (int f = 0; f < columns.Length; f++)
        {
            var sorted = (double[])columns[f].Clone();
            Array.Sort(sorted);
            var edges = new List<double>();
            int n = sorted.Length;
            int distinct = 1;
            for (int i = 1; i < n; i++) if (sorted[i] != sorted[i - 1]) distinct++;
            if (distinct <= maxBins)
            {   // every distinct value its own bin: histogram search is then exact
                for (int i = 0; i < n - 1; i++) if (sorted[i] != sorted[i + 1]) edges.Add(sorted[i] / 2 + sorted[i + 1] / 2);
            }
            else
            {
                for (int b = 1; b < maxBins; b++)
                {
                    int i = (int)((long)b * n / maxBins) - 1;           // last value of the b-th quantile block
                    while (i + 1 < n && sorted[i + 1] == sorted[i]) i++; // never cut between equal values
                    if (i + 1 >= n) break;
                    double edge = sorted[i] / 2 + sorted[i + 1] / 2;
                    if (edges.Count == 0 || edge > edges[^1]) edges.Add(edge);
                }
            }
            Edges[f] = [.. edges];
            var bins = new int[n];
            for (int i = 0; i < n; i++) bins[i] = BinOf(Edges[f], columns[f][i]);
            Bins[f] = bins;
        }
    }

    /// <summary>Edges[f][b]: rows with bin ≤ b are exactly the rows with x ≤ Edges[f][b].</summary>
    public double[][] Edges { get; }

    /// <summary>Bins[f][i]: the bin of training row i in feature f, 0..Edges[f].Length.</summary>
    public int[][] Bins { get; }

    private static int BinOf(double[] edges, double v)
    {
        int lo = 0, hi = edges.Length;   // first edge ≥ v
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (edges[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
