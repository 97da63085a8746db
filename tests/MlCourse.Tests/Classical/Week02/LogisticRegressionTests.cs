using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Numerics;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week02;

public class LogisticRegressionTests
{
    // scikit-learn minimises C·Σ loss + ½||w||²; the library minimises (1/n)Σ loss + (alpha/2)||w||². Dividing the
    // first by C·n gives the second with alpha = 1/(C·n): the reference script records both C and that alpha.
    private static double AlphaFor(System.Text.Json.JsonElement reference, int n)
    {
        double alpha = 1.0 / (reference.GetProperty("C").GetDouble() * n);
        Expect.Close(reference.GetProperty("alpha").GetDouble(), alpha, 1e-18, "alpha mapping");
        return alpha;
    }

    private static Vector<double> Gradient(LogisticRegression model, Matrix<double> x, Vector<double> y)
    {
        var theta = Vector<double>.Build.DenseOfEnumerable(model.Coefficients.Append(model.Intercept));
        return new LogisticObjective(x, y, model.PenaltyWeights.L2).Gradient(theta);
    }

    [Fact]
    public void Newton_with_L2_matches_scikit_learn_on_standardized_breast_cancer()
    {
        // Expected, recorded by tests/reference/week02_logistic.py at C = 0.01, 0.1, 1:
        //  - newton-cg (tol=1e-12): its largest gradient entry is ≤ 5e-12 (recorded), ours ≤ 1e-12. The objective is
        //    at least alpha-strongly convex in w (alpha ≥ 1/569), so each answer is within about g/alpha ≈ 3e-9 of the
        //    minimiser: we allow 1e-7.
        //  - lbfgs (tol=1e-12), which stops on scipy's relative-decrease test first: its gradient is still ~1e-6
        //    (recorded), so it agrees only to ~1e-5 relative; we allow 1e-4.
        var (x, y) = Week02Data.BreastCancerStandardized();
        int n = x.RowCount, rows = Week02Data.Reference.GetProperty("proba_rows").GetInt32();
        foreach (var reference in Week02Data.Reference.GetProperty("breast_cancer_l2").EnumerateArray())
        {
            var model = new LogisticRegression(LogisticPenalty.L2, AlphaFor(reference, n), tolerance: 1e-12).Fit(x, y);
            string c = "C=" + reference.GetProperty("C").GetDouble();
            Assert.True(model.Converged, c);
            var tight = reference.GetProperty("newton_cg");
            Assert.True(tight.GetProperty("gradient_inf_norm").GetDouble() < 1e-11);
            Expect.Close(Week02Data.Vector(tight.GetProperty("coefficients")), model.Coefficients, 1e-7, c + " coefficients vs newton-cg");
            Expect.Close(tight.GetProperty("intercept").GetDouble(), model.Intercept, 1e-7, c + " intercept vs newton-cg");
            Expect.Close(Week02Data.Vector(tight.GetProperty("probabilities")), model.PredictProbability(x.SubMatrix(0, rows, 0, 30)).Column(1), 1e-9, c + " probabilities");
            Expect.RelativelyClose(Week02Data.Vector(reference.GetProperty("coefficients")), model.Coefficients, 1e-4, c + " coefficients vs lbfgs");
            Expect.Close(Week02Data.Vector(reference.GetProperty("probabilities")), model.PredictProbability(x.SubMatrix(0, rows, 0, 30)).Column(1), 1e-4, c + " probabilities vs lbfgs");
            double accuracy = model.Predict(x).Zip(y, (a, b) => a == b ? 1.0 : 0.0).Average();
            Assert.Equal(reference.GetProperty("accuracy").GetDouble(), accuracy);
        }
    }

    [Fact]
    public void Newton_converges_on_standardized_breast_cancer_in_a_handful_of_iterations()
    {
        // C = 1 (alpha = 1/569). Quadratic convergence: ||∇f||∞ below 1e-10 within 10 steps, where lbfgs needed
        // 34 iterations at tol=1e-12 (recorded n_iter) and plain gradient descent needs thousands (next test).
        var (x, y) = Week02Data.BreastCancerStandardized();
        var model = new LogisticRegression(LogisticPenalty.L2, 1.0 / 569, tolerance: 1e-10).Fit(x, y);
        Assert.True(model.Converged);
        Assert.InRange(model.Iterations, 5, 10);
        Assert.True(Gradient(model, x, y).InfinityNorm() <= 1e-10);
        Assert.Equal(model.Iterations + 1, model.LossHistory.Count);
        Expect.Close(Math.Log(2), model.LossHistory[0], 1e-14, "loss at θ = 0 (a mean of 569 rounded terms)");
        for (int k = 1; k < model.LossHistory.Count; k++) Assert.True(model.LossHistory[k] < model.LossHistory[k - 1]);
    }

