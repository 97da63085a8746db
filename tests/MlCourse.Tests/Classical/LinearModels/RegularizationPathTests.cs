using MlCourse.Classical.LinearModels;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.LinearModels;

public class RegularizationPathTests
{
    [Fact]
    public void The_ridge_path_from_one_SVD_matches_a_Cholesky_fit_at_every_alpha()
    {
        // Two different derivations of the same closed form: V diag(s/(s² + α)) Uᵀy and (XᵀX + αI)⁻¹Xᵀy.
        // cond(XᵀX) <= 470 on standardised diabetes, so both are accurate to ~1e-13; allow 1e-10.
        var (x, y) = Data.DiabetesStandardized();
        var alphas = RegularizationPath.LogSpacedAlphas(1e4, 1e-2, 13);
        var path = RegularizationPath.Ridge(x, y, alphas);
        Assert.Equal(13, path.Coefficients.RowCount);
        Assert.Equal(10, path.Coefficients.ColumnCount);
        for (int k = 0; k < alphas.Length; k++)
        {
            var fit = new RidgeRegression(alphas[k]).Fit(x, y);
            Expect.RelativelyClose(fit.Coefficients, path.Coefficients.Row(k), 1e-10, $"alpha {alphas[k]}");
            Expect.Close(fit.Intercept, path.Intercepts[k], 1e-9);
        }
    }

    [Fact]
    public void Ridge_shrinks_the_weight_norm_monotonically_as_alpha_grows()
    {
        // ||w(α)||² = Σ_i (s_i·u_iᵀy / (s_i² + α))²: every term strictly decreases in α, so must the norm.
        var (x, y) = Data.DiabetesStandardized();
        var alphas = RegularizationPath.LogSpacedAlphas(1e5, 1e-3, 40).Reverse().ToArray();   // increasing
        var path = RegularizationPath.Ridge(x, y, alphas);
        var norms = Enumerable.Range(0, alphas.Length).Select(k => path.Coefficients.Row(k).L2Norm()).ToArray();
        for (int k = 1; k < norms.Length; k++)
            Assert.True(norms[k] < norms[k - 1], $"norm at alpha {alphas[k]} ({norms[k]}) is not below the one at {alphas[k - 1]} ({norms[k - 1]})");
        // And no weight is ever exactly 0 (shrinkage, not selection).
        Assert.DoesNotContain(0.0, path.Coefficients.Enumerate());
    }

    [Fact]
    public void The_warm_started_lasso_path_matches_separate_fits_and_keeps_the_callers_order()
    {
        var (x, y) = Data.DiabetesStandardized();
        double[] alphas = [1.0, 20.0, 0.1, 5.0];                 // deliberately unsorted
        var path = RegularizationPath.Lasso(x, y, alphas, tolerance: 1e-12, maxIterations: 100_000);
        Assert.Equal(alphas, path.Alphas);
        Assert.All(path.Converged, Assert.True);
        for (int k = 0; k < alphas.Length; k++)
        {
            var fit = new LassoRegression(alphas[k], tolerance: 1e-12, maxIterations: 100_000).Fit(x, y);
            // Both within √(2·gap/μ) <= √(2·6e-9/0.00856) ≈ 1.2e-3 of the minimiser (gap <= 1e-12·||y_c||²/n,
            // ||y_c||²/n = var(y) ≈ 5929; μ from LassoRegressionTests), hence within 2.4e-3 of each other.
            Assert.True((fit.Coefficients - path.Coefficients.Row(k)).L2Norm() <= 2.4e-3, $"alpha {alphas[k]}");
        }
    }

    [Fact]
    public void The_number_of_lasso_zeros_grows_along_a_coarse_grid_up_to_all_zero_at_alpha_max()
    {
        var (x, y) = Data.DiabetesStandardized();
        double alphaMax = RegularizationPath.LassoAlphaMax(x, y);
        var path = RegularizationPath.Lasso(x, y, [alphaMax, alphaMax / 3, alphaMax / 10, alphaMax / 100]);
        var zeros = Enumerable.Range(0, 4).Select(k => path.Coefficients.Row(k).Count(v => v == 0)).ToArray();
        Assert.Equal(10, zeros[0]);
        for (int k = 1; k < zeros.Length; k++) Assert.True(zeros[k] < zeros[k - 1], string.Join(",", zeros));
    }

    [Fact]
    public void Log_spaced_alphas_run_from_max_to_min_with_a_constant_ratio()
    {
        var alphas = RegularizationPath.LogSpacedAlphas(100, 0.01, 5);   // ratio 10 by construction
        Expect.RelativelyClose(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([100, 10, 1, 0.1, 0.01]),
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(alphas), 1e-14);
    }

    [Fact]
    public void Bad_grids_are_rejected_naming_the_argument()
    {
        var (x, y) = Data.Synthetic();
        Assert.Equal("alphas", Assert.Throws<ArgumentException>(() => RegularizationPath.Ridge(x, y, [])).ParamName);
        Assert.Equal("alphas[1]", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationPath.Ridge(x, y, [1, -1])).ParamName);
        Assert.Equal("alphas[0]", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationPath.Lasso(x, y, [0.0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => RegularizationPath.Lasso(x, y.SubVector(0, 3), [1.0])).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationPath.LogSpacedAlphas(1, 0.1, 1)).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationPath.LogSpacedAlphas(1, 2, 3)).ParamName);
    }
}
