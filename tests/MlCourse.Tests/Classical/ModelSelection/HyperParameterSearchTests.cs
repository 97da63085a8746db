using MlCourse.Classical.LinearModels;
using MlCourse.Core.Metrics;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Trees;
using MlCourse.Tests.Classical.Support;
using MlCourse.Tests.Classical.Trees;

namespace MlCourse.Tests.Classical.ModelSelection;

public class HyperParameterSearchTests
{
    [Fact]
    public void Grid_combinations_are_the_cartesian_product_last_name_fastest()
    {
        var combos = GridSearch.Combinations(new Dictionary<string, double[]> { ["a"] = [1, 2], ["b"] = [10, 20, 30] });
        Assert.Equal(6, combos.Count);
        Assert.Equal(["a=1, b=10", "a=1, b=20", "a=1, b=30", "a=2, b=10", "a=2, b=20", "a=2, b=30"], combos.Select(c => c.ToString()));
    }

    [Fact]
    public void Grid_search_scores_equal_a_hand_written_cross_validation_loop_and_pick_the_best()
    {
        // The definition: for each depth, CrossValidation.Run with the same folds; the search must report exactly
        // those scores and choose the depth with the highest mean.
        var (xtr, ytr, _, _) = Week05Reference.Split(Week05Reference.Load("breast_cancer"));
        var cv = new StratifiedKFold(5, shuffle: true, seed: 3);
        var depths = new double[] { 1, 2, 3, 5, 8 };
        var result = GridSearch.Run(new Dictionary<string, double[]> { ["maxDepth"] = depths },
            p => new DecisionTreeClassifier(maxDepth: p.Int("maxDepth")), xtr, ytr, cv, ClassificationMetrics.Accuracy);
        var manual = depths.Select(d => CrossValidation.Run(() => new DecisionTreeClassifier(maxDepth: (int)d), xtr, ytr, cv, ClassificationMetrics.Accuracy).Mean).ToArray();
        Assert.Equal(manual, result.Candidates.Select(c => c.Score.Mean).ToArray());
        Assert.Equal(depths[Array.IndexOf(manual, manual.Max())], result.Best.Parameters["maxDepth"]);
    }

    [Fact]
    public void Grid_search_works_with_a_regressor_from_another_week()
    {
        // Ridge on standardised diabetes: a larger alpha than ~1000 over-shrinks; the search must not prefer it.
        var (x, y) = Data.DiabetesStandardized();
        var result = GridSearch.Run(new Dictionary<string, double[]> { ["alpha"] = [0.1, 1, 10, 1000, 100000] },
            p => new RidgeRegression(p["alpha"]), x, y, new KFold(5, shuffle: true, seed: 1), RegressionMetrics.R2);
        Assert.True(result.Best.Parameters["alpha"] <= 10, $"best alpha {result.Best.Parameters["alpha"]}");
        Assert.True(result.Candidates[^1].Score.Mean < result.Best.Score.Mean);
    }

    [Fact]
    public void Random_search_draws_inside_the_space_reproducibly()
    {
        var space = new Dictionary<string, ParameterDistribution>
        {
            ["depth"] = ParameterDistribution.IntRange(2, 6),
            ["lr"] = ParameterDistribution.LogUniform(1e-3, 1),
            ["leaf"] = ParameterDistribution.Choice(1, 5, 10),
        };
        var a = RandomSearch.Sample(space, 200, seed: 4);
        var b = RandomSearch.Sample(space, 200, seed: 4);
        Assert.Equal(a.Select(p => p.ToString()), b.Select(p => p.ToString()));
        Assert.All(a, p =>
        {
            Assert.InRange(p.Int("depth"), 2, 6);
            Assert.InRange(p["lr"], 1e-3, 1);
            Assert.Contains(p["leaf"], new[] { 1.0, 5, 10 });
        });
        // Log-uniform: about half the draws below √(1e-3·1) ≈ 0.032 (a uniform draw would put 3% there).
        double below = a.Count(p => p["lr"] < Math.Sqrt(1e-3)) / 200.0;
        Assert.InRange(below, 0.35, 0.65);
        Assert.Equal(5, a.Select(p => p.Int("depth")).Distinct().Count());
    }

    [Fact]
    public void Random_search_runs_cross_validation_for_each_draw()
    {
        var (xtr, ytr, _, _) = Week05Reference.Split(Week05Reference.Load("wine"));
        var space = new Dictionary<string, ParameterDistribution> { ["maxDepth"] = ParameterDistribution.IntRange(1, 6) };
        var cv = new StratifiedKFold(3);
        var result = RandomSearch.Run(space, 4, p => new DecisionTreeClassifier(maxDepth: p.Int("maxDepth")), xtr, ytr, cv, ClassificationMetrics.Accuracy, seed: 2);
        Assert.Equal(4, result.Candidates.Count);
        foreach (var c in result.Candidates)
            Assert.Equal(CrossValidation.Run(() => new DecisionTreeClassifier(maxDepth: c.Parameters.Int("maxDepth")), xtr, ytr, cv, ClassificationMetrics.Accuracy).Mean, c.Score.Mean);
    }

    [Fact]
    public void Search_arguments_are_validated()
    {
        Assert.Equal("grid", Assert.Throws<ArgumentException>(() => GridSearch.Combinations(new Dictionary<string, double[]> { ["a"] = [] })).ParamName);
        Assert.Equal("nIter", Assert.Throws<ArgumentOutOfRangeException>(() => RandomSearch.Sample(new Dictionary<string, ParameterDistribution> { ["a"] = ParameterDistribution.Uniform(0, 1) }, 0)).ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterDistribution.LogUniform(0, 1)).ParamName);
        var p = new ParameterSet(new Dictionary<string, double> { ["depth"] = 2.5 });
        Assert.Contains("not a whole number", Assert.Throws<InvalidOperationException>(() => p.Int("depth")).Message);
        Assert.Contains("depth", Assert.Throws<KeyNotFoundException>(() => p["alpha"]).Message);
    }
}
