using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.FeatureSelection;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;
using static MlCourse.Tests.Classical.Preprocessing.Week08Reference;

namespace MlCourse.Tests.Classical.FeatureSelection;

public class FeatureSelectionTests
{
    private static readonly System.Text.Json.JsonElement F = Section("filters");

    [Fact]
    public void Chi_square_scores_and_p_values_match_scikit_learn()
    {
        // Expected: sklearn.feature_selection.chi2 on 45x5 Poisson counts with 3 classes, recorded by week08_features.py.
        var result = FilterScores.Chi2(Matrix(F, "counts"), Vector(F, "labels"));
        Expect.RelativelyClose(Vector(F, "chi2"), result.Scores, 1e-12);
        Expect.RelativelyClose(Vector(F, "chi2_p"), result.PValues!, 1e-9);
    }

    [Fact]
    public void Anova_f_scores_and_p_values_match_scikit_learn_for_two_and_three_groups()
    {
        // Expected: f_classif on diabetes (raw data/ files) without the sex column, grouped by sex; and grouped into 3
        // bands of the target. Recorded by week08_features.py. p-values span 1e-20..0.9, so compare each relatively.
        var (x, y) = Data.DiabetesRaw();
        var others = Matrix<double>.Build.DenseOfColumnVectors(Enumerable.Range(0, 10).Where(j => j != 1).Select(x.Column));
        var bySex = FilterScores.FClassif(others, x.Column(1));
        Expect.RelativelyClose(Vector(F, "fclassif_sex"), bySex.Scores, 1e-10);
        AssertEachRelativelyClose(Vector(F, "fclassif_sex_p"), bySex.PValues!, 1e-8);
        var byBand = FilterScores.FClassif(others, Vector(F, "y_class"));
        Expect.RelativelyClose(Vector(F, "fclassif_bands"), byBand.Scores, 1e-10);
        AssertEachRelativelyClose(Vector(F, "fclassif_bands_p"), byBand.PValues!, 1e-8);
    }

    [Fact]
    public void F_regression_matches_scikit_learn()
    {
        // Expected: f_regression(X, y) on raw diabetes, recorded by week08_features.py.
        var (x, y) = Data.DiabetesRaw();
        var result = FilterScores.FRegression(x, y);
        Expect.RelativelyClose(Vector(F, "fregression"), result.Scores, 1e-10);
        AssertEachRelativelyClose(Vector(F, "fregression_p"), result.PValues!, 1e-8);
    }

    [Fact]
    public void Mutual_information_sees_a_u_shaped_dependence_that_correlation_misses()
    {
        // y = x² + small noise on symmetric x: Pearson r ≈ 0, but y is nearly a function of x. Independent z: MI near
        // the plug-in bias (B − 1)²/(2n) = 81/4000 ≈ 0.02. MI of y with itself binned the same way is log(10).
        var rng = Seeded.Random(12);
        int n = 2000;
        var x = Matrix<double>.Build.Dense(n, 2, (_, _) => rng.NextDouble() * 2 - 1);
        var y = Vector<double>.Build.Dense(n, i => x[i, 0] * x[i, 0] + 0.01 * rng.NextGaussian());
        var r = FilterScores.Pearson(x, y);
        var mi = FilterScores.MutualInformation(x, y, bins: 10, discreteTarget: false);
        Assert.True(Math.Abs(r[0]) < 0.1, $"r = {r[0]}");
        Assert.True(mi[0] > 0.5, $"MI(x², x) = {mi[0]}");
        Assert.True(mi[1] < 0.06, $"MI(independent) = {mi[1]}");
        Assert.Equal(Math.Log(10), FilterScores.MutualInformation(Matrix<double>.Build.DenseOfColumnVectors(y), y, 10, discreteTarget: false)[0], 10);
    }

    [Fact]
    public void Recursive_feature_elimination_ranks_like_scikit_learn_rfe_with_least_squares()
    {
        // Expected: RFE(LinearRegression(), n_features_to_select=3, step=1) and (4, step=2) rankings on standardised
        // diabetes, recorded by week08_features.py; the library's LinearRegression supplies |coefficients|.
        var (x, y) = Data.DiabetesStandardized();
        Func<Matrix<double>, Vector<double>, Vector<double>> importance = (xs, ys) => new LinearRegression().Fit(xs, ys).Coefficients.PointwiseAbs();
        var rfe = new RecursiveFeatureElimination(importance, 3).Fit(x, y);
        Assert.Equal(Section("rfe").GetProperty("ranking_3_step1").EnumerateArray().Select(e => e.GetInt32()), ((RecursiveFeatureElimination)rfe).Ranking);
        var rfe2 = new RecursiveFeatureElimination(importance, 4, step: 2);
        rfe2.Fit(x, y);
        Assert.Equal(Section("rfe").GetProperty("ranking_4_step2").EnumerateArray().Select(e => e.GetInt32()), rfe2.Ranking);
        Assert.Equal(3, rfe.Transform(x).ColumnCount);
    }

    [Fact]
    public void Lasso_selection_keeps_the_informative_features_of_a_sparse_problem()
    {
        // y depends on features 0 and 3 only (plus noise); 8 noise features. With a moderate penalty Lasso zeroes the
        // noise weights, and SelectFromModel keeps exactly {0, 3}.
        var rng = Seeded.Random(21);
        var x = Matrix<double>.Build.Dense(300, 10, (_, _) => rng.NextGaussian());
        var y = Vector<double>.Build.Dense(300, i => 3 * x[i, 0] - 2 * x[i, 3] + 0.5 * rng.NextGaussian());
        var selector = new SelectFromModel((xs, ys) => new LassoRegression(alpha: 0.2).Fit(xs, ys).Coefficients);
        selector.Fit(x, y);
        Assert.Equal([0, 3], selector.Selected);
        var kBest = new SelectKBest((xs, ys) => FilterScores.FRegression(xs, ys).Scores, 2);
        kBest.Fit(x, y);
        Assert.Equal([0, 3], kBest.Selected);
    }

    [Fact]
    public void Selectors_reject_bad_input()
    {
        var x = Matrix<double>.Build.Dense(5, 2, 1);
        var y = Vector<double>.Build.DenseOfArray([0, 1, 0, 1, 0]);
        var negative = x.Clone(); negative[1, 1] = -1;
        var e = Assert.Throws<ArgumentException>("x", () => FilterScores.Chi2(negative, y));
        Assert.Contains("x[1, 1] is -1", e.Message);
        Assert.Throws<ArgumentException>("y", () => FilterScores.FClassif(x, Vector<double>.Build.Dense(5, 1)));
        Assert.Throws<ArgumentException>("x", () => new SelectKBest((a, b) => FilterScores.Pearson(a, b), 3).Fit(x, y));
        Assert.Throws<ArgumentOutOfRangeException>("featuresToSelect", () => new RecursiveFeatureElimination((a, b) => b, 0));
    }

    private static void AssertEachRelativelyClose(Vector<double> expected, Vector<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int j = 0; j < expected.Count; j++)
            Assert.True(Math.Abs(actual[j] - expected[j]) <= tolerance * Math.Abs(expected[j]) + 1e-300,
                $"entry {j}: expected {expected[j]:R}, actual {actual[j]:R}");
    }
}
