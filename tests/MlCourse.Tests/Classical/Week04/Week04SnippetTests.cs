using MlCourse.Notebook;

namespace MlCourse.Tests.Classical.Week04;

/// <summary>
/// Library snippets the Week 4 notebook will show with LibrarySource.Show(name): each must exist, sit in
/// the file that implements it, and contain the line that does the work.
/// </summary>
public class Week04SnippetTests
{
    [Theory]
    [InlineData("averaging", "MlCourse.Core/Metrics/ClassificationMetrics.cs", "sum += w * score(")]
    [InlineData("threshold-counts", "MlCourse.Core/Metrics/ThresholdCounts.cs", "keys[r - 1] != keys[r]")]
    [InlineData("roc-auc", "MlCourse.Core/Metrics/RocCurve.cs", "0.5 * (c.TruePositives[k] + previousTp)")]
    [InlineData("average-precision", "MlCourse.Core/Metrics/PrecisionRecallCurve.cs", "ap += (recall - previousRecall) * precision;")]
    [InlineData("stratified-allocation", "MlCourse.Classical/ModelSelection/StratifiedKFold.cs", "allocation[i % K, sorted[i]]++")]
    [InlineData("cross-validation-loop", "MlCourse.Classical/ModelSelection/CrossValidation.cs", "scores.Add(scoring(")]
    [InlineData("bca-levels", "MlCourse.Classical/ModelSelection/Bootstrap.cs", "z0 + z / (1 - a * z)")]
    [InlineData("nested-cross-validation", "MlCourse.Classical/ModelSelection/NestedCrossValidation.cs", "var best = search(xTrain, yTrain).Best;")]
    [InlineData("calibration-bins", "MlCourse.Core/Metrics/CalibrationCurve.cs", "(bin + 1) * width < p[i]")]
    [InlineData("two-proportion-z", "MlCourse.Classical/ModelSelection/ProportionTest.cs", "double pooled = (successesA + successesB)")]
    public void Week_4_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}
