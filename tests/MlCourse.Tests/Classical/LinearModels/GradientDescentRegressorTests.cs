using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Losses;
using MlCourse.Core.Metrics;
using MlCourse.Classical.Optimization;
using MlCourse.Tests.Classical.Support;
using MlCourse.Core.Schedules;

namespace MlCourse.Tests.Classical.LinearModels;

public class GradientDescentRegressorTests
{
    [Fact]
    public void Batch_gradient_descent_converges_to_the_normal_equation_within_the_contraction_bound()
    {
        // J(θ) = (1/n)||Aθ − y||², θ = (b, w), A = [1 | X]: Hessian H = (2/n)AᵀA. Batch GD from θ₀ = 0 is
        // θ_t − θ* = (I − lr·H)^t (θ₀ − θ*), so ||θ_t − θ*|| <= ρ^t ||θ*|| with ρ = max|1 − lr·λ(H)|.
        var (x, y) = Data.DiabetesStandardized();
        const double lr = 0.2;
        const int epochs = 6000;   // ρ ≈ 0.99658 here, so ρ^6000 ≈ 1e-9
        var a = Matrix<double>.Build.Dense(x.RowCount, 1, 1.0).Append(x);
        var eigen = Data.SymmetricEigenvalues(2.0 * a.TransposeThisAndMultiply(a) / x.RowCount);
        double rho = eigen.Max(l => Math.Abs(1 - lr * l));
        Assert.True(rho < 1, $"lr {lr} is too large for this Hessian: ρ = {rho}");

        var closed = new LinearRegression(solver: LeastSquaresSolver.NormalEquation).Fit(x, y);
        var thetaStar = Vector<double>.Build.DenseOfEnumerable(new[] { closed.Intercept }.Concat(closed.Coefficients));
        var gd = new GradientDescentRegressor(lr: lr, epochs: epochs).Fit(x, y);
        var theta = Vector<double>.Build.DenseOfEnumerable(new[] { gd.Intercept }.Concat(gd.Coefficients));

        double bound = Math.Pow(rho, epochs) * thetaStar.L2Norm() + 1e-9 * thetaStar.L2Norm();  // + rounding
        double distance = (theta - thetaStar).L2Norm();
        Assert.True(distance <= bound, $"||θ − θ*|| = {distance:G3} exceeds the contraction bound {bound:G3} (ρ = {rho:F5})");
        Assert.True(distance < 1e-6 * thetaStar.L2Norm(), $"after {epochs} epochs GD should have reached the normal equation: {distance:G3}");
    }

    [Theory]
    [InlineData(null, 0.05, 200)]   // batch
    [InlineData(1, 0.001, 30)]      // stochastic
    [InlineData(32, 0.02, 60)]      // mini-batch
    public void Batch_SGD_and_mini_batch_all_reduce_the_loss_towards_the_least_squares_minimum(int? batchSize, double lr, int epochs)
    {
        var (x, y) = Data.DiabetesStandardized();
        var gd = new GradientDescentRegressor(lr: lr, epochs: epochs, batchSize: batchSize).Fit(x, y);
        var history = gd.LossHistory;
        Assert.Equal(epochs + 1, history.Count);
        // Before training w = 0, b = 0, so J = mean(y²) (closed form).
        Expect.Close(y.DotProduct(y) / y.Count, history[0], 1e-9 * history[0]);
        // The least-squares MSE is the minimum any linear model can reach (closed form, normal equation).
        double minimum = RegressionMetrics.MeanSquaredError(y, new LinearRegression().Fit(x, y).Predict(x));
        Assert.True(history[^1] >= minimum - 1e-9, "no linear model can beat least squares on its training data");
        // Start: mean(y²) ≈ 29 000; minimum ≈ 2 860. Within 3 % of the minimum means the optimiser did its
        // job. (Constant-rate SGD stalls at a noise floor proportional to lr: 1.4 % above the minimum at
        // lr = 0.001, 3.1 % at lr = 0.002, measured; hence the small rate.)
        Assert.True(history[^1] <= 1.03 * minimum, $"final loss {history[^1]:F1} vs minimum {minimum:F1}");
        Assert.True(history[^1] < 0.15 * history[0]);
        Expect.Close(history[^1], RegressionMetrics.MeanSquaredError(y, gd.Predict(x)), 1e-9 * history[^1], "last history entry is the final model's loss");
        int perEpoch = batchSize is int b ? (x.RowCount + b - 1) / b : 1;
        Assert.Equal(epochs * perEpoch, gd.UpdateCount);
    }

    [Fact]
    public void Batch_gradient_descent_with_a_small_rate_decreases_the_loss_every_epoch()
    {
        // For an L-smooth convex J and lr <= 1/L, every GD step decreases J (the descent lemma).
        // L = largest eigenvalue of (2/n)AᵀA ≈ 8.05 on standardised diabetes, so lr = 0.1 qualifies.
        var (x, y) = Data.DiabetesStandardized();
        var history = new GradientDescentRegressor(lr: 0.1, epochs: 100).Fit(x, y).LossHistory;
        for (int e = 1; e < history.Count; e++) Assert.True(history[e] < history[e - 1], $"epoch {e}");
    }

    [Fact]
    public void An_l2_penalty_makes_gradient_descent_converge_to_ridge_with_alpha_n_times_l2()
    {
        // n·[(1/n)||r||² + l2·||w||²] = ||r||² + (n·l2)||w||²: the same minimiser as Ridge(alpha = n·l2).
        var (x, y) = Data.DiabetesStandardized();
        const double l2 = 0.05;
        var gd = new GradientDescentRegressor(lr: 0.2, epochs: 6000, l2: l2).Fit(x, y);
        var ridge = new RidgeRegression(alpha: x.RowCount * l2).Fit(x, y);
        // The penalty only raises every Hessian eigenvalue by 2·l2, so the contraction bound of the first
        // test (< 1e-6 after 6000 epochs) still applies.
        Expect.RelativelyClose(ridge.Coefficients, gd.Coefficients, 1e-6);
        Expect.Close(ridge.Intercept, gd.Intercept, 1e-6 * 152);   // relative to b = ȳ ≈ 152
    }

