using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Validation;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;
using static MlCourse.Tests.Classical.Preprocessing.Week08Reference;

namespace MlCourse.Tests.Classical.Preprocessing;

public class ScalerTests
{
    private static readonly System.Text.Json.JsonElement S = Section("scalers");
    private static Matrix<double> Train => Matrix(S, "train");
    private static Matrix<double> Test => Matrix(S, "test");

    [Fact]
    public void Min_max_scaler_matches_scikit_learn_on_test_rows_outside_the_training_range()
    {
        // Expected: MinMaxScaler(feature_range=(-1, 2)) fitted on the 60x3 skewed matrix, applied to 8 test rows,
        // two of which lie outside the training range (200 and -1), recorded by week08_features.py.
        Expect.Close(Matrix(S, "minmax_test"), new MinMaxScaler(-1, 2).Fit(Train).Transform(Test), 1e-12);
    }

    [Fact]
    public void Min_max_scaler_maps_the_training_extremes_to_the_range_ends_and_a_constant_column_to_min()
    {
        // By definition: the training minimum goes to min and the maximum to max; a constant column has range 0,
        // replaced by 1, so (x − xmin)/1 = 0 maps to min.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 5 }, { 3, 5 }, { 2, 5 } });
        var z = new MinMaxScaler().FitTransform(x);
        Assert.Equal([0.0, 1.0, 0.5], z.Column(0).ToArray());
        Assert.Equal([0.0, 0.0, 0.0], z.Column(1).ToArray());
    }

    [Fact]
    public void Robust_scaler_matches_scikit_learn_median_and_interquartile_range()
    {
        // Expected: RobustScaler() (quantile_range 25-75, numpy linear percentiles), recorded by week08_features.py.
        var scaler = new RobustScaler().Fit(Train);
        Expect.Close(Vector(S, "robust_center"), scaler.Center, 1e-12);
        Expect.Close(Vector(S, "robust_scale"), scaler.Scale, 1e-12);
        Expect.Close(Matrix(S, "robust_test"), scaler.Transform(Test), 1e-12);
    }

    [Fact]
    public void Robust_scaler_ignores_one_huge_outlier_that_moves_the_standard_scaler()
    {
        // By hand: 1..9 has median 5 and quartiles 3 and 7 (IQR 4). Replacing 9 by 10^6 changes neither, while the
        // mean jumps from 5 to about 111,115.
        var x = Matrix<double>.Build.Dense(9, 1, (i, _) => i + 1);
        var outlier = x.Clone(); outlier[8, 0] = 1e6;
        var robust = new RobustScaler().Fit(outlier);
        Assert.Equal(5.0, robust.Center[0]);
        Assert.Equal(4.0, robust.Scale[0]);
        Assert.True(new StandardScaler().Fit(outlier).Mean[0] > 1e5);
    }

    [Theory]
    [InlineData(QuantileOutput.Uniform, "uniform")]
    [InlineData(QuantileOutput.Normal, "normal")]
    public void Quantile_transformer_matches_scikit_learn_including_ties_and_values_beyond_the_training_range(QuantileOutput output, string name)
    {
        // Expected: QuantileTransformer(n_quantiles=25, output_distribution=name) on the skewed matrix, whose third
        // column repeats four values 15 times each (ties across many quantiles), recorded by week08_features.py.
        // Test rows include values below and above the training range (clipped to 0/1, or ±5.199 for normal).
        var qt = new QuantileTransformer(25, output).Fit(Train);
        var quantiles = Matrix(S, $"quantile_{name}_quantiles");
        for (int j = 0; j < 3; j++) Expect.Close(quantiles.Column(j), Vector<double>.Build.DenseOfArray(qt.Quantiles(j)), 1e-12, $"quantiles of feature {j}");
        // Normal output passes through Φ⁻¹, whose MathNet and SciPy implementations agree to about 1e-9 in the tails.
        double tolerance = output == QuantileOutput.Uniform ? 1e-12 : 1e-8;
        Expect.Close(Matrix(S, $"quantile_{name}_train"), qt.Transform(Train), tolerance);
        Expect.Close(Matrix(S, $"quantile_{name}_test"), qt.Transform(Test), tolerance);
    }

    [Fact]
    public void Quantile_transformer_makes_a_skewed_feature_uniform()
    {
        // Property: on distinct training values, u = F̂(x) at the n quantile levels is exactly i/(n − 1) for the i-th
        // smallest value when n_quantiles >= n, so the outputs are evenly spaced on [0, 1].
        var rng = MlCourse.Core.Randomness.Seeded.Random(3);
        var x = Matrix<double>.Build.Dense(50, 1, (_, _) => Math.Exp(3 * rng.NextGaussian()));
        var u = new QuantileTransformer(100).FitTransform(x).Column(0).Order().ToArray();
        for (int i = 0; i < 50; i++) Assert.Equal(i / 49.0, u[i], 12);
    }

    [Fact]
    public void Scalers_reject_bad_arguments_with_clear_messages()
    {
        Assert.Throws<ArgumentOutOfRangeException>("max", () => new MinMaxScaler(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("upperQuantile", () => new RobustScaler(75, 25));
        Assert.Throws<ArgumentOutOfRangeException>("nQuantiles", () => new QuantileTransformer(1));
        Assert.Throws<NotFittedException>(() => new RobustScaler().Transform(Train));
        var fitted = new MinMaxScaler().Fit(Train);
        var e = Assert.Throws<ArgumentException>("x", () => fitted.Transform(Matrix<double>.Build.Dense(2, 2)));
        Assert.Contains("fitted with 3", e.Message);
        var nan = Train.Clone(); nan[0, 0] = double.NaN;
        Assert.Throws<ArgumentException>("x", () => new QuantileTransformer().Fit(nan));
    }
}
