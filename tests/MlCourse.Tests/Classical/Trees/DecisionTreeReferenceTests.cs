using MlCourse.Core.Metrics;
using MlCourse.Classical.Trees;

namespace MlCourse.Tests.Classical.Trees;

/// <summary>
/// The CART trees against scikit-learn 1.2.1's DecisionTreeClassifier/Regressor fitted with the same settings
/// on the same split (recorded by tests/reference/week05_trees.py): the same splits in the same places, the
/// same held-out accuracy, importances and pruning path.
/// </summary>
public class DecisionTreeReferenceTests
{
    public static TheoryData<string> ClassifierCases() => new()
    {
        "breast_cancer_gini_full", "breast_cancer_entropy_full", "breast_cancer_gini_d3", "breast_cancer_entropy_d3",
        "wine_gini_full", "wine_entropy_full", "wine_gini_d3", "wine_entropy_d3",
    };

    // scikit-learn casts X to float32, so its thresholds are midpoints of float32-rounded values: equal to ours
    // to about 7 significant digits.
    private static double ThresholdTolerance(double t) => 1e-6 * Math.Max(1, Math.Abs(t));

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void Classifier_grows_the_same_tree_as_scikit_learn(string name)
    {
        var r = Week05Reference.Get("classifier").GetProperty(name);
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load(r.GetProperty("dataset").GetString()!));
        int depth = r.GetProperty("max_depth").GetInt32();
        var criterion = r.GetProperty("criterion").GetString() == "gini" ? SplitCriterion.Gini : SplitCriterion.Entropy;
        var tree = new DecisionTreeClassifier(criterion, maxDepth: depth == 0 ? null : depth).Fit(xtr, ytr);

        // Brute-force tie check inside: see TreeComparison. At least the root and its children must match exactly.
        var outcome = TreeComparison.Compare(Week05Reference.Nodes(r), tree.Tree, xtr, ytr, TreeComparison.ClassImpurity(criterion, tree.ClassCount));
        Assert.True(outcome.Matched >= 3, $"only {outcome.Matched} nodes matched before ties");
        bool identical = outcome.Ties == 0;
        // Identical trees give identical accuracy and importances; after a tie, up to two held-out rows may
        // fall on the other side of a tied split (wine: 2 of 45 test rows at depth 3).
        double accuracy = ClassificationMetrics.Accuracy(yte, tree.Predict(xte));
        Assert.Equal(r.GetProperty("test_accuracy").GetDouble(), accuracy, identical ? 1e-12 : 2.5 / yte.Count);
        if (!identical) return;
        Assert.Equal(r.GetProperty("leaves").GetInt32(), tree.Tree.LeafCount);
        Assert.Equal(r.GetProperty("depth").GetInt32(), tree.Tree.Depth);
        var importances = r.Doubles("importances");
        for (int f = 0; f < importances.Length; f++) Assert.Equal(importances[f], tree.FeatureImportances[f], 1e-9);
    }

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void Classifier_pruning_path_matches_scikit_learn(string name)
    {
        var r = Week05Reference.Get("classifier").GetProperty(name);
        var (xtr, ytr, _, _) = Week05Reference.Split(Week05Reference.Load(r.GetProperty("dataset").GetString()!));
        int depth = r.GetProperty("max_depth").GetInt32();
        var criterion = r.GetProperty("criterion").GetString() == "gini" ? SplitCriterion.Gini : SplitCriterion.Entropy;
        var path = new DecisionTreeClassifier(criterion, maxDepth: depth == 0 ? null : depth).CostComplexityPruningPath(xtr, ytr);
        var alphas = r.Doubles("ccp_alphas");
        var impurities = r.Doubles("ccp_impurities");
        Assert.Equal(alphas.Length, path.Alphas.Count);
        for (int i = 0; i < alphas.Length; i++)
        {
            Assert.Equal(alphas[i], path.Alphas[i], 1e-9);
            Assert.Equal(impurities[i], path.Impurities[i], 1e-9);
        }
    }

    [Theory]
    [InlineData("iris_gini_full")]
    [InlineData("iris_entropy_full")]
    [InlineData("iris_gini_d3")]
    [InlineData("iris_entropy_d3")]
    public void Classifier_matches_scikit_learn_accuracy_where_features_tie(string name)
    {
        // Iris: petal length and petal width separate setosa equally well (the same impurity decrease), and
        // scikit-learn breaks such ties by a random feature order while we take the first feature, so the trees
        // may differ in which of the tied features they use; the held-out accuracy must still agree to two of the 38 test rows.
        var r = Week05Reference.Get("classifier").GetProperty(name);
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load("iris"));
        int depth = r.GetProperty("max_depth").GetInt32();
        var criterion = r.GetProperty("criterion").GetString() == "gini" ? SplitCriterion.Gini : SplitCriterion.Entropy;
        var tree = new DecisionTreeClassifier(criterion, maxDepth: depth == 0 ? null : depth).Fit(xtr, ytr);
        Assert.Equal(r.GetProperty("test_accuracy").GetDouble(), ClassificationMetrics.Accuracy(yte, tree.Predict(xte)), 2.5 / yte.Count);
    }

    [Fact]
    public void Pruned_classifier_matches_scikit_learn_with_the_same_ccp_alpha()
    {
        var r = Week05Reference.Get("pruned");
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load("breast_cancer"));
        var tree = new DecisionTreeClassifier(ccpAlpha: r.GetProperty("ccp_alpha").GetDouble()).Fit(xtr, ytr);
        Assert.Equal(r.GetProperty("leaves").GetInt32(), tree.Tree.LeafCount);
        Assert.Equal(Week05Reference.Nodes(r).Select(n => n.Feature), tree.Tree.Nodes.Select(n => n.Feature));
        Assert.Equal(r.GetProperty("test_accuracy").GetDouble(), ClassificationMetrics.Accuracy(yte, tree.Predict(xte)), 1e-12);
    }

    [Theory]
    [InlineData("d3")]
    [InlineData("full")]
    public void Regressor_grows_the_same_tree_as_scikit_learn(string name)
    {
        var r = Week05Reference.Get("regressor").GetProperty(name);
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load("diabetes"));
        int depth = r.GetProperty("max_depth").GetInt32();
        var tree = new DecisionTreeRegressor(maxDepth: depth == 0 ? null : depth).Fit(xtr, ytr);
        var outcome = TreeComparison.Compare(Week05Reference.Nodes(r), tree.Tree, xtr, ytr, TreeComparison.Variance);
        Assert.True(outcome.Matched >= 3, $"only {outcome.Matched} nodes matched before ties");
        if (outcome.Ties > 0) return;   // pruning path of a different (tied) tree is not comparable
        Assert.Equal(r.GetProperty("test_mse").GetDouble(), RegressionMetrics.MeanSquaredError(yte, tree.Predict(xte)), 1e-6);
        var path = new DecisionTreeRegressor(maxDepth: depth == 0 ? null : depth).CostComplexityPruningPath(xtr, ytr);
        var alphas = r.Doubles("ccp_alphas");
        var impurities = r.Doubles("ccp_impurities");
        for (int i = 0; i < alphas.Length; i++)
        {
            Assert.Equal(alphas[i], path.Alphas[i], 1e-6 * Math.Max(1, alphas[i]));
            Assert.Equal(impurities[i], path.Impurities[i], 1e-6 * Math.Max(1, impurities[i]));
        }
    }
}