    [Fact]
    public void Lbfgs_matches_Newton_and_scikit_learn_on_standardized_breast_cancer()
    {
        // The same recorded references as the Newton test (C = 0.01, 0.1, 1). L-BFGS stops at ||∇f||∞ ≤ 1e-12 like
        // Newton, so the same 1e-7 against newton-cg and against our Newton; with class weights (no sklearn record here) against Newton.
        var (x, y) = Week02Data.BreastCancerStandardized();
        foreach (var reference in Week02Data.Reference.GetProperty("breast_cancer_l2").EnumerateArray())
        {
            double alpha = AlphaFor(reference, x.RowCount);
            var lbfgs = new LogisticRegression(LogisticPenalty.L2, alpha, solver: LogisticSolver.Lbfgs, tolerance: 1e-12).Fit(x, y);
            var newton = new LogisticRegression(LogisticPenalty.L2, alpha, tolerance: 1e-12).Fit(x, y);
            string c = "C=" + reference.GetProperty("C").GetDouble();
            Assert.True(lbfgs.Converged, c);
            Assert.True(Gradient(lbfgs, x, y).InfinityNorm() <= 1e-12, c);
            var tight = reference.GetProperty("newton_cg");
            Expect.Close(Week02Data.Vector(tight.GetProperty("coefficients")), lbfgs.Coefficients, 1e-7, c + " coefficients vs newton-cg");
            Expect.Close(tight.GetProperty("intercept").GetDouble(), lbfgs.Intercept, 1e-7, c + " intercept vs newton-cg");
            Expect.Close(newton.Coefficients, lbfgs.Coefficients, 1e-7, c + " coefficients vs Newton");
            Expect.RelativelyClose(Week02Data.Vector(reference.GetProperty("coefficients")), lbfgs.Coefficients, 1e-4, c + " coefficients vs lbfgs");
            Assert.True(lbfgs.Iterations > newton.Iterations, $"{c}: L-BFGS {lbfgs.Iterations} vs Newton {newton.Iterations} steps");
            for (int k = 1; k < lbfgs.LossHistory.Count; k++) Assert.True(lbfgs.LossHistory[k] <= lbfgs.LossHistory[k - 1] + 1e-15, $"{c} step {k}");
        }
        var weights = ClassWeight.Balanced;
        var weighted = new LogisticRegression(alpha: 0.01, solver: LogisticSolver.Lbfgs, tolerance: 1e-11, classWeight: weights).Fit(x, y);
        var weightedNewton = new LogisticRegression(alpha: 0.01, tolerance: 1e-11, classWeight: weights).Fit(x, y);
        Expect.Close(weightedNewton.Coefficients, weighted.Coefficients, 1e-8, "balanced class weights");
        Expect.Close(weightedNewton.Intercept, weighted.Intercept, 1e-8, "balanced intercept");
    }

    [Fact]
    public void Gradient_descent_reaches_the_same_L2_solution_but_needs_far_more_steps()
    {
        // C = 0.1: the same minimiser as Newton's and scikit-learn's newton-cg (recorded); step 1/L. At a gradient-mapping
        // tolerance of 1e-9 and strong convexity ≥ alpha = 1/56.9, the weights are within ~6e-8 of the minimiser.
        var (x, y) = Week02Data.BreastCancerStandardized();
        var reference = Week02Data.Reference.GetProperty("breast_cancer_l2")[1];
        double alpha = AlphaFor(reference, x.RowCount);
        var gd = new LogisticRegression(LogisticPenalty.L2, alpha, solver: LogisticSolver.GradientDescent, maxIterations: 100_000, tolerance: 1e-9).Fit(x, y);
        var newton = new LogisticRegression(LogisticPenalty.L2, alpha, tolerance: 1e-12).Fit(x, y);
        Assert.True(gd.Converged);
        Expect.Close(Week02Data.Vector(reference.GetProperty("newton_cg").GetProperty("coefficients")), gd.Coefficients, 1e-6, "GD coefficients");
        Expect.Close(newton.Coefficients, gd.Coefficients, 1e-6, "GD vs Newton");
        Assert.True(gd.Iterations > 20 * newton.Iterations, $"GD {gd.Iterations} vs Newton {newton.Iterations}");
        for (int k = 1; k < gd.LossHistory.Count; k++) Assert.True(gd.LossHistory[k] <= gd.LossHistory[k - 1] + 1e-15);
    }

