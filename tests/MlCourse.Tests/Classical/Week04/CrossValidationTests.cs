using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Core.Metrics;
using MlCourse.Classical.ModelSelection;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class CrossValidationTests
{
    [Fact]
    public void Five_fold_R2_of_least_squares_on_diabetes_matches_scikit_learn()
    {
        // Expected: cross_val_score(LinearRegression(), X, y, cv=KFold(5), scoring="r2"), recorded by
        // tests/reference/week04_evaluation.py. Same folds, same convex fit: agreement to solver rounding.
        var (x, y) = Data.DiabetesRaw();
        var result = CrossValidation.Run(() => new LinearRegression(), x, y, new KFold(5), RegressionMetrics.R2);
        Expect.Close(Week04Reference.Get("cross_validation").Vector("kfold5_r2"), Vector<double>.Build.DenseOfEnumerable(result.Scores), 1e-9);
        Expect.Close(result.Scores.Average(), result.Mean, 1e-15);
        Assert.True(result.StandardDeviation > 0);
    }

    [Fact]
    public void The_runner_fits_a_fresh_model_per_fold_and_never_touches_the_inputs()
    {
        var (x, y) = Data.DiabetesRaw();
        var (x0, y0) = (x.Clone(), y.Clone());
        var made = new List<IRegressor>();
        CrossValidation.Run(() => { var m = new LinearRegression(); made.Add(m); return m; }, x, y, new KFold(4), RegressionMetrics.R2);
        Assert.Equal(4, made.Distinct().Count());
        Assert.Equal(x0, x);
        Assert.Equal(y0, y);
    }

    [Fact]
    public void A_classifier_scores_well_above_chance_with_stratified_folds()
    {
        // Two Gaussian blobs 4 standard deviations apart: nearest centroid errs with probability
        // Φ(−2) ≈ 2.3% per row, so every fold's accuracy must exceed 0.85 (and chance is 0.5).
        var rng = Seeded.Random(9);
        var y = Vector<double>.Build.Dense(200, i => i % 2);
        var x = Matrix<double>.Build.Dense(200, 2);
        for (int i = 0; i < 200; i++)                   // a plain loop: Random is not thread-safe
            for (int j = 0; j < 2; j++)
                x[i, j] = rng.NextGaussian() + (j == 0 ? 4 * y[i] : 0);
        var result = CrossValidation.Run(() => new NearestCentroid(), x, y, new StratifiedKFold(5, shuffle: true), ClassificationMetrics.Accuracy);
        Assert.Equal(5, result.Scores.Count);
        Assert.All(result.Scores, s => Assert.True(s > 0.85, $"fold accuracy {s}"));
    }

    [Fact]
    public void Learning_curve_matches_scikit_learn_on_diabetes()
    {
        // Expected: learning_curve(LinearRegression(), X, y, cv=KFold(5), scoring="r2",
        // train_sizes=[0.1, 0.25, 0.5, 0.75, 1.0]) recorded by the script: sizes, train and test scores.
        var r = Week04Reference.Get("learning_curve");
        var (x, y) = Data.DiabetesRaw();
        var fractions = r.GetProperty("fractions").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var curve = LearningCurve.Compute(() => new LinearRegression(), x, y, new KFold(5), RegressionMetrics.R2, fractions);
        Assert.Equal(r.Ints("sizes"), curve.TrainSizes);
        Expect.Close(Reference.Matrix(r.GetProperty("train_scores")), curve.TrainScores, 1e-9);
        Expect.Close(Reference.Matrix(r.GetProperty("test_scores")), curve.TestScores, 1e-9);
        // Least squares fits its own training rows better than unseen rows; the gap closes with more data.
        Assert.True(curve.MeanTrainScores[0] - curve.MeanTestScores[0] > curve.MeanTrainScores[^1] - curve.MeanTestScores[^1]);
    }

    [Fact]
    public void Runner_rejects_mismatched_data_naming_the_argument()
    {
        var (x, y) = Data.DiabetesRaw();
        Assert.Equal("y", Assert.Throws<ArgumentException>(() =>
            CrossValidation.Run(() => new LinearRegression(), x, y.SubVector(0, 10), new KFold(), RegressionMetrics.R2)).ParamName);
        Assert.Equal("trainFractions", Assert.Throws<ArgumentOutOfRangeException>(() =>
            LearningCurve.Compute(() => new LinearRegression(), x, y, new KFold(), RegressionMetrics.R2, [0.0, 0.5])).ParamName);
    }
}
