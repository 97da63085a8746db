using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.LinearModels;

public class RidgeRegressionTests
{
    // Both sides solve (XᵀX + αI)w = Xᵀy on standardised diabetes, whose XᵀX/n has eigenvalues
    // 0.00856 ... 4.02 (numpy, see LassoRegressionTests): condition number <= 470, so a Cholesky solve
    // is accurate to about 470·ε ≈ 1e-13 relative. 1e-9 leaves room for the two standardisations
    // differing in the last bits (checked separately to 1e-12 in StandardScalerTests).
    private const double Tolerance = 1e-9;

    [Fact]
    public void Ridge_matches_scikit_learn_on_standardized_diabetes()
    {
        // Expected: sklearn.linear_model.Ridge(alpha).fit(StandardScaler().fit_transform(X), y), recorded by
        // tests/reference/week01_linear_models.py for alpha in {0.1, 1, 10, 100, 1000}.
        var (x, y) = Data.DiabetesStandardized();
        foreach (var reference in Reference.Week01.GetProperty("ridge_standardized").EnumerateArray())
        {
            double alpha = reference.Number("alpha");
            var model = new RidgeRegression(alpha).Fit(x, y);
            Expect.RelativelyClose(Reference.Vector(reference.GetProperty("coefficients")), model.Coefficients, Tolerance, $"alpha {alpha}");
            Expect.Close(reference.Number("intercept"), model.Intercept, Tolerance * 152, $"alpha {alpha} intercept");   // relative to b = ȳ ≈ 152
        }
    }

    [Fact]
    public void Ridge_with_alpha_zero_is_least_squares()
    {
        var (x, y) = Data.DiabetesRaw();
        var ridge = new RidgeRegression(0.0).Fit(x, y);
        var ols = new LinearRegression(solver: LeastSquaresSolver.Qr).Fit(x, y);
        // Both solve the same full-rank problem (cond 276 centred): see LinearRegressionTests' 1e-9.
        Expect.RelativelyClose(ols.Coefficients, ridge.Coefficients, 1e-9);
    }

    [Fact]
    public void Ridge_solves_a_rank_deficient_problem_that_least_squares_cannot()
    {
        // (XᵀX + αI) is positive definite for α > 0 even with a duplicated column; by symmetry the two
        // copies of bmi get the same weight (swapping them leaves the objective unchanged and the
        // minimiser is unique).
        var (x, y) = Data.DiabetesStandardized();
        var duplicated = x.Append(x.Column(2).ToColumnMatrix());
        var model = new RidgeRegression(1.0).Fit(duplicated, y);
        Expect.Close(model.Coefficients[2], model.Coefficients[10], 1e-9);
        var error = Assert.Throws<ArgumentException>(() => new RidgeRegression(0.0).Fit(duplicated, y));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("alpha > 0", error.Message);
    }

    [Fact]
    public void The_gradient_of_the_ridge_objective_vanishes_at_the_solution()
    {
        // Independent of the solver: ∇_w = −2Xcᵀ(yc − Xc w) + 2αw must be 0 (the closed form's derivation).
        var (x, y) = Data.DiabetesRaw();
        const double alpha = 50.0;
        var model = new RidgeRegression(alpha).Fit(x, y);
        var r = y - model.Predict(x);
        var xc = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x.Column(j).Average());
        var gradient = -2 * xc.TransposeThisAndMultiply(r) + 2 * alpha * model.Coefficients;
        // The two terms are each up to 2·s_max·||r|| (s_max = 952, the largest singular value of Xc) and
        // cancel; a Cholesky solve with cond(XᵀX + αI) <= 7.6e4 leaves about cond·ε ≈ 2e-11 of that scale.
        // We allow 1e-7 of it.
        Assert.True(gradient.InfinityNorm() < 1e-7 * 2 * 952 * r.L2Norm(), $"|∇| = {gradient.InfinityNorm():G3}");
        Expect.Close(0.0, r.Sum(), 1e-8, "the intercept makes the residuals sum to 0");
    }

    [Fact]
    public void Shifting_the_target_moves_only_the_intercept_because_it_is_not_penalised()
    {
        var (x, y) = Data.DiabetesStandardized();
        var a = new RidgeRegression(10.0).Fit(x, y);
        var b = new RidgeRegression(10.0).Fit(x, y + 1000.0);
        Expect.RelativelyClose(a.Coefficients, b.Coefficients, 1e-12);
        Expect.Close(a.Intercept + 1000.0, b.Intercept, 1e-9);
    }

    [Fact]
    public void Negative_or_non_finite_alpha_is_rejected_naming_alpha()
    {
        foreach (var alpha in new[] { -1e-3, double.NaN, double.PositiveInfinity })
            Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new RidgeRegression(alpha)).ParamName);
    }
}
