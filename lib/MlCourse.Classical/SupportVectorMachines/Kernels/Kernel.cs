using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines.Kernels;

/// <summary>
/// A kernel k(a, b) = ⟨φ(a), φ(b)⟩: an inner product in a feature space that is never built
/// (Week 6, "The kernel trick"). The four kernels of libsvm, with its parameter names (gamma, coef0,
/// degree), so that a model here and scikit-learn's SVC with the same arguments solve the same problem.
/// </summary>
public abstract class Kernel
{
    public static Kernel Linear() => new LinearKernel();
    public static Kernel Polynomial(int degree = 3, double gamma = 1.0, double coef0 = 0.0) => new PolynomialKernel(degree, gamma, coef0);
    public static Kernel Rbf(double gamma) => new RbfKernel(gamma);
    public static Kernel Sigmoid(double gamma, double coef0 = 0.0) => new SigmoidKernel(gamma, coef0);

    /// <summary>k(a, b) for two rows of equal length (the solver's inner loop: no validation here).</summary>
    public abstract double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

    /// <summary>The Gram matrix K with K_ij = k(x_i, x_j), shape (n, n).</summary>
    public Matrix<double> Gram(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        var rows = Rows(x);
        var k = Matrix<double>.Build.Dense(rows.Length, rows.Length);   // (n, n)
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = Compute(rows[i], rows[j]);
                k[i, j] = v;
                k[j, i] = v;
            }
        return k;
    }

    /// <summary>K_ij = k(a_i, b_j), shape (rows of a, rows of b).</summary>
    public Matrix<double> Cross(Matrix<double> a, Matrix<double> b)
    {
        Guard.Matrix(a, nameof(a));
        Guard.Matrix(b, nameof(b));
        if (a.ColumnCount != b.ColumnCount)
            throw new ArgumentException($"{nameof(a)} and {nameof(b)} must have the same number of features, but {nameof(a)} is {Guard.Shape(a)} and {nameof(b)} is {Guard.Shape(b)}.", nameof(b));
        var ra = Rows(a);
        var rb = Rows(b);
        var k = Matrix<double>.Build.Dense(ra.Length, rb.Length);
        for (int i = 0; i < ra.Length; i++)
            for (int j = 0; j < rb.Length; j++) k[i, j] = Compute(ra[i], rb[j]);
        return k;
    }

    internal static double[][] Rows(Matrix<double> x) => x.ToRowArrays();   // fresh arrays: the caller's matrix is never shared

    // The solver's innermost loop, on the library's one SIMD dot product.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Numerics.SpanMath.Dot(a, b);
}

/// <summary>k(a, b) = aᵀb: φ is the identity, the SVM stays a linear classifier.</summary>
public sealed class LinearKernel : Kernel
{
    public override double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Dot(a, b);
    public override string ToString() => "linear";
}

/// <summary>k(a, b) = (γ aᵀb + coef0)^degree: every monomial of degree at most `degree` (only exactly `degree` when coef0 = 0).</summary>
public sealed class PolynomialKernel(int degree, double gamma, double coef0) : Kernel
{
    public int Degree { get; } = Guard.Positive(degree, nameof(degree));
    public double Gamma { get; } = Guard.Positive(gamma, nameof(gamma));
    public double Coef0 { get; } = Guard.Finite(coef0, nameof(coef0));

    public override double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double baseValue = Gamma * Dot(a, b) + Coef0, result = 1.0;
        for (int p = 0; p < Degree; p++) result *= baseValue;
        return result;
    }

    public override string ToString() => $"poly(degree={Degree}, gamma={Gamma}, coef0={Coef0})";
}

/// <summary>k(a, b) = exp(−γ‖a − b‖²): an infinite-dimensional φ; γ is the inverse squared length scale.</summary>
public sealed class RbfKernel(double gamma) : Kernel
{
    public double Gamma { get; } = Guard.Positive(gamma, nameof(gamma));

    // <snippet name="rbf-kernel">
    public override double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double squaredDistance = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            squaredDistance += d * d;
        }
        return Math.Exp(-Gamma * squaredDistance);
    }
    // </snippet>

    public override string ToString() => $"rbf(gamma={Gamma})";
}

/// <summary>
/// k(a, b) = tanh(γ aᵀb + coef0): the neural-network-inspired kernel. It is not positive semi-definite
/// for every γ and coef0 (it fails Mercer's condition), so the dual may be non-convex; libsvm still runs.
/// </summary>
public sealed class SigmoidKernel(double gamma, double coef0) : Kernel
{
    public double Gamma { get; } = Guard.Positive(gamma, nameof(gamma));
    public double Coef0 { get; } = Guard.Finite(coef0, nameof(coef0));

    public override double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Tanh(Gamma * Dot(a, b) + Coef0);
    public override string ToString() => $"sigmoid(gamma={Gamma}, coef0={Coef0})";
}
