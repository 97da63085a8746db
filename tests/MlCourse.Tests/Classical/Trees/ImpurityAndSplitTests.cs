using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Trees;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Trees;

public class ImpurityAndSplitTests
{
    [Fact]
    public void Entropy_and_Gini_match_scipy_and_the_definition()
    {
        // Expected: scipy.stats.entropy(p, base=2) and 1 − Σp², recorded by tests/reference/week05_trees.py for counts (5, 3, 2).
        var r = Week05Reference.Get("impurity");
        double[] counts = r.Doubles("counts");
        Assert.Equal(r.GetProperty("entropy_bits").GetDouble(), Impurity.Entropy(counts), 1e-12);
        Assert.Equal(r.GetProperty("gini").GetDouble(), Impurity.Gini(counts), 1e-12);
        // By hand: a 50/50 node has 1 bit of entropy and Gini 1/2; a pure node 0 and 0.
        Assert.Equal(1.0, Impurity.Entropy([4, 4]), 1e-15);
        Assert.Equal(0.5, Impurity.Gini([4, 4]), 1e-15);
        Assert.Equal(0.0, Impurity.Entropy([0, 7]), 1e-15);
    }

    [Fact]
    public void Mutual_information_matches_scikit_learn_and_equals_information_gain()
    {
        // Expected: sklearn.metrics.mutual_info_score (nats) recorded by week05_trees.py; ours is in bits.
        var r = Week05Reference.Get("mutual_information");
        var a = r.Doubles("a").Select(v => (int)v).ToArray();
        var b = r.Doubles("b").Select(v => (int)v).ToArray();
        var table = new double[3][];
        for (int i = 0; i < 3; i++) table[i] = new double[2];
        for (int i = 0; i < a.Length; i++) table[a[i]][b[i]]++;
        double mi = Impurity.MutualInformation(table);
        Assert.Equal(r.GetProperty("mi_nats").GetDouble() / Math.Log(2), mi, 1e-12);
        // A binary split's information gain is I(side; class): the two-row table of the split.
        double[] left = [3, 1], right = [1, 5];
        Assert.Equal(Impurity.MutualInformation([left, right]), Impurity.InformationGain(left, right), 1e-12);
    }