    [Theory]
    [InlineData("breast_cancer_elasticnet", LogisticPenalty.ElasticNet)]
    [InlineData("breast_cancer_l1", LogisticPenalty.L1)]
    public void Proximal_gradient_matches_scikit_learn_saga_with_the_same_zero_pattern(string key, LogisticPenalty penalty)
    {
        // Expected: LogisticRegression(penalty, saga, C=0.1, tol=1e-12) recorded by week02_logistic.py. saga's
        // tolerance is on its weight change, so its answer is accurate to about 1e-6, not to our 1e-10.
        var (x, y) = Week02Data.BreastCancerStandardized();
        var reference = Week02Data.Reference.GetProperty(key);
        double l1Ratio = reference.TryGetProperty("l1_ratio", out var r) ? r.GetDouble() : 0.5;
        var model = new LogisticRegression(penalty, AlphaFor(reference, x.RowCount), l1Ratio, LogisticSolver.GradientDescent,
            maxIterations: 200_000, tolerance: 1e-10).Fit(x, y);
        Assert.True(model.Converged, $"{model.Iterations} steps");
        var expected = Week02Data.Vector(reference.GetProperty("coefficients"));
        Expect.Close(expected, model.Coefficients, 1e-5, "coefficients");
        Expect.Close(reference.GetProperty("intercept").GetDouble(), model.Intercept, 1e-5, "intercept");
        int zeros = 0;
        for (int j = 0; j < expected.Count; j++)
        {
            Assert.True((expected[j] == 0) == (model.Coefficients[j] == 0), $"feature {j}: {expected[j]} vs {model.Coefficients[j]}");
            if (expected[j] == 0) zeros++;
        }
        Assert.True(zeros > 0, "the L1 part should zero some of the 30 weights");
    }

    [Fact]
    public void Without_an_intercept_the_intercept_is_zero_and_the_gradient_vanishes_in_w()
    {
        var (x, y) = Week02Data.Blobs(n: 80, p: 3);
        var model = new LogisticRegression(LogisticPenalty.None, fitIntercept: false, tolerance: 1e-12).Fit(x, y);
        Assert.Equal(0.0, model.Intercept);
        var g = new LogisticObjective(x, y, 0.0, fitIntercept: false).Gradient(model.Coefficients);
        Assert.True(g.InfinityNorm() <= 1e-12);
    }

    [Fact]
    public void Predict_is_the_sign_of_the_logit_and_probabilities_are_its_sigmoid()
    {
        var (x, y) = Week02Data.Blobs(n: 80, p: 3);
        var model = new LogisticRegression().Fit(x, y);
        var z = model.DecisionFunction(x);
        var p = model.PredictProbability(x);
        var labels = model.Predict(x);
        for (int i = 0; i < x.RowCount; i++)
        {
            Expect.Close(1 / (1 + Math.Exp(-z[i])), p[i, 1], 1e-15);
            Expect.Close(1 / (1 + Math.Exp(z[i])), p[i, 0], 1e-15);
            Assert.Equal(z[i] > 0 ? 1.0 : 0.0, labels[i]);
        }
    }

    [Fact]
    public void Bad_labels_and_hyper_parameters_fail_naming_the_argument()
    {
        var (x, y) = Week02Data.Blobs(n: 30, p: 2);
        var nonBinary = Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x, y.Map(v => v * 2)));
        Assert.Equal("y", nonBinary.ParamName);
        Assert.Contains("only the labels 0 and 1", nonBinary.Message);
        var threeClasses = y.Clone();
        threeClasses[4] = 2;
        Assert.Contains("y[4] is 2", Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x, threeClasses)).Message);
        var newtonL1 = Assert.Throws<ArgumentException>(() => new LogisticRegression(LogisticPenalty.L1));
        Assert.Equal("solver", newtonL1.ParamName);
        Assert.Contains("GradientDescent", newtonL1.Message);
        var lbfgsElasticNet = Assert.Throws<ArgumentException>(() => new LogisticRegression(LogisticPenalty.ElasticNet, solver: LogisticSolver.Lbfgs));
        Assert.Equal("solver", lbfgsElasticNet.ParamName);
        Assert.Contains("Lbfgs needs a differentiable objective", lbfgsElasticNet.Message);
        Assert.Equal("solver", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(solver: (LogisticSolver)7)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(alpha: -1)).ParamName);
        Assert.Equal("l1Ratio", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(LogisticPenalty.ElasticNet, l1Ratio: 1.5, solver: LogisticSolver.GradientDescent)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(lr: 0)).ParamName);
        Assert.Equal("penalty", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression((LogisticPenalty)9)).ParamName);
    }
}
