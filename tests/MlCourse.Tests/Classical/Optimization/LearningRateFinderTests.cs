using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Optimization;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Optimization;

public class LearningRateFinderTests
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void On_a_noisy_quadratic_the_test_stops_just_past_two_over_the_curvature()
    {
        // Mini-batch loss ½L(θ − ξ_k)² with seeded ξ_k ~ N(0, 0.1²) and L = 4. The GD error is multiplied by (1 − ηL)
        // each step, so the loss explodes once η > 2/L = 0.5; with 200 rates from 1e-4 to 100 (each 1.07 times the last)
        // it must stop above 0.5 but within a few rates of it (below 1), and the best rate must come before the stop.
        const double l = 4.0;
        var rng = Seeded.Random(5);
        var xi = Enumerable.Range(0, 200).Select(_ => 0.1 * rng.NextGaussian()).ToArray();
        var result = LearningRateFinder.Run((th, k) => (0.5 * l * (th[0] - xi[k]) * (th[0] - xi[k]), V(l * (th[0] - xi[k]))), V(1.0), new Sgd(1.0),
            minLr: 1e-4, maxLr: 100, steps: 200);
        Assert.True(result.Diverged);
        Assert.InRange(result.Rates[^1], 2 / l, 1.0);
        Assert.True(result.MinimumLossRate < result.Rates[^1]);
        Assert.True(result.Suggested < 2 / l);
        Assert.Equal(result.Rates.Count, result.Losses.Count);
        // The sweep is geometric: the ratio of consecutive rates is (maxLr/minLr)^(1/(steps − 1)).
        Assert.Equal(Math.Pow(1e6, 1.0 / 199), result.Rates[1] / result.Rates[0], 12);
    }

    [Fact]
    public void Smoothed_losses_are_the_bias_corrected_moving_average_of_the_raw_losses()
    {
        var result = LearningRateFinder.Run((th, k) => (1.0 + k % 3, V(0.0)), V(0.0), new Sgd(1.0), steps: 10, smoothing: 0.9);
        double avg = 0;
        for (int k = 0; k < 10; k++)
        {
            avg = 0.9 * avg + 0.1 * result.Losses[k];
            Assert.Equal(avg / (1 - Math.Pow(0.9, k + 1)), result.SmoothedLosses[k], 12);
        }
        Assert.False(result.Diverged);
    }

    [Fact]
    public void On_standardised_breast_cancer_logistic_regression_it_suggests_a_rate_that_trains()
    {
        // A real problem: mini-batches of 32 rows, full-batch objective from the library's LogisticObjective.
        var data = Datasets.BreastCancer();
        var x = new StandardScaler().Fit(data.X).Transform(data.X);
        var full = new LogisticObjective(x, data.Y);
        var result = LearningRateFinder.Run((th, k) => Batch(x, data.Y, th, k), Vector<double>.Build.Dense(full.ParameterCount), new Sgd(1.0),
            minLr: 1e-5, maxLr: 100, steps: 150);
        Assert.True(result.Diverged || result.SmoothedLosses[^1] > result.SmoothedLosses.Min());
        var theta = Vector<double>.Build.Dense(full.ParameterCount);
        var sgd = new Sgd(result.Suggested);
        double before = full.Value(theta);
        for (int k = 0; k < 300; k++) sgd.Step(theta, Batch(x, data.Y, theta, k).Gradient);
        Assert.True(full.Value(theta) < 0.3 * before, $"loss {before} → {full.Value(theta)} at the suggested rate {result.Suggested}");
    }

    private static (double, Vector<double> Gradient) Batch(Matrix<double> x, Vector<double> y, Vector<double> theta, int k)
    {
        int start = (k * 32) % (x.RowCount - 32);
        var objective = new LogisticObjective(x.SubMatrix(start, 32, 0, x.ColumnCount), y.SubVector(start, 32));
        return (objective.Value(theta), objective.Gradient(theta));
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_argument_named()
    {
        (double, Vector<double>) F(Vector<double> th, int _) => (th[0] * th[0], 2 * th);
        Assert.Equal("maxLr", Assert.Throws<ArgumentException>(() => LearningRateFinder.Run(F, V(1.0), new Sgd(), minLr: 1, maxLr: 0.5)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateFinder.Run(F, V(1.0), new Sgd(), steps: 1)).ParamName);
        Assert.Equal("smoothing", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateFinder.Run(F, V(1.0), new Sgd(), smoothing: 1.0)).ParamName);
        Assert.Equal("divergenceFactor", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateFinder.Run(F, V(1.0), new Sgd(), divergenceFactor: 1.0)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => LearningRateFinder.Run(F, V(double.NaN), new Sgd())).ParamName);
    }
}