    [Fact]
    public void Impurities_reject_negative_or_empty_counts()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Impurity.Gini([1, -1])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Impurity.Entropy([0, 0])).ParamName);
        Assert.Contains("rectangular", Assert.Throws<ArgumentException>(() => Impurity.MutualInformation([[1, 2], [3]])).Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Root_split_agrees_with_a_brute_force_search_over_every_feature_and_threshold(int seed)
    {
        // Brute force: every feature, every threshold halfway between distinct sorted values, the weighted
        // Gini decrease computed from scratch; the stump must reach the same best decrease. Values are rounded
        // to one decimal, so many rows tie on a feature value (thresholds between equal values are not allowed).
        var rng = Seeded.Random(seed);
        int n = 60, d = 4;
        var x = Matrix<double>.Build.Dense(n, d, (_, _) => Math.Round(rng.NextDouble() * 3, 1));
        var y = Vector<double>.Build.Dense(n, i => x[i, 1] + 0.5 * rng.NextGaussian() > 1.5 ? (x[i, 2] > 2 ? 2 : 1) : 0);
        if (y.Distinct().Count() < 3) y[0] = 0;
        var stump = new DecisionTreeClassifier(maxDepth: 1).Fit(x, y);
        var root = stump.Tree.Node(0);

        double best = double.NegativeInfinity;
        for (int f = 0; f < d; f++)
        {
            var values = Enumerable.Range(0, n).Select(i => x[i, f]).Distinct().Order().ToArray();
            for (int k = 0; k + 1 < values.Length; k++)
            {
                double t = (values[k] + values[k + 1]) / 2;
                best = Math.Max(best, Decrease(x, y, f, t));
            }
        }
        Assert.Equal(best, Decrease(x, y, root.Feature, root.Threshold), 1e-12);
        // The threshold really separates distinct values: no training value equals it.
        Assert.DoesNotContain(root.Threshold, Enumerable.Range(0, n).Select(i => x[i, root.Feature]));
    }

    private static double Decrease(Matrix<double> x, Vector<double> y, int f, double t)
    {
        double Gini(IEnumerable<int> rows)
        {
            var r = rows.ToArray();
            return r.Length == 0 ? 0 : 1 - r.GroupBy(i => y[i]).Sum(g => Math.Pow(g.Count() / (double)r.Length, 2));
        }
        var all = Enumerable.Range(0, x.RowCount).ToArray();
        var left = all.Where(i => x[i, f] <= t).ToArray();
        var right = all.Where(i => x[i, f] > t).ToArray();
        return all.Length * Gini(all) - left.Length * Gini(left) - right.Length * Gini(right);
    }

    [Fact]
    public void Regression_tree_leaf_is_the_mean_and_a_stump_finds_a_step()
    {
        // A step function: y = 1 for x ≤ 4, y = 5 above. The best stump splits at 4.5 and predicts each side's mean.
        var x = Matrix<double>.Build.Dense(10, 1, (i, _) => i);
        var y = Vector<double>.Build.Dense(10, i => i <= 4 ? 1.0 : 5.0);
        var tree = new DecisionTreeRegressor(maxDepth: 1).Fit(x, y);
        Assert.Equal(4.5, tree.Tree.Node(0).Threshold);
        Assert.Equal([1.0, 1, 5, 5], tree.Predict(Matrix<double>.Build.DenseOfColumnArrays(new[] { 0.0, 4, 5, 9 })).ToArray());
    }

    [Fact]
    public void Tree_estimators_validate_their_arguments_and_refuse_to_predict_before_fit()
    {
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeClassifier(maxDepth: 0)).ParamName);
        Assert.Equal("minSamplesSplit", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeClassifier(minSamplesSplit: 1)).ParamName);
        Assert.Equal("criterion", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeClassifier(SplitCriterion.SquaredError)).ParamName);
        Assert.Equal("ccpAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeRegressor(ccpAlpha: -1)).ParamName);
        var x = Matrix<double>.Build.Dense(4, 2, (i, j) => i + j);
        Assert.Throws<MlCourse.Core.Validation.NotFittedException>(() => new DecisionTreeClassifier().Predict(x));
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new DecisionTreeClassifier().Fit(x, Vector<double>.Build.DenseOfArray([0, 1, 0.5, 1]))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new DecisionTreeClassifier().Fit(x, null!)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new MlCourse.Classical.Ensembles.RandomForestClassifier().Fit(x, null!)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new DecisionTreeRegressor().Fit(Matrix<double>.Build.Dense(4, 2, (i, j) => i == 2 ? double.NaN : 1), Vector<double>.Build.Dense(4))).ParamName);
        var tree = new DecisionTreeClassifier().Fit(x, Vector<double>.Build.DenseOfArray([0, 1, 0, 1]));
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => tree.Predict(Matrix<double>.Build.Dense(2, 3))).ParamName);
    }

    [Fact]
    public void Fit_does_not_modify_the_callers_data_and_pruning_only_removes_leaves()
    {
        var d = Week05Reference.Load("breast_cancer");
        var x = d.X.Clone();
        var y = d.Y.Clone();
        var full = new DecisionTreeClassifier().Fit(x, y);
        Assert.True(x.Equals(d.X) && y.Equals(d.Y));
        var path = full.CostComplexityPruningPath(x, y);
        // Along the path alphas never decrease, leaf impurity never decreases, leaves shrink to the root.
        for (int i = 1; i < path.Alphas.Count; i++)
        {
            Assert.True(path.Alphas[i] >= path.Alphas[i - 1] - 1e-15);
            Assert.True(path.Impurities[i] >= path.Impurities[i - 1] - 1e-15);
            Assert.True(path.Leaves[i] < path.Leaves[i - 1]);
        }
        Assert.Equal(1, path.Leaves[^1]);
        Assert.Equal(full.Tree.LeafCount, path.Leaves[0]);
    }
}
