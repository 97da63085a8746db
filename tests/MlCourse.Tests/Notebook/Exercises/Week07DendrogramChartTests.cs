using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook.Exercises;

public class Week07DendrogramChartTests
{
    [Fact]
    public void Dendrogram_draws_one_shape_per_merge_at_the_merge_heights_with_leaves_in_tree_order()
    {
        // Points 0, 1 close together, 2 and 3 close together, far apart: SciPy's leaf order is 0 1 2 3 and the
        // linkage (single) merges (0,1) at 1, (2,3) at 2, then both at 8 (hand computation).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0 }, { 1 }, { 9 }, { 11 } });
        var z = HierarchicalLinkage.Compute(x, LinkageMethod.Single);
        var figure = Charts.Dendrogram(z, "tree", ["a", "b", "c", "d"], cutHeight: 5);
        var ys = figure.Data[0]!["y"]!.AsArray().Select(v => v?.GetValue<double>()).ToArray();
        // Three ⊓ shapes of 4 points, each followed by a null break.
        Assert.Equal(15, ys.Length);
        Assert.Equal(new double?[] { 0, 1, 1, 0 }, ys[0..4]);
        Assert.Equal(new double?[] { 0, 2, 2, 0 }, ys[5..9]);
        Assert.Equal(new double?[] { 1, 8, 8, 2 }, ys[10..14]);
        Assert.Equal(new[] { "a", "b", "c", "d" }, figure.Layout["xaxis"]!["ticktext"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(2, figure.Data.Count);     // the cut line
    }

    [Fact]
    public void Dendrogram_rejects_a_matrix_that_is_not_a_linkage()
    {
        Assert.Throws<ArgumentException>(() => Charts.Dendrogram(Matrix<double>.Build.Dense(3, 3), "t"));
        var bad = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 5, 1, 2 } });
        var ex = Assert.Throws<ArgumentException>(() => Charts.Dendrogram(bad, "t"));
        Assert.Contains("only clusters 0..1", ex.Message);
        Assert.Throws<ArgumentException>(() => Charts.Dendrogram(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1, 1, 2 } }), "t", ["only one"]));
    }
}
