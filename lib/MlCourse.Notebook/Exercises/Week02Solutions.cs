using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 2 exercises (week02-linear-models.ipynb, section 9). Try the exercise first.
/// The tests prove that <see cref="Week02"/> accepts each of these.
/// </summary>
public static class Week02Solutions
{
    /// <summary>
    /// Exercise 1. log σ(z) = −log(1 + e^−z). For z ≥ 0, e^−z ≤ 1: compute it directly. For z &lt; 0, factor e^−z out:
    /// log(1 + e^−z) = −z + log(1 + e^z), so log σ(z) = z − log(1 + e^z), with e^z ≤ 1. Only non-positive exponents.
    /// </summary>
    public static double LogSigmoid(double z) =>
        z >= 0 ? -Math.Log(1 + Math.Exp(-z)) : z - Math.Log(1 + Math.Exp(z));

    /// <summary>Exercise 2. ∂ℓ/∂z = σ(z) − y, then the chain rule through z = Xw + b: Xᵀ(σ − y)/n and Σ(σ − y)/n.</summary>
    public static LinearGradient CrossEntropyGradient(Matrix<double> x, Vector<double> y, Vector<double> w, double b)
    {
        int n = x.RowCount;
        var residual = (x * w + b).Map(z => 1 / (1 + Math.Exp(-z))) - y;   // σ(z) − y: (n)
        return new LinearGradient(x.TransposeThisAndMultiply(residual) / n, residual.Sum() / n);
    }

    /// <summary>Exercise 3. Factor out e^m with m = max z: log Σ e^z = m + log Σ e^(z − m), every exponent ≤ 0.</summary>
    public static double LogSumExp(Vector<double> z)
    {
        double m = z.Maximum();
        return m + Math.Log(z.Sum(v => Math.Exp(v - m)));
    }

    /// <summary>
    /// Exercise 4. g = X̃ᵀ(σ − y)/n, H = X̃ᵀSX̃/n with S = diag(σ(1 − σ)); solve H d = g (Cholesky: H is symmetric
    /// positive definite when X̃ has full column rank) and return θ − d.
    /// </summary>
    public static Vector<double> NewtonStep(Matrix<double> x, Vector<double> y, Vector<double> theta)
    {
        int n = x.RowCount;
        var p = (x * theta).Map(z => 1 / (1 + Math.Exp(-z)));             // (n)
        var g = x.TransposeThisAndMultiply(p - y) / n;                      // (d)
        var weighted = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x[i, j] * p[i] * (1 - p[i]));
        var h = x.TransposeThisAndMultiply(weighted) / n;                   // (d, d)
        return theta - h.Cholesky().Solve(g);
    }
}
