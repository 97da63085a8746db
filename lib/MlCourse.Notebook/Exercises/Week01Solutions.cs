using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Core.Schedules;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 1 exercises (week01-ml-fundamentals.ipynb, section 9). Try the
/// exercise first: the checker tells you what is wrong and with which inputs. The tests prove
/// that <see cref="Week01"/> accepts each of these.
/// </summary>
public static class Week01Solutions
{
    /// <summary>Exercise 1. r = Xw + b − y; chain rule through the square: ∂L/∂w = (2/n)Xᵀr, ∂L/∂b = (2/n)Σr.</summary>
    public static LinearGradient MseGradient(Matrix<double> x, Vector<double> y, Vector<double> w, double b)
    {
        int n = x.RowCount;
        var r = x * w + b - y;                                // residuals: (n)
        // Xᵀr, not Xr: each weight collects its own column's correlation with the residual, (p, n)·(n) = (p).
        return new LinearGradient(x.TransposeThisAndMultiply(r) * (2.0 / n), 2.0 * r.Sum() / n);
    }

    /// <summary>Exercise 2. The minimiser of ½(w − z)² + γ|w|: zero inside [−γ, γ], else z moved towards 0 by γ.</summary>
    public static double SoftThreshold(double z, double gamma) =>
        Math.Sign(z) * Math.Max(Math.Abs(z) - gamma, 0.0);

    /// <summary>Exercise 3. Integer division is the floor for non-negative epochs: the rate is constant within a step.</summary>
    public static double StepDecay(double initial, double factor, int everyEpochs, int epoch) =>
        initial * Math.Pow(factor, epoch / everyEpochs);

    /// <summary>
    /// Exercise 4. Solve XᵀX w = Xᵀy without forming an inverse: XᵀX is symmetric positive definite
    /// when X has full column rank, so Cholesky applies (half the work of LU, and stable here).
    /// </summary>
    public static Vector<double> NormalEquation(Matrix<double> x, Vector<double> y) =>
        x.TransposeThisAndMultiply(x).Cholesky().Solve(x.TransposeThisAndMultiply(y));
}
