using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.LinearModels;

public class LeastSquaresGeometryTests
{
    [Fact]
    public void The_residual_is_orthogonal_to_every_column_of_the_design()
    {
        var (x, y) = Data.DiabetesRaw();
        var yHat = new LinearRegression().Fit(x, y).Predict(x);
        var products = LeastSquaresGeometry.ResidualColumnProducts(x, y, yHat);
        var design = LeastSquaresGeometry.DesignMatrix(x);
        Assert.Equal(11, products.Count);
        // Normal equation: Aᵀ(y − ŷ) = 0 exactly. In floating point each product is a sum of n terms
        // a_ij·r_i, so rounding leaves about n·ε·||a_j||·||r|| (≈ 1e-13 · that scale); allow 1e-10 of it.
        var r = y - yHat;
        for (int j = 0; j < products.Count; j++)
            Assert.True(Math.Abs(products[j]) <= 1e-10 * design.Column(j).L2Norm() * r.L2Norm(), $"column {j}: {products[j]:G3}");
        // And a non-optimal fit is not orthogonal: the check can fail.
        var worse = LeastSquaresGeometry.ResidualColumnProducts(x, y, yHat + 1.0);
        Assert.True(Math.Abs(worse[0]) > 400, "shifting ŷ by 1 leaves Σ residual = -442");
    }

    [Fact]
    public void The_hat_matrix_is_symmetric_idempotent_and_reproduces_the_fitted_values()
    {
        var (x, y) = Data.DiabetesRaw();
        var p = LeastSquaresGeometry.HatMatrix(x);
        Assert.Equal(442, p.RowCount);
        // P = U_r U_rᵀ with orthonormal U_r: entries are O(1), rounding O(n·ε) ≈ 1e-13; 1e-12 allows it.
        Expect.Close(p.Transpose(), p, 1e-12, "P − Pᵀ");
        Expect.Close(p, p * p, 1e-12, "P² − P");
        // trace(P) = rank of the design = 10 features + intercept column (a projection's eigenvalues are 0 or 1).
        Expect.Close(11.0, p.Trace(), 1e-10, "trace");
        var yHat = new LinearRegression().Fit(x, y).Predict(x);
        Expect.RelativelyClose(yHat, p * y, 1e-12, "P y vs ŷ");
        Expect.RelativelyClose(yHat, LeastSquaresGeometry.Project(x, y), 1e-12, "Project vs ŷ");
    }

    [Fact]
    public void The_hat_matrix_of_a_rank_deficient_design_still_projects_onto_its_column_space()
    {
        // A duplicated column adds nothing to the column space: same P, trace still 11.
        var (x, y) = Data.DiabetesRaw();
        var duplicated = x.Append(x.Column(2).ToColumnMatrix());
        var p = LeastSquaresGeometry.HatMatrix(duplicated);
        Expect.Close(11.0, p.Trace(), 1e-10, "trace");
        Expect.Close(LeastSquaresGeometry.HatMatrix(x), p, 1e-12);
    }

    [Fact]
    public void The_design_matrix_puts_a_column_of_ones_first_only_with_an_intercept()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 3 }, { 4, 5 } });
        var a = LeastSquaresGeometry.DesignMatrix(x);
        Assert.Equal(new double[,] { { 1, 2, 3 }, { 1, 4, 5 } }, a.ToArray());
        Assert.Equal(x.ToArray(), LeastSquaresGeometry.DesignMatrix(x, fitIntercept: false).ToArray());
    }

    [Fact]
    public void Geometry_helpers_reject_bad_input_naming_the_argument()
    {
        var (x, y) = Data.Synthetic();
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => LeastSquaresGeometry.HatMatrix(null!)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LeastSquaresGeometry.Project(x, y.SubVector(0, 5))).ParamName);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => LeastSquaresGeometry.ResidualColumnProducts(x, y, y.SubVector(0, 5))).ParamName);
    }
}
