using MlCourse.Classical.Ensembles;
using MlCourse.Core.Metrics;
using MlCourse.Tests.Classical.Trees;

namespace MlCourse.Tests.Classical.Ensembles;

public class RandomForestTests
{
    [Theory]
    [InlineData("breast_cancer")]
    [InlineData("wine")]
    [InlineData("digits")]
    public void Forest_accuracy_and_OOB_score_are_comparable_to_scikit_learn(string name)
    {
        // Expected: RandomForestClassifier(n_estimators=100, oob_score=True) with random_state 0..4 on the same
        // split, recorded by tests/reference/week05_trees.py. The generators differ, so we compare with the mean
        // over scikit-learn's five seeds, within 3 points; the forest must also beat one tree (also recorded).
        var r = Week05Reference.Get("forest").GetProperty(name);
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load(name));
        var forest = new RandomForestClassifier(nTrees: 100, seed: 0).Fit(xtr, ytr);
        double accuracy = ClassificationMetrics.Accuracy(yte, forest.Predict(xte));
        Assert.InRange(accuracy, r.Doubles("test_accuracy_by_seed").Average() - 0.03, 1.0);
        Assert.Equal(r.Doubles("oob_score_by_seed").Average(), forest.OobScore(), 0.03);
        Assert.True(accuracy > r.GetProperty("tree_test_accuracy").GetDouble());
    }

    [Fact]
    public void Forest_is_the_same_whatever_the_thread_count()
    {
        var (xtr, ytr, xte, _) = Week05Reference.Split(Week05Reference.Load("wine"));
        var one = new RandomForestClassifier(nTrees: 30, seed: 5, maxDegreeOfParallelism: 1).Fit(xtr, ytr);
        var many = new RandomForestClassifier(nTrees: 30, seed: 5).Fit(xtr, ytr);
        Assert.Equal(one.PredictProbability(xte), many.PredictProbability(xte));
        Assert.Equal(one.OobScore(), many.OobScore());
        Assert.Equal(one.FeatureImportances, many.FeatureImportances);
        var other = new RandomForestClassifier(nTrees: 30, seed: 6).Fit(xtr, ytr);
        Assert.NotEqual(one.PredictProbability(xte), other.PredictProbability(xte));
    }

    [Fact]
    public void OOB_error_falls_as_trees_are_added_and_importances_sum_to_one()
    {
        var (xtr, ytr, _, _) = Week05Reference.Split(Week05Reference.Load("breast_cancer"));
        var forest = new RandomForestClassifier(nTrees: 60, seed: 1).Fit(xtr, ytr);
        var curve = forest.OobErrorByTreeCount();
        Assert.Equal(60, curve.Length);
        // One tree's OOB error is a single tree's error (about 1 − 0.9 here); 60 trees' must be lower.
        Assert.True(curve[^1] < curve[0], $"OOB error {curve[0]} with 1 tree, {curve[^1]} with 60");
        Assert.Equal(1.0, forest.FeatureImportances.Sum(), 1e-12);
    }

    [Fact]
    public void Forest_validates_its_arguments()
    {
        Assert.Equal("nTrees", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestClassifier(nTrees: 0)).ParamName);
        Assert.Equal("maxFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestClassifier(maxFeatures: 0)).ParamName);
        Assert.Throws<MlCourse.Core.Validation.NotFittedException>(() => new RandomForestClassifier().OobScore());
    }
}
