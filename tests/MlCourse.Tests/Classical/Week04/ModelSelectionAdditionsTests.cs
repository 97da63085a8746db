using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Core.Metrics;
using MlCourse.Classical.ModelSelection;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

/// <summary>
/// Validation curve, nested cross-validation, MAPE, the calibration curve and the two-proportion z-test against
/// values recorded from scikit-learn 1.2.1 and scipy 1.10.1 by tests/reference/week04_model_selection.py.
/// </summary>
public class ModelSelectionAdditionsTests
{
    private static JsonElement Recorded(string name) => Reference.Load("week04_model_selection.json").GetProperty(name);
    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void The_validation_curve_of_ridge_on_diabetes_matches_scikit_learn()
    {
        // validation_curve(Ridge(), X, y, param_name="alpha", cv=KFold(5), scoring="r2"): same folds, same convex fits.
        var (x, y) = Data.DiabetesRaw();
        var recorded = Recorded("validation_curve");
        var alphas = Doubles(recorded.GetProperty("alphas"));
        var curve = ValidationCurve.Compute(alpha => new RidgeRegression(alpha), alphas, x, y, new KFold(5), RegressionMetrics.R2);
        var train = recorded.GetProperty("train").EnumerateArray().Select(Doubles).ToArray();
        var test = recorded.GetProperty("test").EnumerateArray().Select(Doubles).ToArray();
        Expect.Close(Matrix<double>.Build.DenseOfRowArrays(train), curve.TrainScores, 1e-8, "training R²");
        Expect.Close(Matrix<double>.Build.DenseOfRowArrays(test), curve.TestScores, 1e-8, "validation R²");
        int best = Enumerable.Range(0, alphas.Length).MaxBy(v => test[v].Average());
        Assert.Equal(alphas[best], curve.BestValue);
    }

    [Fact]
    public void Each_validation_score_is_the_cross_validation_score_of_that_value()
    {
        // An independent path through the library: CrossValidation.Run per value on the same folds.
        var (x, y) = Data.DiabetesRaw();
        var cv = new KFold(4, shuffle: true, seed: 3);
        double[] alphas = [0.01, 1, 100];
        var curve = ValidationCurve.Compute(alpha => new RidgeRegression(alpha), alphas, x, y, cv, RegressionMetrics.MeanAbsoluteError);
        for (int v = 0; v < alphas.Length; v++)
            Expect.Close(V(CrossValidation.Run(() => new RidgeRegression(alphas[v]), x, y, cv, RegressionMetrics.MeanAbsoluteError).Scores.ToArray()),
                curve.TestScores.Row(v), 1e-12);
    }

    [Fact]
    public void Nested_cross_validation_matches_scikit_learns_GridSearchCV_inside_cross_val_score()
    {
        var (x, y) = Data.DiabetesRaw();
        var recorded = Recorded("nested_cv");
        var grid = new Dictionary<string, double[]> { ["alpha"] = Doubles(recorded.GetProperty("alphas")) };
        var result = NestedCrossValidation.Run(grid, p => new RidgeRegression(p["alpha"]), x, y, new KFold(5), new KFold(3), RegressionMetrics.R2);
        Assert.Equal(Doubles(recorded.GetProperty("chosen")), result.Folds.Select(f => f.Chosen["alpha"]).ToArray());
        Expect.Close(V(Doubles(recorded.GetProperty("outer_scores"))), V(result.Folds.Select(f => f.OuterScore).ToArray()), 1e-8);
        Expect.Close(result.Folds.Average(f => f.OuterScore), result.Mean, 1e-15);
    }

    [Fact]
    public void Nested_cross_validation_rejects_a_missing_splitter_by_name()
    {
        var (x, y) = Data.DiabetesRaw();
        var grid = new Dictionary<string, double[]> { ["alpha"] = [1.0] };
        Assert.Equal("innerCv", Assert.Throws<ArgumentNullException>(() =>
            NestedCrossValidation.Run(grid, p => new RidgeRegression(p["alpha"]), x, y, new KFold(5), null!, RegressionMetrics.R2)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() =>
            ValidationCurve.Compute(a => new RidgeRegression(a), [], x, y, new KFold(5), RegressionMetrics.R2)).ParamName);
    }

