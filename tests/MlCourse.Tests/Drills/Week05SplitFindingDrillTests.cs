using Drills.Week05;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Trees;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Drills;

public class Week05SplitFindingDrillTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Drill_agrees_with_brute_force_and_with_the_library_stump(int seed)
    {
        // Brute force: every feature, every midpoint of distinct values, weighted Gini recounted from scratch.
        // Library: the root of a depth-1 CART tree (Gini) must give the same impurity (minimising the weighted child
        // Gini is maximising the Gini decrease).
        var rng = Seeded.Random(seed);
        int n = 80, d = 4;
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => Math.Round(rng.NextDouble() * 4, 1)).ToArray()).ToArray();
        var y = x.Select(r => r[2] + 0.7 * rng.NextGaussian() > 2 ? (r[0] > 3 ? 2 : 1) : 0).ToArray();
        var split = SplitFindingDrill.BestSplit(x, y);

        double brute = double.PositiveInfinity;
        for (int f = 0; f < d; f++)
        {
            var values = x.Select(r => r[f]).Distinct().Order().ToArray();
            for (int k = 0; k + 1 < values.Length; k++) brute = Math.Min(brute, Weighted(x, y, f, (values[k] + values[k + 1]) / 2));
        }
        Assert.Equal(brute, split.WeightedGini, 1e-12);
        Assert.Equal(brute, Weighted(x, y, split.Feature, split.Threshold), 1e-12);

        var stump = new DecisionTreeClassifier(maxDepth: 1).Fit(Matrix<double>.Build.DenseOfRowArrays(x), Vector<double>.Build.DenseOfEnumerable(y.Select(v => (double)v)));
        var root = stump.Tree.Node(0);
        Assert.Equal(brute, Weighted(x, y, root.Feature, root.Threshold), 1e-12);
        Assert.Equal(root.Feature, split.Feature);        // both take the first feature on a tie
        Assert.Equal(root.Threshold, split.Threshold, 1e-12);
    }

    [Fact]
    public void Drill_refuses_bad_input_and_reports_no_split_for_constant_features()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => SplitFindingDrill.BestSplit([[1.0]], [0, 1])).ParamName);
        Assert.Equal(-1, SplitFindingDrill.BestSplit([[2.0, 5], [2.0, 5]], [0, 1]).Feature);
    }

    private static double Weighted(double[][] x, int[] y, int f, double t)
    {
        static double Gini(int[] labels) => labels.Length == 0 ? 0 : 1 - labels.GroupBy(v => v).Sum(g => Math.Pow(g.Count() / (double)labels.Length, 2));
        var left = y.Where((_, i) => x[i][f] <= t).ToArray();
        var right = y.Where((_, i) => x[i][f] > t).ToArray();
        return (left.Length * Gini(left) + right.Length * Gini(right)) / y.Length;
    }
}
