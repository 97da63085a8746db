using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Tests.Core;

public class GuardTests
{
    [Fact]
    public void Matrix_errors_name_the_argument_and_what_was_found()
    {
        var empty = Assert.Throws<ArgumentException>(() => Guard.Matrix(Matrix<double>.Build.Dense(0, 4), "X"));
        Assert.Equal("X", empty.ParamName);
        Assert.Contains("X must have at least one row and one column, but is 0x4", empty.Message);

        var m = Matrix<double>.Build.Dense(2, 2);
        m[1, 0] = double.NaN;
        var nan = Assert.Throws<ArgumentException>(() => Guard.Matrix(m, "X"));
        Assert.Contains("X[1, 0] is NaN", nan.Message);

        Assert.Equal("X", Assert.Throws<ArgumentNullException>(() => Guard.Matrix(null, "X")).ParamName);
    }

    [Fact]
    public void Vector_errors_name_the_argument_and_the_offending_entry()
    {
        Assert.Contains("y must not be empty", Assert.Throws<ArgumentException>(() => Guard.Vector(Vector<double>.Build.Dense(0), "y")).Message);
        var v = Vector<double>.Build.DenseOfArray([1, double.NegativeInfinity]);
        Assert.Contains("y[1] is -∞", Assert.Throws<ArgumentException>(() => Guard.Vector(v, "y")).Message.Replace("-Infinity", "-∞"));
    }

    [Fact]
    public void Shape_errors_give_both_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Guard.SameLength(Matrix<double>.Build.Dense(5, 2), Vector<double>.Build.Dense(4), "X", "y"));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("X is 5x2 (5 rows) but y has 4 values", error.Message);

        var features = Assert.Throws<ArgumentException>(() => Guard.FeatureCount(Matrix<double>.Build.Dense(3, 7), 2, "X"));
        Assert.Contains("X has 7 features, but the model was fitted with 2", features.Message);
    }

    [Fact]
    public void Number_checks_name_the_argument_and_the_value()
    {
        var lr = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(0.0, "lr"));
        Assert.Equal("lr", lr.ParamName);
        Assert.Contains("lr must be a positive finite number, but is 0", lr.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(double.PositiveInfinity, "lr"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(-1e-300, "alpha"));
        Guard.NonNegative(0.0, "alpha");   // zero is allowed
        Assert.Contains("epochs must be a positive integer, but is 0", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(0, "epochs")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(1.5, 0, 1, "p"));
        Guard.InRange(1.0, 0, 1, "p");     // closed interval
    }

    [Fact]
    public void Open_ranges_exclude_both_ends()
    {
        Guard.InOpenRange(0.5, 0, 1, "testFraction");
        foreach (var v in new[] { 0.0, 1.0, double.NaN })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InOpenRange(v, 0, 1, "testFraction"));
            Assert.Equal("testFraction", error.ParamName);
            Assert.Contains("strictly between 0 and 1", error.Message);
        }
    }

    [Fact]
    public void Not_fitted_errors_say_which_estimator_and_what_to_do()
    {
        var error = Assert.Throws<NotFittedException>(() => Guard.Fitted(false, "RidgeRegression", "Predict"));
        Assert.Equal("RidgeRegression is not fitted yet: call Fit before Predict.", error.Message);
        Assert.Equal("RidgeRegression", error.EstimatorName);
        Assert.Equal("Predict", error.Member);
        Guard.Fitted(true, "RidgeRegression", "Predict");
    }
}
