using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// Coefficients for each alpha of a grid, ready to chart: row k of <see cref="Coefficients"/> is the
/// weight vector at <c>Alphas[k]</c>, column j is feature j's path.
/// </summary>
/// <param name="Alphas">The penalty strengths, in the order the caller gave them.</param>
/// <param name="Coefficients">(alphas, features): the learned w for each alpha.</param>
/// <param name="Intercepts">The learned b for each alpha.</param>
/// <param name="Converged">For the lasso, whether each fit reached its tolerance; all true for ridge (closed form).</param>
public sealed record CoefficientPath(
    IReadOnlyList<double> Alphas,
    Matrix<double> Coefficients,
    IReadOnlyList<double> Intercepts,
    IReadOnlyList<bool> Converged);

/// <summary>
/// Regularisation paths for ridge and lasso (Week 1, "Regularisation paths: L2 shrinks, L1 selects").
/// Same objectives as <see cref="RidgeRegression"/> and <see cref="LassoRegression"/>, fitted for a
/// whole grid of alphas at the cost of little more than one fit.
/// </summary>
public static class RegularizationPath
{
    /// <summary>
    /// The smallest lasso alpha whose solution is all zeros: max_j |x_jᵀ(y − ȳ)|/n on the centred data.
    /// At w = 0 the subgradient condition |x_jᵀr|/n <= alpha holds for every j exactly when alpha is at
    /// least this, so it is the natural top of a lasso grid.
    /// </summary>
    public static double LassoAlphaMax(Matrix<double> x, Vector<double> y, bool fitIntercept = true)
    {
        Validate(x, y);
        var data = Centered.From(x, y, fitIntercept);
        return data.X.TransposeThisAndMultiply(data.Y).AbsoluteMaximum() / x.RowCount;
    }

    /// <summary>count alphas spaced evenly in log scale from <paramref name="max"/> down to <paramref name="min"/> (largest first).</summary>
    public static double[] LogSpacedAlphas(double max, double min, int count)
    {
        Guard.Positive(max, nameof(max));
        Guard.Positive(min, nameof(min));
        Guard.InRange(min, 0, max, nameof(min));
        Guard.InRange(count, 2, int.MaxValue, nameof(count));
        double logMax = Math.Log(max), logMin = Math.Log(min);
        return Enumerable.Range(0, count).Select(k => Math.Exp(logMax + (logMin - logMax) * k / (count - 1))).ToArray();
    }

    /// <summary>
    /// Ridge coefficients for every alpha from one thin SVD of the centred design, X = U S Vᵀ:
    /// (XᵀX + αI)⁻¹Xᵀy = V diag(s_i / (s_i² + α)) Uᵀy. Compared with least squares (factor 1/s_i),
    /// each principal direction is shrunk by s_i²/(s_i² + α): strongly where the data carry little
    /// signal (small s_i), hardly at all where they carry a lot. Weights shrink smoothly; none hits 0.
    /// </summary>
    public static CoefficientPath Ridge(Matrix<double> x, Vector<double> y, IEnumerable<double> alphas, bool fitIntercept = true)
    {
        Validate(x, y);
        var grid = ValidateAlphas(alphas, allowZero: true);
        var data = Centered.From(x, y, fitIntercept);
        var svd = ThinSvd.Of(data.X);
        var uty = svd.U.TransposeThisAndMultiply(data.Y);                  // (k)
        var coefficients = Matrix<double>.Build.Dense(grid.Length, x.ColumnCount);
        var intercepts = new double[grid.Length];
        double tolerance = svd.Tolerance(data.X.RowCount, data.X.ColumnCount);
        for (int k = 0; k < grid.Length; k++)
        {
            var w = Vector<double>.Build.Dense(x.ColumnCount);
            for (int i = 0; i < svd.S.Count; i++)
            {
                double s = svd.S[i];
                // alpha = 0 is least squares: drop zero singular values (minimum norm) instead of dividing by 0.
                if (grid[k] == 0 && s <= tolerance) continue;
                w += svd.V.Column(i) * (s / (s * s + grid[k]) * uty[i]);
            }
            coefficients.SetRow(k, w);
            intercepts[k] = data.Intercept(w);
        }
        return new CoefficientPath(grid, coefficients, intercepts, Enumerable.Repeat(true, grid.Length).ToArray());
    }

    /// <summary>
    /// Lasso coefficients for every alpha. The fits run from the largest alpha to the smallest, each
    /// starting from the previous solution (warm start): neighbouring solutions are close, so each
    /// needs few sweeps, and at large alpha most weights stay at 0 from the start.
    /// </summary>
    public static CoefficientPath Lasso(Matrix<double> x, Vector<double> y, IEnumerable<double> alphas, bool fitIntercept = true,
        int maxIterations = 1000, double tolerance = 1e-4)
    {
        Validate(x, y);
        var grid = ValidateAlphas(alphas, allowZero: false);
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        var data = Centered.From(x, y, fitIntercept);
        var coefficients = Matrix<double>.Build.Dense(grid.Length, x.ColumnCount);
        var intercepts = new double[grid.Length];
        var converged = new bool[grid.Length];
        var w = Vector<double>.Build.Dense(x.ColumnCount);
        foreach (int k in Enumerable.Range(0, grid.Length).OrderByDescending(k => grid[k]))
        {
            var solution = LassoRegression.CoordinateDescent(data.X, data.Y, grid[k], w, maxIterations, tolerance);
            w = solution.W;
            coefficients.SetRow(k, w);
            intercepts[k] = data.Intercept(w);
            converged[k] = solution.Converged;
        }
        return new CoefficientPath(grid, coefficients, intercepts, converged);
    }

    private static void Validate(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
    }

    private static double[] ValidateAlphas(IEnumerable<double> alphas, bool allowZero)
    {
        Guard.NotNull(alphas, nameof(alphas));
        var grid = alphas.ToArray();
        Guard.NotEmpty(grid, nameof(alphas), "value");
        for (int k = 0; k < grid.Length; k++)
        {
            if (allowZero) Guard.NonNegative(grid[k], $"{nameof(alphas)}[{k}]");
            else Guard.Positive(grid[k], $"{nameof(alphas)}[{k}]");
        }
        return grid;
    }
}