    [Fact]
    public void The_learning_rate_schedule_sets_the_step_of_each_epoch()
    {
        // One feature, no intercept, batch GD on MSE: w ← w − η_t·(2/n)Σ x_i(w·x_i − y_i), written out
        // here independently of the library, with η_t from StepDecay's definition 0.1·0.5^⌊t/2⌋.
        var x = Matrix<double>.Build.DenseOfColumnArrays(new[] { 1.0, 2.0, -1.0, 0.5 });
        var y = Vector<double>.Build.DenseOfArray([2.0, 4.5, -2.0, 1.0]);
        double w = 0.0;
        for (int t = 0; t < 7; t++)
        {
            double eta = 0.1 * Math.Pow(0.5, t / 2);
            double grad = 0.0;
            for (int i = 0; i < 4; i++) grad += 2.0 / 4 * x[i, 0] * (w * x[i, 0] - y[i]);
            w -= eta * grad;
        }
        var gd = new GradientDescentRegressor(epochs: 7, schedule: new StepDecay(0.1, 0.5, 2), fitIntercept: false).Fit(x, y);
        Expect.Close(w, gd.Coefficients[0], 1e-14);
        Assert.Equal(0.0, gd.Intercept);
        Assert.Equal(0.1, gd.Lr);
    }

    [Fact]
    public void Huber_and_absolute_losses_are_minimised_too()
    {
        var (x, y) = Data.DiabetesStandardized();
        var ols = new LinearRegression().Fit(x, y).Predict(x);
        // MAE's gradient has entries ±1/n whatever the residual size, so it needs a larger rate: b must
        // travel from 0 to ≈ 152 and moves at most lr per epoch.
        foreach (var (loss, lr) in new (ILoss, double)[] { (new HuberLoss(delta: 20.0), 0.5), (new MeanAbsoluteError(), 5.0) })
        {
            var history = new GradientDescentRegressor(lr: lr, epochs: 300, loss: loss).Fit(x, y).LossHistory;
            // Reference point: the least-squares fit. The minimiser of this loss is at least as good on it,
            // so the trained model must be too, up to 1 % for constant-step iterates hovering around it.
            Assert.True(history[^1] <= 1.01 * loss.Value(y, ols), $"{loss.Name}: {history[^1]} vs least squares {loss.Value(y, ols)}");
            Assert.True(history[^1] < history[0], loss.Name);
        }
    }

    [Fact]
    public void Recorded_updates_give_one_mini_batch_loss_per_update()
    {
        var (x, y) = Data.DiabetesStandardized();
        var gd = new GradientDescentRegressor(lr: 0.01, epochs: 3, batchSize: 100, recordUpdates: true).Fit(x, y);
        Assert.Equal(3 * 5, gd.UpdateCount);                 // ⌈442/100⌉ = 5 batches per epoch
        Assert.Equal(gd.UpdateCount, gd.BatchLossHistory.Count);
        Assert.Empty(new GradientDescentRegressor(epochs: 1).Fit(x, y).BatchLossHistory);
    }

    [Fact]
    public void The_same_seed_repeats_SGD_exactly_and_another_seed_does_not()
    {
        var (x, y) = Data.DiabetesStandardized();
        var a = new GradientDescentRegressor(lr: 0.002, epochs: 3, batchSize: 1, seed: 1).Fit(x, y).Coefficients;
        var b = new GradientDescentRegressor(lr: 0.002, epochs: 3, batchSize: 1, seed: 1).Fit(x, y).Coefficients;
        var c = new GradientDescentRegressor(lr: 0.002, epochs: 3, batchSize: 1, seed: 2).Fit(x, y).Coefficients;
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), c.ToArray());
    }

    [Fact]
    public void Divergence_throws_a_clear_error_suggesting_a_smaller_rate_or_scaling()
    {
        // lr = 1 exceeds 2/L (L ≈ 8.05), so |1 − lr·L| > 1 and the iterates grow geometrically.
        var (x, y) = Data.DiabetesStandardized();
        var error = Assert.Throws<TrainingDivergedException>(() => new GradientDescentRegressor(lr: 1.0, epochs: 2000).Fit(x, y));
        Assert.Contains("smaller learning rate", error.Message);
        Assert.Contains("StandardScaler", error.Message);
        Assert.Equal(1.0, error.LearningRate);

        // Raw diabetes features (s1 ≈ 189 on average) make the curvature ~1e5: even lr = 0.01 diverges.
        var (raw, yRaw) = Data.DiabetesRaw();
        Assert.Throws<TrainingDivergedException>(() => new GradientDescentRegressor(lr: 0.01, epochs: 500).Fit(raw, yRaw));
    }

    [Fact]
    public void Bad_hyper_parameters_are_rejected_naming_the_argument()
    {
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentRegressor(lr: 0)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentRegressor(lr: -0.1)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentRegressor(lr: double.NaN)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentRegressor(epochs: 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentRegressor(batchSize: 0)).ParamName);
        Assert.Equal("l2", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescentRegressor(l2: -1)).ParamName);
        Assert.Equal("schedule", Assert.Throws<ArgumentException>(() => new GradientDescentRegressor(lr: 0.1, schedule: new ExponentialDecay(0.1, 0.9))).ParamName);
    }
}
