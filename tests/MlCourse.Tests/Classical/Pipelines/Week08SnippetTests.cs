using MlCourse.Notebook;

namespace MlCourse.Tests.Classical.Pipelines;

/// <summary>
/// Library snippets the Week 8 notebook shows with LibrarySource.Show(name): each must exist, sit in the file that
/// implements it, and contain the line that does the work.
/// </summary>
public class Week08SnippetTests
{
    [Theory]
    [InlineData("min-max", "Preprocessing/MinMaxScaler.cs", "Min + (x[i, j] - _dataMin[j]) * width / _dataRange![j]")]
    [InlineData("quantile-transform", "Preprocessing/QuantileTransformer.cs", "Interpolate(value, q, r) - Interpolate(-value, Mirror(q), Mirror(r))")]
    [InlineData("one-hot", "Preprocessing/OneHotEncoder.cs", "result[i, offset + k] = 1.0;")]
    [InlineData("target-encoding-smoothing", "Preprocessing/TargetEncoder.cs", "(kv.Value.Sum + m * globalMean) / (kv.Value.Count + m)")]
    [InlineData("target-encoding-out-of-fold", "Preprocessing/TargetEncoder.cs", "Learn(x, y, fold.TrainIndices, Smoothing)")]
    [InlineData("hashing-trick", "Preprocessing/FeatureHasher.cs", "Math.Abs(h) % Buckets")]
    [InlineData("rolling-mean-no-leak", "Preprocessing/TimeSeriesFeatures.cs", "result[t] = t >= window ? sum / window : double.NaN;")]
    [InlineData("anova-f", "FeatureSelection/FilterScores.cs", "f[j] = between / (k - 1) / (within / (n - k));")]
    [InlineData("chi-square", "FeatureSelection/FilterScores.cs", "(observed - expected) * (observed - expected) / expected")]
    [InlineData("rfe-loop", "FeatureSelection/RecursiveFeatureElimination.cs", "OrderBy(k => importance[k]).Take(drop)")]
    [InlineData("knn-impute", "Imputation/KnnImputer.cs", "OrderBy(r => distances[r]).Take(Neighbors)")]
    [InlineData("chained-equations", "Imputation/IterativeImputer.cs", "new RidgeRegression(Alpha).Fit(xFit, yFit)")]
    [InlineData("rubins-rules", "Imputation/RubinsRules.cs", "within + (1 + 1.0 / m) * between")]
    [InlineData("pipeline-fit", "Pipelines/Pipeline.cs", "Pipelines.Steps.FitTransform(step, current, y)")]
    [InlineData("column-transformer", "Pipelines/ColumnTransformer.cs", "Steps.FitTransform(branch.Transformer, part, y")]
    public void Week_8_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/MlCourse.Classical/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}
