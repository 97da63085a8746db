using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Tests.Classical.Decomposition;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Clustering;

public class HierarchicalLinkageTests
{
    [Theory]
    [InlineData(LinkageMethod.Single, "single")]
    [InlineData(LinkageMethod.Complete, "complete")]
    [InlineData(LinkageMethod.Average, "average")]
    [InlineData(LinkageMethod.Ward, "ward")]
    public void Linkage_matrix_matches_scipy(LinkageMethod method, string name)
    {
        // Expected: scipy.cluster.hierarchy.linkage(X, method) on 12 points without tied distances,
        // recorded by tests/reference/week07_unsupervised.py: same merges, same ids, same heights.
        var x = Week07Reference.Matrix("linkage", "X");
        var z = HierarchicalLinkage.Compute(x, method);
        Expect.Close(Week07Reference.Matrix("linkage", name), z, 1e-12, name);
    }

    [Theory]
    [InlineData(LinkageMethod.Single, "single")]
    [InlineData(LinkageMethod.Ward, "ward")]
    [InlineData(LinkageMethod.Average, "average")]
    public void Cutting_into_three_clusters_matches_scipy_fcluster(LinkageMethod method, string name)
    {
        // Expected: fcluster(Z, 3, "maxclust"), same script (SciPy numbers clusters 1..3 in its own order).
        var x = Week07Reference.Matrix("linkage", "X");
        var labels = new AgglomerativeClustering(3, method).Fit(x).Labels;
        Assert.True(Week07Reference.SamePartition(Week07Reference.Ints("linkage", name + "_fcluster3"), labels));
    }

    [Fact]
    public void Single_linkage_heights_are_the_minimum_spanning_tree_edges()
    {
        // Independent: Prim's algorithm on the complete distance graph gives the same multiset of edge lengths.
        var x = Week07Reference.Matrix("linkage", "X");
        int n = x.RowCount;
        var inTree = new bool[n];
        var best = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        best[0] = 0;
        var edges = new List<double>();
        for (int step = 0; step < n; step++)
        {
            int u = Enumerable.Range(0, n).Where(i => !inTree[i]).MinBy(i => best[i]);
            inTree[u] = true;
            if (step > 0) edges.Add(best[u]);
            for (int v = 0; v < n; v++) if (!inTree[v]) best[v] = Math.Min(best[v], (x.Row(u) - x.Row(v)).L2Norm());
        }
        var heights = HierarchicalLinkage.Compute(x, LinkageMethod.Single).Column(2).ToArray();
        Expect.Close(Vector<double>.Build.DenseOfEnumerable(edges.Order()), Vector<double>.Build.DenseOfArray(heights), 1e-12);
    }

    [Fact]
    public void Ward_heights_are_the_increase_in_within_cluster_sum_of_squares()
    {
        // Closed form: merging A and B raises the SSE by |A||B|/(|A|+|B|)·‖mean_A − mean_B‖², and SciPy's height is
        // sqrt(2 × that increase). Two pairs of points: the first merge height is their distance.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 1, 0 }, { 10, 0 }, { 12, 0 } });
        var z = HierarchicalLinkage.Compute(x, LinkageMethod.Ward);
        Expect.Close(1.0, z[0, 2], 1e-12);
        Expect.Close(2.0, z[1, 2], 1e-12);
        double increase = 2.0 * 2.0 / 4.0 * Math.Pow(11.0 - 0.5, 2);
        Expect.Close(Math.Sqrt(2 * increase), z[2, 2], 1e-12);
        Assert.Equal(4.0, z[2, 3]);
    }

    [Fact]
    public void Rejects_a_single_row_and_too_many_clusters()
    {
        Assert.Throws<ArgumentException>(() => HierarchicalLinkage.Compute(Matrix<double>.Build.Dense(1, 2), LinkageMethod.Ward));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AgglomerativeClustering(5).Fit(Matrix<double>.Build.Dense(3, 2, (i, j) => i + j)));
        Assert.Contains("only 3 rows", ex.Message);
        Assert.Throws<ArgumentException>(() => HierarchicalLinkage.Cut(Matrix<double>.Build.Dense(3, 3), 2));
    }
}
