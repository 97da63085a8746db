using MlCourse.Classical.Ensembles;
using MlCourse.Core.Metrics;
using MlCourse.Tests.Classical.Trees;

namespace MlCourse.Tests.Classical.Ensembles;

/// <summary>
/// The course's gradient boosting against ML.NET 5.0.1's FastTree and LightGBM on the same split and settings, recorded
/// by the hand-run program tests/reference/week05_mlnet (week05_mlnet.json; see its README). Different implementations
/// (binning, defaults), so held-out quality is compared, not trees.
/// </summary>
public class MlNetReferenceTests
{
    // 100 trees, 20 leaves leaf-wise, ≥ 10 rows per leaf, learning rate 0.2 (the settings in the JSON).
    private static BoostingSettings MlNetLike() =>
        new(NEstimators: 100, LearningRate: 0.2, MaxDepth: null, MaxLeaves: 20, Growth: TreeGrowth.LeafWise, MinSamplesLeaf: 10, Lambda: 0);

    [Fact]
    public void Binary_boosting_accuracy_is_comparable_to_FastTree_and_LightGBM()
    {
        var r = Support.Reference.Load("week05_mlnet/week05_mlnet.json").GetProperty("breast_cancer");
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load("breast_cancer"));
        double accuracy = ClassificationMetrics.Accuracy(yte, new GradientBoostingClassifier(MlNetLike()).Fit(xtr, ytr).Predict(xte));
        double fastTree = r.GetProperty("fasttree").GetProperty("accuracy").GetDouble();
        double lightGbm = r.GetProperty("lightgbm").GetProperty("accuracy").GetDouble();
        // Within 5 of the 143 test rows of the better of the two.
        Assert.InRange(accuracy, Math.Max(fastTree, lightGbm) - 5.0 / 143, 1.0);
    }

    [Fact]
    public void Regression_boosting_R2_is_comparable_to_FastTree_and_LightGBM()
    {
        var r = Support.Reference.Load("week05_mlnet/week05_mlnet.json").GetProperty("diabetes");
        var (xtr, ytr, xte, yte) = Week05Reference.Split(Week05Reference.Load("diabetes"));
        double r2 = RegressionMetrics.R2(yte, new GradientBoostingRegressor(MlNetLike()).Fit(xtr, ytr).Predict(xte));
        double fastTree = r.GetProperty("fasttree").GetProperty("r2").GetDouble();
        double lightGbm = r.GetProperty("lightgbm").GetProperty("r2").GetDouble();
        Assert.InRange(r2, Math.Min(fastTree, lightGbm) - 0.08, Math.Max(fastTree, lightGbm) + 0.08);
    }
}
