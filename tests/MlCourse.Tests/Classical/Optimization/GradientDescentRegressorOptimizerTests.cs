using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Core.Schedules;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Optimization;

/// <summary>GradientDescentRegressor driven by a Week 3 <see cref="IOptimizer"/> instead of its built-in plain update.</summary>
public class GradientDescentRegressorOptimizerTests
{
    [Fact]
    public void Plain_sgd_as_the_optimizer_reproduces_the_built_in_update()
    {
        // Expected: the Week 1 path (no optimiser) with the same rates, batches and seed; only rounding may differ.
        var (x, y) = Data.DiabetesStandardized();
        var schedule = new StepDecay(0.05, 0.5, 5);
        var builtIn = new GradientDescentRegressor(epochs: 12, batchSize: 32, schedule: schedule, l2: 0.001, seed: 4).Fit(x, y);
        var viaOptimizer = new GradientDescentRegressor(epochs: 12, batchSize: 32, schedule: schedule, l2: 0.001, seed: 4, optimizer: new Sgd()).Fit(x, y);
        Assert.True((builtIn.Coefficients - viaOptimizer.Coefficients).InfinityNorm() < 1e-9);
        Assert.Equal(builtIn.Intercept, viaOptimizer.Intercept, 9);
        Assert.Equal(builtIn.LossHistory[^1], viaOptimizer.LossHistory[^1], 9);
    }

    [Fact]
    public void Momentum_reaches_the_least_squares_solution()
    {
        // Expected: LinearRegression (the normal equations), which the MSE minimiser must equal. A well-conditioned
        // synthetic problem (diabetes's correlated s1/s2 columns would need far more epochs).
        var (x, y) = Data.Synthetic(n: 60, p: 4);
        var exact = new LinearRegression().Fit(x, y);
        var model = new GradientDescentRegressor(lr: 0.02, epochs: 500, optimizer: new Sgd(0.02, momentum: 0.9)).Fit(x, y);
        Assert.True((model.Coefficients - exact.Coefficients).InfinityNorm() < 1e-8,
            $"momentum: {model.Coefficients}, normal equations: {exact.Coefficients}");
        Assert.Equal(exact.Intercept, model.Intercept, 8);
    }

    [Fact]
    public void Adam_with_a_cosine_schedule_gets_within_a_tenth_of_a_percent_of_the_optimal_loss()
    {
        var (x, y) = Data.DiabetesStandardized();
        var exact = new LinearRegression().Fit(x, y);
        double best = (y - exact.Predict(x)).PointwisePower(2).Average();
        var model = new GradientDescentRegressor(epochs: 2000, schedule: new CosineAnnealing(5.0, 2000, 0.01), optimizer: new Adam()).Fit(x, y);
        Assert.True(model.LossHistory[^1] <= best * 1.001, $"Adam ended at {model.LossHistory[^1]}, optimum {best}");
    }

    [Fact]
    public void The_optimizer_is_reset_by_every_fit_so_refitting_gives_the_same_model()
    {
        var (x, y) = Data.DiabetesStandardized();
        var model = new GradientDescentRegressor(lr: 0.1, epochs: 20, batchSize: 50, optimizer: new Adam(0.1));
        var first = model.Fit(x, y).Coefficients;
        var second = model.Fit(x, y).Coefficients;
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Without_an_intercept_the_intercept_stays_zero_under_any_optimizer()
    {
        var (x, y) = Data.DiabetesStandardized();
        var model = new GradientDescentRegressor(lr: 0.1, epochs: 10, fitIntercept: false, optimizer: new AdamW(0.1, weightDecay: 0.1)).Fit(x, y);
        Assert.Equal(0.0, model.Intercept);
    }
}
