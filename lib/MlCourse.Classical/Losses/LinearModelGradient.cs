using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Losses;

/// <summary>The gradient of a loss with respect to a linear model's parameters: ∂L/∂w and ∂L/∂b.</summary>
public readonly record struct LinearGradient(Vector<double> W, double B);

/// <summary>
/// Gradients of a loss through the linear model ŷ = Xw + b (Week 1, "Derive the gradient of MSE").
/// </summary>
public static class LinearModelGradient
{
    /// <summary>
    /// ∂/∂w and ∂/∂b of the mean squared error L(w, b) = (1/n)||Xw + b − y||², derived by hand.
    /// </summary>
    public static LinearGradient MeanSquaredError(Matrix<double> x, Vector<double> y, Vector<double> w, double b)
    {
        Validate(x, y, w, b);
        // <snippet name="mse-gradient">
        // L = (1/n) Σ_i r_i² with r_i = x_iᵀw + b − y_i. Chain rule: ∂L/∂w_j = (1/n) Σ_i 2 r_i · x_ij,
        // i.e. ∂L/∂w = (2/n) Xᵀr; and ∂r_i/∂b = 1, so ∂L/∂b = (2/n) Σ_i r_i.
        int n = x.RowCount;
        var r = x * w + b - y;                                 // residuals ŷ − y: (n)
        var gradW = x.TransposeThisAndMultiply(r) * (2.0 / n); // (p)
        double gradB = 2.0 * r.Sum() / n;
        // </snippet>
        return new LinearGradient(gradW, gradB);
    }

    /// <summary>
    /// The same for any <see cref="ILoss"/>: with g = ∂L/∂ŷ (the loss's own gradient), ∂L/∂w = Xᵀg and
    /// ∂L/∂b = Σ g_i, because ∂ŷ_i/∂w = x_i and ∂ŷ_i/∂b = 1. For MeanSquaredError it equals the
    /// hand-derived version above.
    /// </summary>
    public static LinearGradient Of(ILoss loss, Matrix<double> x, Vector<double> y, Vector<double> w, double b)
    {
        Guard.NotNull(loss, nameof(loss));
        Validate(x, y, w, b);
        var g = loss.Gradient(y, x * w + b);                   // ∂L/∂ŷ: (n)
        return new LinearGradient(x.TransposeThisAndMultiply(g), g.Sum());
    }

    private static void Validate(Matrix<double> x, Vector<double> y, Vector<double> w, double b)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.Vector(w, nameof(w));
        Guard.Length(w.Count, x.ColumnCount, nameof(w), $"one weight per column of {nameof(x)}, which is {Guard.Shape(x)}");
        Guard.Finite(b, nameof(b));
    }
}
