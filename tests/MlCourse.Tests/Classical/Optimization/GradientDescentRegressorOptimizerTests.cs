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
        // Expected: the Week 1 path (no optimiser) with the same rate, batches and seed; only rounding may differ.
        var (x, y) = Data.DiabetesStandardized();
        var builtIn = new GradientDescentRegressor(lr: 0.05, epochs: 12, batchSize: 32, l2: 0.001, seed: 4).Fit(x, y);
        var viaOptimizer = new GradientDescentRegressor(epochs: 12, batchSize: 32, l2: 0.001, seed: 4, optimizer: () => new Sgd(0.05)).Fit(x, y);
        AssertSameModel(builtIn, viaOptimizer);
    }

    [Fact]
    public void The_optimizers_own_schedule_sets_the_rate_of_each_update()
    {
        // Full batch: one update per epoch, so the optimiser's per-update schedule must equal the regressor's per-epoch one.
        // (Before the fix the optimiser's schedule was ignored and the regressor's default 0.01 used.)
        var (x, y) = Data.DiabetesStandardized();
        var builtIn = new GradientDescentRegressor(epochs: 12, schedule: new StepDecay(0.05, 0.5, 5), l2: 0.001).Fit(x, y);
        var viaOptimizer = new GradientDescentRegressor(epochs: 12, l2: 0.001, optimizer: () => new Sgd(schedule: new StepDecay(0.05, 0.5, 5))).Fit(x, y);
        AssertSameModel(builtIn, viaOptimizer);
        Assert.Equal(0.05, viaOptimizer.Lr);
        Assert.Null(viaOptimizer.Schedule);
    }

    [Fact]
    public void Momentum_reaches_the_least_squares_solution()
    {
        // Expected: LinearRegression (the normal equations), which the MSE minimiser must equal. A well-conditioned
        // synthetic problem (diabetes's correlated s1/s2 columns would need far more epochs).
        var (x, y) = Data.Synthetic(n: 60, p: 4);
        var exact = new LinearRegression().Fit(x, y);
        var model = new GradientDescentRegressor(epochs: 500, optimizer: () => new Sgd(0.02, momentum: 0.9)).Fit(x, y);
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
        var model = new GradientDescentRegressor(epochs: 2000, optimizer: () => new Adam(schedule: new CosineAnnealing(5.0, 2000, 0.01))).Fit(x, y);
        Assert.True(model.LossHistory[^1] <= best * 1.001, $"Adam ended at {model.LossHistory[^1]}, optimum {best}");
    }

    [Fact]
    public void Every_fit_builds_a_new_optimizer_so_refitting_gives_the_same_model()
    {
        var (x, y) = Data.DiabetesStandardized();
        int built = 0;
        var model = new GradientDescentRegressor(epochs: 20, batchSize: 50, optimizer: () => { built++; return new Adam(0.1); });
        var first = model.Fit(x, y).Coefficients;
        var second = model.Fit(x, y).Coefficients;
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(3, built);   // one to read Lr in the constructor, one per Fit
    }

    [Fact]
    public void A_factory_that_returns_a_shared_optimizer_is_rejected_when_it_has_been_stepped()
    {
        // The bug this guards against: one optimiser shared by the fits of a grid search, each starting from the last one's state.
        var (x, y) = Data.DiabetesStandardized();
        var shared = new Adam(0.1);
        var model = new GradientDescentRegressor(epochs: 3, optimizer: () => shared);
        model.Fit(x, y);
        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y));
        Assert.Equal("optimizer", error.ParamName);
        Assert.Contains("new optimiser on every call", error.Message);
    }

    [Fact]
    public void A_learning_rate_or_schedule_beside_an_optimizer_is_rejected_because_there_is_one_rate()
    {
        Assert.Equal("lr", Assert.Throws<ArgumentException>(() => new GradientDescentRegressor(lr: 0.1, optimizer: () => new Adam(0.1))).ParamName);
        Assert.Equal("schedule", Assert.Throws<ArgumentException>(() => new GradientDescentRegressor(schedule: new StepDecay(0.1, 0.5, 5), optimizer: () => new Adam())).ParamName);
    }

    [Fact]
    public void Without_an_intercept_the_intercept_stays_zero_under_any_optimizer()
    {
        var (x, y) = Data.DiabetesStandardized();
        var model = new GradientDescentRegressor(epochs: 10, fitIntercept: false, optimizer: () => new AdamW(0.1, weightDecay: 0.1)).Fit(x, y);
        Assert.Equal(0.0, model.Intercept);
    }

    private static void AssertSameModel(GradientDescentRegressor expected, GradientDescentRegressor actual)
    {
        Assert.True((expected.Coefficients - actual.Coefficients).InfinityNorm() < 1e-9);
        Assert.Equal(expected.Intercept, actual.Intercept, 9);
        Assert.Equal(expected.LossHistory[^1], actual.LossHistory[^1], 9);
    }
}