    [Fact]
    public void MAPE_matches_scikit_learn_including_its_epsilon_for_a_zero_target()
    {
        var recorded = Recorded("mape");
        var y = V(Doubles(recorded.GetProperty("y")));
        var yHat = V(Doubles(recorded.GetProperty("yHat")));
        // The zero target contributes |0 − 1| / ε ≈ 4.5e15 / 5: recorded and computed agree relatively.
        double expected = recorded.GetProperty("mape").GetDouble();
        Assert.InRange(RegressionMetrics.MeanAbsolutePercentageError(y, yHat) / expected, 1 - 1e-12, 1 + 1e-12);
        // Without it, by hand: (0.1 + 0.1 + 0.5 + 0) / 4 = 0.175.
        var keep = new[] { 0, 1, 2, 4 };
        double withoutZero = RegressionMetrics.MeanAbsolutePercentageError(V(keep.Select(i => y[i]).ToArray()), V(keep.Select(i => yHat[i]).ToArray()));
        Expect.Close(0.175, withoutZero, 1e-15);
        Expect.Close(recorded.GetProperty("mape_without_zero").GetDouble(), withoutZero, 1e-15);
    }

    [Fact]
    public void The_calibration_curve_matches_scikit_learn_with_probabilities_on_bin_edges()
    {
        var recorded = Recorded("calibration");
        var curve = CalibrationCurve.Compute(V(Doubles(recorded.GetProperty("y"))), V(Doubles(recorded.GetProperty("p"))), recorded.GetProperty("bins").GetInt32());
        Expect.Close(V(Doubles(recorded.GetProperty("fraction_positive"))), V(curve.FractionPositive.ToArray()), 1e-12, "fraction positive");
        Expect.Close(V(Doubles(recorded.GetProperty("mean_predicted"))), V(curve.MeanPredicted.ToArray()), 1e-12, "mean predicted");
        Assert.Equal(205, curve.Counts.Sum());
    }

    [Fact]
    public void The_expected_calibration_error_is_the_count_weighted_distance_from_the_diagonal()
    {
        // By hand, 2 bins: bin 0 holds p = 0.2, 0.4 (mean 0.3) with labels 0, 1 (fraction 0.5); bin 1 holds
        // p = 0.9 with label 1. ECE = (2/3)·|0.5 − 0.3| + (1/3)·|1 − 0.9| = 0.4/3 + 0.1/3 = 1/6.
        var curve = CalibrationCurve.Compute(V(0, 1, 1), V(0.2, 0.4, 0.9), bins: 2);
        Assert.Equal([2, 1], curve.Counts);
        Expect.Close(1.0 / 6, curve.ExpectedCalibrationError, 1e-15);
        // Perfect agreement in every bin: 0.
        Expect.Close(0, CalibrationCurve.Compute(V(0, 1, 1, 1), V(0.5, 0.5, 1, 1), bins: 2).ExpectedCalibrationError, 1e-15);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationCurve.Compute(V(0, 1), V(0.2, 0.4), 0)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => CalibrationCurve.Compute(V(0, 1), V(0.2, 1.4))).ParamName);
    }

    [Fact]
    public void The_two_proportion_z_test_squares_to_Pearsons_chi_squared_and_has_its_p_value()
    {
        foreach (var c in Recorded("two_proportions").EnumerateArray())
        {
            var result = ProportionTest.TwoProportions(c.GetProperty("xa").GetInt32(), c.GetProperty("na").GetInt32(),
                c.GetProperty("xb").GetInt32(), c.GetProperty("nb").GetInt32());
            Expect.Close(c.GetProperty("chi2").GetDouble(), result.Statistic * result.Statistic, 1e-10);
            Expect.Close(c.GetProperty("p").GetDouble(), result.PValue, 1e-10);
        }
        // Sign: B converts more than A gives z > 0. By hand: p̂ = 0.10, 0.13, pooled 0.115,
        // z = 0.03 / √(0.115·0.885·0.002) = 2.0970.
        Expect.Close(0.03 / Math.Sqrt(0.115 * 0.885 * 0.002), ProportionTest.TwoProportions(100, 1000, 130, 1000).Statistic, 1e-12);
        Assert.Equal(1.0, ProportionTest.TwoProportions(0, 10, 0, 20).PValue);
        Assert.Equal("successesB", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTest.TwoProportions(1, 10, 11, 10)).ParamName);
    }
}
