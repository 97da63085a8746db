using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.LinearModels;

public class LassoRegressionTests
{
    /// <summary>
    /// Curvature of the lasso's smooth part (1/2n)||y − Xw||² on standardised diabetes: its Hessian is
    /// XᵀX/n, with smallest eigenvalue μ ≈ 0.00856 and largest L ≈ 4.02 (computed here).
    /// </summary>
    private static (double Mu, double L) Curvature(Matrix<double> x)
    {
        var xc = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x.Column(j).Average());
        var eigen = Data.SymmetricEigenvalues(xc.TransposeThisAndMultiply(xc) / x.RowCount);
        return (eigen[0], eigen[^1]);
    }

    /// <summary>
    /// Distance to the exact minimiser certified by a duality gap: the objective is μ-strongly convex,
    /// so P(w) − P(w*) >= (μ/2)||w − w*||², and the gap bounds P(w) − P(w*) from above. Hence
    /// ||w − w*|| <= √(2·gap/μ).
    /// </summary>
    private static double DistanceBound(double gap, double mu) => Math.Sqrt(2 * gap / mu);

    [Fact]
    public void Lasso_matches_scikit_learn_on_standardized_diabetes_within_the_certified_distance()
    {
        // Expected: sklearn Lasso(alpha, tol=1e-10, max_iter=1e6) on standardised diabetes, with its final
        // dual_gap_, recorded by tests/reference/week01_linear_models.py. Tolerance: both solutions are
        // within √(2·gap/μ) of the unique minimiser, so of each other within the sum of the two bounds.
        var (x, y) = Data.DiabetesStandardized();
        var (mu, _) = Curvature(x);
        Assert.InRange(mu, 0.0085, 0.0086);   // numpy: np.linalg.eigvalsh(Xs.T @ Xs / 442)[0] = 0.00856073
        foreach (var reference in Reference.Week01.GetProperty("lasso_standardized").EnumerateArray())
        {
            double alpha = reference.Number("alpha");
            var model = new LassoRegression(alpha, maxIterations: 100_000, tolerance: 1e-12).Fit(x, y);
            Assert.True(model.Converged, $"alpha {alpha}: not converged in {model.Iterations} sweeps");
            double bound = DistanceBound(reference.Number("dual_gap"), mu) + DistanceBound(model.DualityGap, mu);
            var expected = Reference.Vector(reference.GetProperty("coefficients"));
            Assert.True((model.Coefficients - expected).L2Norm() <= bound,
                $"alpha {alpha}: distance {(model.Coefficients - expected).L2Norm():G3} > certified bound {bound:G3}");
            // The same features are exactly zero (the reference's zeros; none is near the threshold).
            for (int j = 0; j < expected.Count; j++)
                Assert.True((expected[j] == 0) == (model.Coefficients[j] == 0), $"alpha {alpha}, feature {j}: {expected[j]} vs {model.Coefficients[j]}");
            // Intercept: standardised features have mean 0, so b = ȳ on both sides.
            Expect.Close(reference.Number("intercept"), model.Intercept, 1e-9, $"alpha {alpha} intercept");
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(20.0)]
    public void The_lasso_solution_satisfies_the_KKT_conditions(double alpha)
    {
        // Optimality of (1/2n)||y − Xw − b||² + α||w||₁: with c_j = x_jᵀ(y − ŷ)/n,
        //   w_j = 0  =>  |c_j| <= α,   w_j ≠ 0  =>  c_j = α·sign(w_j).
        // At the exact minimiser these hold exactly; c is L-Lipschitz in w (L = largest eigenvalue of
        // XᵀX/n), so at our iterate they hold up to L·√(2·gap/μ). Tolerance 1e-14 makes the gap
        // <= 1e-14·var(y) ≈ 6e-11, so that slack is about 5e-4: 0.5 % of the smallest alpha.
        var (x, y) = Data.DiabetesStandardized();
        var (mu, lipschitz) = Curvature(x);
        var model = new LassoRegression(alpha, maxIterations: 100_000, tolerance: 1e-14).Fit(x, y);
        var c = x.TransposeThisAndMultiply(y - model.Predict(x)) / x.RowCount;
        double slack = lipschitz * DistanceBound(model.DualityGap, mu);
        var w = model.Coefficients;
        for (int j = 0; j < w.Count; j++)
        {
            if (w[j] == 0) Assert.True(Math.Abs(c[j]) <= alpha + slack, $"feature {j}: |c| = {Math.Abs(c[j])} > alpha {alpha}");
            else Expect.Close(alpha * Math.Sign(w[j]), c[j], slack, $"feature {j}");
        }
        Assert.True(slack < 1e-2 * alpha, $"the certificate is too loose to mean anything: slack {slack:G3}");
    }

    [Fact]
    public void Larger_alpha_gives_more_exact_zeros_and_alpha_max_zeroes_everything()
    {
        var (x, y) = Data.DiabetesStandardized();
        int[] zeros = new[] { 0.1, 1.0, 5.0, 20.0 }
            .Select(a => new LassoRegression(a, tolerance: 1e-8).Fit(x, y).Coefficients.Count(v => v == 0)).ToArray();
        // Expected counts 1, 3, 5, 7: the zeros in the scikit-learn coefficients of the reference script.
        Assert.Equal(new[] { 1, 3, 5, 7 }, zeros);

        // alpha_max = max_j |x_jᵀ(y − ȳ)|/n; numpy on the standardised data: 45.16003002046292.
        double alphaMax = RegularizationPath.LassoAlphaMax(x, y);
        Expect.Close(45.16003002046292, alphaMax, 1e-9);
        Assert.All(new LassoRegression(alphaMax * 1.0001).Fit(x, y).Coefficients, v => Assert.Equal(0.0, v));
        // Just below it, only the feature with the largest correlation (bmi, index 2) enters.
        var justBelow = new LassoRegression(alphaMax * 0.99).Fit(x, y).Coefficients;
        Assert.Equal(1, justBelow.Count(v => v != 0));
        Assert.NotEqual(0.0, justBelow[2]);
    }

    [Fact]
    public void Soft_threshold_shrinks_towards_zero_and_zeroes_the_dead_zone()
    {
        // S(z, γ) = sign(z)·max(|z| − γ, 0), evaluated by hand.
        Assert.Equal(2.0, LassoRegression.SoftThreshold(3.0, 1.0));
        Assert.Equal(-2.0, LassoRegression.SoftThreshold(-3.0, 1.0));
        Assert.Equal(0.0, LassoRegression.SoftThreshold(0.5, 1.0));
        Assert.Equal(0.0, LassoRegression.SoftThreshold(-1.0, 1.0));
        Assert.Equal(0.7, LassoRegression.SoftThreshold(0.7, 0.0));
    }

    [Fact]
    public void Soft_threshold_is_the_minimiser_of_its_one_dimensional_problem()
    {
        // Independent check: brute-force minimise ½(w − z)² + γ|w| on a fine grid (spacing 1e-4).
        foreach (var (z, gamma) in new[] { (2.3, 0.8), (-1.1, 0.4), (0.3, 0.5), (-0.2, 0.2) })
        {
            double best = Enumerable.Range(-40_000, 80_001).Select(k => k * 1e-4)
                .MinBy(w => 0.5 * (w - z) * (w - z) + gamma * Math.Abs(w));
            Expect.Close(best, LassoRegression.SoftThreshold(z, gamma), 1e-4, $"z {z}, γ {gamma}");
        }
    }

    [Fact]
    public void Hitting_max_iterations_is_reported_not_hidden()
    {
        var (x, y) = Data.DiabetesStandardized();
        var model = new LassoRegression(0.1, maxIterations: 2, tolerance: 1e-12).Fit(x, y);
        Assert.False(model.Converged);
        Assert.Equal(2, model.Iterations);
        Assert.True(model.DualityGap > 1e-12 * y.Select(v => v - y.Average()).Sum(v => v * v) / y.Count);
    }

    [Fact]
    public void Bad_hyper_parameters_are_rejected_naming_the_argument()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new LassoRegression(-1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new LassoRegression(0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new LassoRegression(1, maxIterations: 0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new LassoRegression(1, tolerance: 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => LassoRegression.SoftThreshold(1, -0.1)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentOutOfRangeException>(() => LassoRegression.SoftThreshold(double.NaN, 0.1)).ParamName);
    }
}
