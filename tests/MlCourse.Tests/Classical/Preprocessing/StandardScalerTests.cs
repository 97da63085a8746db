using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Preprocessing;

public class StandardScalerTests
{
    [Fact]
    public void Standard_scaler_matches_scikit_learn_including_a_constant_column()
    {
        // Expected: sklearn StandardScaler() on a 4x3 matrix whose middle column is constant (scale 1,
        // transformed to zeros), recorded by tests/reference/week01_linear_models.py. Means and
        // population standard deviations of four numbers: exact to a few ulps, so 1e-14.
        var reference = Reference.Week01.GetProperty("standard_scaler");
        var x = Reference.Matrix(reference.GetProperty("x"));
        var scaler = new StandardScaler().Fit(x);
        Expect.Close(Reference.Vector(reference.GetProperty("mean")), scaler.Mean, 1e-14);
        Expect.Close(Reference.Vector(reference.GetProperty("scale")), scaler.Scale, 1e-14);
        Assert.Equal(1.0, scaler.Scale[1]);
        Expect.Close(Reference.Matrix(reference.GetProperty("output")), scaler.Transform(x), 1e-14);
    }

    [Fact]
    public void Diabetes_statistics_match_scikit_learn()
    {
        // Expected: StandardScaler().fit(X).mean_ and .scale_ on raw diabetes, from the reference script.
        // Sums of 442 values of size ~100: rounding ~442·ε relative ≈ 1e-13; allow 1e-12.
        var reference = Reference.Week01.GetProperty("diabetes_scaler");
        var (x, _) = Data.DiabetesRaw();
        var scaler = new StandardScaler().Fit(x);
        Expect.RelativelyClose(Reference.Vector(reference.GetProperty("mean")), scaler.Mean, 1e-12);
        Expect.RelativelyClose(Reference.Vector(reference.GetProperty("scale")), scaler.Scale, 1e-12);
    }

    [Fact]
    public void Transformed_training_columns_have_mean_zero_and_population_std_one()
    {
        var (x, _) = Data.DiabetesRaw();
        var z = new StandardScaler().FitTransform(x);
        for (int j = 0; j < z.ColumnCount; j++)
        {
            var c = z.Column(j);
            Expect.Close(0.0, c.Average(), 1e-13, $"mean of column {j}");
            Expect.Close(1.0, c.DotProduct(c) / c.Count, 1e-13, $"variance of column {j}");
        }
    }

    [Fact]
    public void Inverse_transform_undoes_transform_and_test_data_use_the_training_statistics()
    {
        var (x, _) = Data.DiabetesRaw();
        var train = x.SubMatrix(0, 300, 0, 10);
        var test = x.SubMatrix(300, 142, 0, 10);
        var scaler = new StandardScaler().Fit(train);
        Expect.Close(test, scaler.InverseTransform(scaler.Transform(test)), 1e-12);
        // Test column 0 is scaled with the training mean and std, not its own.
        Expect.Close((test[0, 0] - train.Column(0).Average()) / scaler.Scale[0], scaler.Transform(test)[0, 0], 1e-14);
    }

    [Fact]
    public void Turning_off_centring_or_scaling_does_what_it_says()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 10 }, { 3, 30 } });   // means 2, 20; stds 1, 10
        Assert.Equal(new double[,] { { 1, 1 }, { 3, 3 } }, new StandardScaler(withMean: false).Fit(x).Transform(x).ToArray());
        Assert.Equal(new double[,] { { -1, -10 }, { 1, 10 } }, new StandardScaler(withStd: false).Fit(x).Transform(x).ToArray());
    }

    [Fact]
    public void Inverse_transform_needs_Fit_and_the_fitted_feature_count()
    {
        var scaler = new StandardScaler();
        var error = Assert.Throws<MlCourse.Core.Validation.NotFittedException>(() => scaler.InverseTransform(Matrix<double>.Build.Dense(2, 2)));
        Assert.Contains("call Fit before InverseTransform", error.Message);
        scaler.Fit(Matrix<double>.Build.Dense(3, 2, (i, j) => i + j));
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => scaler.InverseTransform(Matrix<double>.Build.Dense(2, 3))).ParamName);
    }
}
