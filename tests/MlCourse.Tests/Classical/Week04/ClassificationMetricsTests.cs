using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class ClassificationMetricsTests
{
    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    [Fact]
    public void Confusion_matrix_matches_scikit_learn_on_three_classes()
    {
        // Expected: sklearn.metrics.confusion_matrix, recorded by tests/reference/week04_evaluation.py.
        var r = Week04Reference.Get("multiclass");
        var cm = ConfusionMatrix.From(r.Vector("y"), r.Vector("y_hat"));
        var expected = r.GetProperty("confusion").EnumerateArray().Select(row => row.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
        Assert.Equal([0.0, 1.0, 2.0], cm.Labels);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(expected[i][j], cm[i, j]);
    }

    [Fact]
    public void One_versus_rest_counts_add_up_to_the_sample_count()
    {
        var r = Week04Reference.Get("multiclass");
        var cm = ConfusionMatrix.From(r.Vector("y"), r.Vector("y_hat"));
        for (int k = 0; k < cm.ClassCount; k++)
            Assert.Equal(cm.Total, cm.TruePositives(k) + cm.FalsePositives(k) + cm.FalseNegatives(k) + cm.TrueNegatives(k));
    }

    [Fact]
    public void Binary_metrics_match_scikit_learn()
    {
        // Expected: accuracy_score, precision_score, recall_score, f1_score (pos_label=1), recorded by the script.
        var r = Week04Reference.Get("binary");
        var (y, yHat) = (r.Vector("y"), r.Vector("y_hat"));
        Expect.Close(r.Number("accuracy"), ClassificationMetrics.Accuracy(y, yHat), 1e-15);
        Expect.Close(r.Number("precision"), ClassificationMetrics.Precision(y, yHat), 1e-15);
        Expect.Close(r.Number("recall"), ClassificationMetrics.Recall(y, yHat), 1e-15);
        Expect.Close(r.Number("f1"), ClassificationMetrics.F1(y, yHat), 1e-15);
    }

    [Theory]
    [InlineData(Averaging.Micro, "micro")]
    [InlineData(Averaging.Macro, "macro")]
    [InlineData(Averaging.Weighted, "weighted")]
    public void Averaged_multiclass_metrics_match_scikit_learn(Averaging average, string name)
    {
        // Expected: precision/recall/f1_score with average=name, recorded by the script.
        var r = Week04Reference.Get("multiclass");
        var (y, yHat) = (r.Vector("y"), r.Vector("y_hat"));
        Expect.Close(r.Number($"precision_{name}"), ClassificationMetrics.Precision(y, yHat, average), 1e-15);
        Expect.Close(r.Number($"recall_{name}"), ClassificationMetrics.Recall(y, yHat, average), 1e-15);
        Expect.Close(r.Number($"f1_{name}"), ClassificationMetrics.F1(y, yHat, average), 1e-15);
        Expect.Close(r.Number("accuracy"), ClassificationMetrics.Accuracy(y, yHat), 1e-15);
    }

    [Fact]
    public void Micro_averages_equal_accuracy_for_single_label_problems()
    {
        // Every error is one FP (for the predicted class) and one FN (for the true class), so pooled
        // precision and recall are both correct / n.
        var r = Week04Reference.Get("multiclass");
        var (y, yHat) = (r.Vector("y"), r.Vector("y_hat"));
        double accuracy = ClassificationMetrics.Accuracy(y, yHat);
        Expect.Close(accuracy, ClassificationMetrics.Precision(y, yHat, Averaging.Micro), 1e-15);
        Expect.Close(accuracy, ClassificationMetrics.F1(y, yHat, Averaging.Micro), 1e-15);
    }

    [Fact]
    public void Precision_with_no_predicted_positives_is_zero_as_scikit_learn()
    {
        // TP + FP = 0: scikit-learn's zero_division default ("warn") returns 0.
        var y = V(1, 0, 1, 0);
        var yHat = V(0, 0, 0, 0);
        Assert.Equal(0.0, ClassificationMetrics.Precision(y, yHat));
        Assert.Equal(0.0, ClassificationMetrics.F1(y, yHat));
        Assert.Equal(0.5, ClassificationMetrics.Accuracy(y, yHat));
    }

    [Fact]
    public void Metrics_reject_bad_input_naming_the_problem()
    {
        var three = V(0, 1, 2);
        var e = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Precision(three, three));
        Assert.Equal("average", e.ParamName);
        Assert.Contains("Micro, Macro or Weighted", e.Message);
        Assert.Equal("positiveLabel", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Recall(V(0, 0), V(0, 0))).ParamName);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy(V(0, 1), V(1))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ClassificationMetrics.F1(V(double.NaN, 1), V(1, 1))).ParamName);
    }
}
