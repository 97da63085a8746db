using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.LinearModels;

public class LinearRegressionTests
{
    // Tolerance for comparing least-squares solvers on raw diabetes. The centred design has condition
    // number 276 and the uncentred [1 | X] (used by MathNet's own solvers) 7.2e3 (numpy, printed while
    // writing this test). A backward-stable solver's relative error is about cond·ε (QR, SVD: <= 2e-12),
    // the normal equation's about cond²·ε (276² · 2.2e-16 ≈ 2e-11). 1e-9 is two orders above both.
    private const double SolverTolerance = 1e-9;

    [Fact]
    public void Normal_equation_QR_SVD_and_MathNet_least_squares_agree_on_diabetes()
    {
        var (x, y) = Data.DiabetesRaw();
        var normal = new LinearRegression(solver: LeastSquaresSolver.NormalEquation).Fit(x, y);
        var qr = new LinearRegression(solver: LeastSquaresSolver.Qr).Fit(x, y);
        var svd = new LinearRegression(solver: LeastSquaresSolver.Svd).Fit(x, y);

        // MathNet's own solvers on the augmented design [1 | X]: parameters (b, w).
        var a = Matrix<double>.Build.Dense(x.RowCount, 1, 1.0).Append(x);
        var mathNetQr = a.QR().Solve(y);
        var mathNetSvd = a.Svd().Solve(y);
        Expect.RelativelyClose(mathNetQr, mathNetSvd, SolverTolerance, "MathNet QR vs MathNet SVD");

        foreach (var (name, model) in new[] { ("normal", normal), ("qr", qr), ("svd", svd) })
        {
            var parameters = Vector<double>.Build.DenseOfEnumerable(new[] { model.Intercept }.Concat(model.Coefficients));
            Expect.RelativelyClose(mathNetQr, parameters, SolverTolerance, name);
        }
    }

    [Fact]
    public void Linear_regression_matches_scikit_learn_on_raw_diabetes()
    {
        // Expected: sklearn.linear_model.LinearRegression().fit(X, y), recorded by tests/reference/week01_linear_models.py.
        var reference = Reference.Week01.GetProperty("linear_regression_raw");
        var (x, y) = Data.DiabetesRaw();
        foreach (var solver in Enum.GetValues<LeastSquaresSolver>())
        {
            var model = new LinearRegression(solver: solver).Fit(x, y);
            Expect.RelativelyClose(Reference.Vector(reference.GetProperty("coefficients")), model.Coefficients, SolverTolerance, solver.ToString());
            Expect.Close(reference.Number("intercept"), model.Intercept, SolverTolerance * 334.6, $"{solver} intercept");   // relative to |b| ≈ 334.6
        }
    }

    [Fact]
    public void Svd_solver_returns_scikit_learns_minimum_norm_solution_when_a_column_is_duplicated()
    {
        // Expected: scikit-learn (scipy lstsq, SVD) on diabetes with bmi appended again; recorded by the
        // reference script. The minimum-norm solution splits bmi's weight 5.603 equally: 2.801 + 2.801.
        var reference = Reference.Week01.GetProperty("linear_regression_duplicated_bmi");
        var (x, y) = Data.DiabetesRaw();
        var duplicated = x.Append(x.Column(2).ToColumnMatrix());
        var model = new LinearRegression(solver: LeastSquaresSolver.Svd).Fit(duplicated, y);

        Assert.Equal(reference.GetProperty("rank").GetInt32(), model.Rank);
        Expect.RelativelyClose(Reference.Vector(reference.GetProperty("coefficients")), model.Coefficients, SolverTolerance);
        Expect.Close(model.Coefficients[2], model.Coefficients[10], 1e-9, "the two copies of bmi");
    }

    [Theory]
    [InlineData(LeastSquaresSolver.NormalEquation)]
    [InlineData(LeastSquaresSolver.Qr)]
    public void Full_rank_solvers_refuse_a_rank_deficient_design_and_name_the_rank(LeastSquaresSolver solver)
    {
        var (x, y) = Data.DiabetesRaw();
        var duplicated = x.Append(x.Column(2).ToColumnMatrix());
        var error = Assert.Throws<ArgumentException>(() => new LinearRegression(solver: solver).Fit(duplicated, y));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("rank 10 for 11 columns", error.Message);
        Assert.Contains("Svd", error.Message);
    }

    [Fact]
    public void A_constant_column_is_rank_deficient_with_an_intercept_but_not_without()
    {
        // With an intercept, a constant column duplicates the column of ones: after centring it is zero.
        var (x, y) = Data.Synthetic();
        var withConstant = x.Append(Matrix<double>.Build.Dense(x.RowCount, 1, 3.0));
        Assert.Equal(3, new LinearRegression().Fit(withConstant, y).Rank);
        Assert.Equal(4, new LinearRegression(fitIntercept: false).Fit(withConstant, y).Rank);
        Assert.Throws<ArgumentException>(() => new LinearRegression(solver: LeastSquaresSolver.Qr).Fit(withConstant, y));
    }

    [Fact]
    public void Without_an_intercept_the_fit_passes_through_the_origin_and_matches_MathNet()
    {
        var (x, y) = Data.Synthetic();
        var model = new LinearRegression(fitIntercept: false, solver: LeastSquaresSolver.NormalEquation).Fit(x, y);
        Assert.Equal(0.0, model.Intercept);
        // Expected: MathNet's QR least squares on X itself (no column of ones). cond(X) ≈ 1.5 here, so 1e-12.
        Expect.RelativelyClose(x.QR().Solve(y), model.Coefficients, 1e-12);
    }

    [Fact]
    public void An_exact_linear_relation_is_recovered_exactly()
    {
        // y = 2 - 3·x0 + 0.5·x1 without noise: the residual is 0, so every solver must return these weights.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 0 }, { 3, 5 }, { -1, 1 }, { 0, -2 } });
        var y = Vector<double>.Build.Dense(5, i => 2 - 3 * x[i, 0] + 0.5 * x[i, 1]);
        foreach (var solver in Enum.GetValues<LeastSquaresSolver>())
        {
            var model = new LinearRegression(solver: solver).Fit(x, y);
            Expect.Close(Vector<double>.Build.DenseOfArray([-3.0, 0.5]), model.Coefficients, 1e-12, solver.ToString());
            Expect.Close(2.0, model.Intercept, 1e-12, solver.ToString());
        }
    }

    [Fact]
    public void Singular_values_are_those_of_the_centred_design()
    {
        // Expected: the largest and smallest singular values of the centred raw diabetes design, printed by
        // numpy 1.24.2 with np.linalg.svd(X - X.mean(0), compute_uv=False): 952.22827319 and 3.44777326.
        var (x, y) = Data.DiabetesRaw();
        var s = new LinearRegression().Fit(x, y).SingularValues;
        Assert.Equal(10, s.Count);
        Expect.Close(952.22827319, s[0], 1e-6);
        Expect.Close(3.44777326, s[9], 1e-6);
    }

    [Fact]
    public void An_undefined_solver_value_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LinearRegression(solver: (LeastSquaresSolver)7));
        Assert.Equal("solver", error.ParamName);
    }
}
