using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week02;

public class SoftmaxRegressionTests
{
    [Theory]
    [InlineData(LogisticSolver.Newton)]
    [InlineData(LogisticSolver.GradientDescent)]
    [InlineData(LogisticSolver.Lbfgs)]
    public void Softmax_regression_matches_scikit_learn_multinomial_on_standardized_iris(LogisticSolver solver)
    {
        // Expected: LogisticRegression(C, multi_class='multinomial', newton-cg, tol=1e-12; largest gradient entry ≤ 2e-11,
        // recorded) and the lbfgs fit (stops on relative decrease, gradient ~1e-6, recorded), both by week02_logistic.py;
        // alpha = 1/(C·n) (same minimiser). scikit-learn's coef_ is (K, p), ours (p, K). Both report 0-sum intercepts.
        var (x, y) = Week02Data.IrisStandardized();
        int rows = Week02Data.Reference.GetProperty("proba_rows").GetInt32();
        foreach (var reference in Week02Data.Reference.GetProperty("iris_multinomial").EnumerateArray())
        {
            double alpha = reference.GetProperty("alpha").GetDouble();
            Expect.Close(1.0 / (reference.GetProperty("C").GetDouble() * 150), alpha, 1e-18);
            var model = new SoftmaxRegression(alpha, solver, maxIterations: 200_000, tolerance: solver == LogisticSolver.GradientDescent ? 1e-9 : 1e-12).Fit(x, y);
            string c = $"{solver} C={reference.GetProperty("C").GetDouble()}";
            Assert.True(model.Converged, c);
            // Tolerance: our gradient ≤ 1e-12 (Newton, L-BFGS) or gradient mapping ≤ 1e-9 (GD), strong convexity ≥ alpha ≥ 1/150.
            double tolerance = solver == LogisticSolver.GradientDescent ? 1e-6 : 1e-8;
            var tight = reference.GetProperty("newton_cg");
            Expect.Close(Week02Data.Matrix(tight.GetProperty("coefficients")).Transpose(), model.Coefficients, tolerance, c + " W");
            Expect.Close(Week02Data.Vector(tight.GetProperty("intercepts")), model.Intercepts, tolerance, c + " b");
            Expect.Close(Week02Data.Matrix(tight.GetProperty("probabilities")), model.PredictProbability(x.SubMatrix(0, rows, 0, 4)), tolerance, c + " P");
            Expect.Close(Week02Data.Matrix(reference.GetProperty("coefficients")).Transpose(), model.Coefficients, 1e-3, c + " W vs lbfgs");
            Assert.Equal(Week02Data.Vector(reference.GetProperty("predictions")).ToArray(), model.Predict(x).ToArray());
            Expect.Close(0.0, model.Intercepts.Sum(), 1e-12, "intercepts sum");
        }
    }

    [Fact]
    public void Newton_needs_few_steps_on_iris()
    {
        var (x, y) = Week02Data.IrisStandardized();
        var newton = new SoftmaxRegression(1.0 / 150, tolerance: 1e-10).Fit(x, y);
        Assert.True(newton.Converged);
        Assert.InRange(newton.Iterations, 3, 15);
        Expect.Close(Math.Log(3), newton.LossHistory[0], 1e-14, "log K at θ = 0 (a mean of 150 rounded terms)");
    }

    [Fact]
    public void Lbfgs_reaches_the_Newton_solution_on_a_wider_five_class_problem()
    {
        // 400 x 20, 5 classes (120 parameters), alpha = 1/400: L-BFGS only ever sees gradients, Newton the exact
        // Hessian; stopped at ||∇f||∞ ≤ 1e-10 each, strong convexity in W ≥ alpha, so both are within ~4e-8 of the
        // minimiser. Also the 0-sum of the intercepts, which L-BFGS keeps only because every step is built from gradients.
        var (x, y) = Week02Data.Blobs(n: 400, p: 20, classes: 5);
        var newton = new SoftmaxRegression(1.0 / 400, tolerance: 1e-10).Fit(x, y);
        var lbfgs = new SoftmaxRegression(1.0 / 400, LogisticSolver.Lbfgs, tolerance: 1e-10).Fit(x, y);
        Assert.True(newton.Converged && lbfgs.Converged);
        Expect.Close(newton.Coefficients, lbfgs.Coefficients, 1e-6, "W");
        Expect.Close(newton.Intercepts, lbfgs.Intercepts, 1e-6, "b");
        Assert.True(lbfgs.Iterations > newton.Iterations, $"L-BFGS {lbfgs.Iterations} vs Newton {newton.Iterations} steps");
    }

