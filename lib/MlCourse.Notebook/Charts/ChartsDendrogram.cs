using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

public static partial class Charts
{
    /// <summary>
    /// A dendrogram of a SciPy-style linkage matrix (Week 7, section 10 "Hierarchical clustering"): each merge is a "⊓" whose
    /// height is the linkage distance, leaves in the order that keeps branches from crossing (SciPy's: left subtree
    /// first). <paramref name="cutHeight"/> draws the horizontal line that cuts the tree into flat clusters.
    /// </summary>
    public static Figure Dendrogram(Matrix<double> linkage, string title, IEnumerable<string>? leafLabels = null,
        double? cutHeight = null, string yLabel = "merge height")
    {
        var layout = DendrogramLayout.Of(linkage);
        int n = layout.LeafOrder.Length;
        var labels = leafLabels?.ToArray() ?? Enumerable.Range(0, n).Select(i => i.ToString()).ToArray();
        Guard.Length(labels.Length, n, nameof(leafLabels), $"one label per leaf of the linkage");
        // All ⊓ shapes in one trace; NaN becomes null, which plotly draws as a break between shapes.
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var (x, y) in layout.Links)
        {
            xs.AddRange(x); ys.AddRange(y);
            xs.Add(double.NaN); ys.Add(double.NaN);
        }
        var traces = new List<JsonObject> { Traces.Scatter(new Series("merges", xs, ys), "lines", showLegend: false, "#1f77b4") };
        traces[0]["connectgaps"] = false;
        if (cutHeight is double h)
            traces.Add(Traces.Scatter(new Series($"cut at {h:G4}", [0.0, 10.0 * n], [h, h]), "lines", showLegend: true, "#e41a1c"));
        var figure = Build(traces, title, "leaf", yLabel);
        figure.Layout["xaxis"]!["tickvals"] = Traces.Numbers(Enumerable.Range(0, n).Select(i => 10.0 * i + 5));
        figure.Layout["xaxis"]!["ticktext"] = Traces.Strings(layout.LeafOrder.Select(i => labels[i]));
        return figure;
    }
}

/// <summary>Coordinates of a dendrogram: leaf i of the order sits at x = 10i + 5, as in SciPy's dendrogram.</summary>
internal sealed record DendrogramLayout(int[] LeafOrder, List<(double[] X, double[] Y)> Links)
{
    public static DendrogramLayout Of(Matrix<double> z)
    {
        Guard.NotNull(z, nameof(z));
        if (z.ColumnCount != 4 || z.RowCount == 0)
            throw new ArgumentException($"linkage must be an (n − 1) x 4 SciPy linkage matrix, but is {z.RowCount}x{z.ColumnCount}.", nameof(z));
        int n = z.RowCount + 1;
        for (int t = 0; t < z.RowCount; t++)
            for (int c = 0; c < 2; c++)
                if (z[t, c] < 0 || z[t, c] >= n + t || z[t, c] != Math.Floor(z[t, c]))
                    throw new ArgumentException($"linkage row {t} merges cluster {z[t, c]}, but only clusters 0..{n + t - 1} exist at that step.", nameof(z));
        var order = new List<int>();
        var x = new double[2 * n - 1];
        var height = new double[2 * n - 1];
        var links = new List<(double[], double[])>();
        // Iterative post-order walk from the root (cluster 2n − 2), left child first.
        var stack = new Stack<(int Node, bool Expanded)>();
        stack.Push((2 * n - 2, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (node < n) { x[node] = 10.0 * order.Count + 5; order.Add(node); continue; }
            int t = node - n;
            int left = (int)z[t, 0], right = (int)z[t, 1];
            if (!expanded)
            {
                stack.Push((node, true));
                stack.Push((right, false));
                stack.Push((left, false));
                continue;
            }
            height[node] = z[t, 2];
            x[node] = (x[left] + x[right]) / 2;
            links.Add(([x[left], x[left], x[right], x[right]], [height[left], height[node], height[node], height[right]]));
        }
        return new DendrogramLayout(order.ToArray(), links);
    }
}