    [Fact]
    public void With_two_classes_softmax_is_logistic_regression_with_half_the_penalty()
    {
        // Two classes: P(1) = softmax(z)₁ = σ(z₁ − z₀), so the logistic weights are w = w₁ − w₀. At the optimum
        // w₀ = −w₁ (the penalty ||w₀||² + ||w₁||² is smallest for a given difference when they are opposite), so
        // ||W||² = ||w||²/2: softmax with alpha equals logistic regression with alpha/2 (derivation, checked here).
        var (x, y) = Week02Data.Blobs(n: 80, p: 3);
        var softmax = new SoftmaxRegression(0.2, tolerance: 1e-12).Fit(x, y);
        var logistic = new LogisticRegression(LogisticPenalty.L2, 0.1, tolerance: 1e-12).Fit(x, y);
        Expect.Close(logistic.Coefficients, softmax.Coefficients.Column(1) - softmax.Coefficients.Column(0), 1e-9, "w");
        Expect.Close(logistic.Intercept, softmax.Intercepts[1] - softmax.Intercepts[0], 1e-9, "b");
        Expect.Close(logistic.PredictProbability(x), softmax.PredictProbability(x), 1e-9, "P(1)");
    }

    [Fact]
    public void Labels_that_are_not_0_to_K_minus_1_fail_naming_y()
    {
        var (x, y) = Week02Data.Blobs(n: 30, p: 2, classes: 3);
        var gap = y.Map(v => v == 1 ? 2.0 : v);                                 // labels {0, 2}: class 1 missing
        Assert.Contains("label 1 never occurs", Assert.Throws<ArgumentException>(() => new SoftmaxRegression().Fit(x, gap)).Message);
        var fractional = y.Clone();
        fractional[3] = 0.5;
        var error = Assert.Throws<ArgumentException>(() => new SoftmaxRegression().Fit(x, fractional));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("y[3] is 0.5", error.Message);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(0.0)).ParamName);
        Assert.False(new SoftmaxRegression(0.0, LogisticSolver.GradientDescent).IsFitted);   // unpenalised is fine for GD
        Assert.False(new SoftmaxRegression(0.0, LogisticSolver.Lbfgs).IsFitted);             // and for L-BFGS (no Hessian)
        Assert.Equal("solver", Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(solver: (LogisticSolver)7)).ParamName);
    }

    [Fact]
    public void One_vs_rest_matches_scikit_learn_ovr_on_standardized_iris()
    {
        // Expected: LogisticRegression(C=1, multi_class='ovr', newton-cg, tol=1e-12): K binary fits, probabilities
        // σ(z_k) normalised over k; and the lbfgs fit, accurate to ~1e-5 only. Recorded by week02_logistic.py.
        var (x, y) = Week02Data.IrisStandardized();
        var reference = Week02Data.Reference.GetProperty("iris_ovr");
        int rows = Week02Data.Reference.GetProperty("proba_rows").GetInt32();
        var model = new LogisticOneVsRest(() => new LogisticRegression(LogisticPenalty.L2, reference.GetProperty("alpha").GetDouble(), tolerance: 1e-12)).Fit(x, y);
        Assert.All(model.Converged, Assert.True);
        var tight = reference.GetProperty("newton_cg");
        Expect.Close(Week02Data.Matrix(tight.GetProperty("coefficients")).Transpose(), model.Coefficients, 1e-8, "W");
        Expect.Close(Week02Data.Vector(tight.GetProperty("intercepts")), model.Intercepts, 1e-8, "b");
        Expect.Close(Week02Data.Matrix(tight.GetProperty("probabilities")), model.PredictProbability(x.SubMatrix(0, rows, 0, 4)), 1e-8, "P");
        Expect.Close(Week02Data.Matrix(reference.GetProperty("coefficients")).Transpose(), model.Coefficients, 1e-4, "W vs lbfgs");
        Assert.Equal(Week02Data.Vector(reference.GetProperty("predictions")).ToArray(), model.Predict(x).ToArray());
    }
}
