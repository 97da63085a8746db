using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization.TestFunctions;

/// <summary>
/// A differentiable function of a parameter vector with its exact gradient: the surfaces on which Week 3
/// ("Trajectories on convex and non-convex surfaces") races the optimisers.
/// </summary>
public interface ITestFunction
{
    string Name { get; }
    /// <summary>The number of parameters the function takes.</summary>
    int Dimension { get; }
    double Value(Vector<double> theta);
    Vector<double> Gradient(Vector<double> theta);
    /// <summary>The lowest value, when it exists (null for a surface unbounded below, such as a saddle).</summary>
    double? MinimumValue { get; }
}

/// <summary>
/// f(θ) = ½ θᵀAθ − bᵀθ with A symmetric: ∇f = Aθ − b and Hessian A. With A positive definite the minimiser
/// solves Aθ = b and gradient descent converges for every η &lt; 2/λ_max(A), at a rate set by the condition
/// number κ = λ_max/λ_min. Least squares (1/2n)||Xw − y||² is this with A = XᵀX/n, b = Xᵀy/n (plus a constant).
/// </summary>
public sealed class Quadratic : ITestFunction
{
    private readonly Matrix<double> _a;
    private readonly Vector<double> _b;
    private readonly double _constant;

    /// <param name="a">A: symmetric p × p.</param>
    /// <param name="b">b: length p; null means 0.</param>
    /// <param name="constant">Added to f (so a least-squares objective can keep its ½||y||²/n).</param>
    /// <param name="name">Label for charts and tables.</param>
    public Quadratic(Matrix<double> a, Vector<double>? b = null, double constant = 0.0, string name = "quadratic")
    {
        Guard.Matrix(a, nameof(a));
        Guard.HasShape(a, a.RowCount, a.RowCount, nameof(a), "square");
        if (!a.IsSymmetric()) throw new ArgumentException($"{nameof(a)} must be symmetric (the Hessian of a quadratic is).", nameof(a));
        b ??= Vector<double>.Build.Dense(a.RowCount);
        Guard.Vector(b, nameof(b));
        Guard.Length(b.Count, a.RowCount, nameof(b), $"to match {nameof(a)}, which is {Guard.Shape(a)}");
        Guard.Finite(constant, nameof(constant));
        _a = a.Clone();
        _b = b.Clone();
        _constant = constant;
        Name = name;
        var eigen = _a.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => z.Real).ToArray();
        Eigenvalues = eigen.Order().ToArray();
        if (Eigenvalues[0] > 0)
        {
            Minimizer = _a.Cholesky().Solve(_b);
            MinimumValue = Value(Minimizer);
        }
    }

    /// <summary>The ill-conditioned bowl ½(x² + κ y²): curvature 1 along x and κ along y.</summary>
    public static Quadratic Bowl(double conditionNumber)
    {
        Guard.Positive(conditionNumber, nameof(conditionNumber));
        return new Quadratic(Matrix<double>.Build.DenseOfDiagonalArray([1.0, conditionNumber]), name: $"bowl κ={conditionNumber}");
    }

    /// <summary>Least squares L(w) = (1/2n)||Xw − y||² as a quadratic (no intercept: centre or add a ones column).</summary>
    public static Quadratic LeastSquares(Matrix<double> x, Vector<double> y, string name = "least squares")
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        int n = x.RowCount;
        var a = x.TransposeThisAndMultiply(x) / n;
        a = (a + a.Transpose()) / 2;                     // symmetric to the last bit
        return new Quadratic(a, x.TransposeThisAndMultiply(y) / n, y.DotProduct(y) / (2.0 * n), name);
    }

    public string Name { get; }
    public int Dimension => _a.RowCount;
    public double? MinimumValue { get; }
    /// <summary>A⁻¹b when A is positive definite, else null.</summary>
    public Vector<double>? Minimizer { get; }
    /// <summary>The eigenvalues of the Hessian A, ascending.</summary>
    public IReadOnlyList<double> Eigenvalues { get; }
    /// <summary>κ = λ_max / λ_min (infinite unless A is positive definite).</summary>
    public double ConditionNumber => Eigenvalues[0] > 0 ? Eigenvalues[^1] / Eigenvalues[0] : double.PositiveInfinity;
    public Matrix<double> Hessian => _a.Clone();

    public double Value(Vector<double> theta)
    {
        Check(theta);
        return 0.5 * theta.DotProduct(_a * theta) - _b.DotProduct(theta) + _constant;
    }

    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        return _a * theta - _b;
    }

    private void Check(Vector<double> theta)
    {
        Guard.Vector(theta, nameof(theta));
        Guard.Length(theta.Count, Dimension, nameof(theta), $"{Name} takes {Dimension} parameters");
    }
}

/// <summary>
/// Rosenbrock's banana f(x, y) = (a − x)² + b(y − x²)², minimum 0 at (a, a²). Non-convex: the minimum lies in a
/// long curved valley whose floor is nearly flat while its walls are steep (curvature ratio about 2500 at (1, 1)
/// for b = 100), so plain gradient descent zig-zags across it and crawls along it.
/// </summary>
public sealed class Rosenbrock(double a = 1.0, double b = 100.0) : ITestFunction
{
    public double A { get; } = a;
    public double B { get; } = b;
    public string Name => "Rosenbrock";
    public int Dimension => 2;
    public double? MinimumValue => 0.0;

    public double Value(Vector<double> theta)
    {
        TwoD.Check(theta, Name);
        double x = theta[0], y = theta[1];
        return (A - x) * (A - x) + B * (y - x * x) * (y - x * x);
    }

    public Vector<double> Gradient(Vector<double> theta)
    {
        TwoD.Check(theta, Name);
        double x = theta[0], y = theta[1], r = y - x * x;
        // ∂/∂x: −2(a − x) + 2b·r·(−2x);  ∂/∂y: 2b·r.
        return Vector<double>.Build.DenseOfArray([-2 * (A - x) - 4 * B * x * r, 2 * B * r]);
    }
}

/// <summary>
/// The saddle f(x, y) = x² − y²: gradient zero at the origin, curvature +2 along x and −2 along y. Unbounded below,
/// so an optimiser should leave the origin along y; one started exactly on the x axis never feels the y direction.
/// </summary>
public sealed class Saddle : ITestFunction
{
    public string Name => "saddle x² − y²";
    public int Dimension => 2;
    public double? MinimumValue => null;
    public double Value(Vector<double> theta) { TwoD.Check(theta, Name); return theta[0] * theta[0] - theta[1] * theta[1]; }
    public Vector<double> Gradient(Vector<double> theta) { TwoD.Check(theta, Name); return Vector<double>.Build.DenseOfArray([2 * theta[0], -2 * theta[1]]); }
}

/// <summary>
/// The monkey saddle f(x, y) = x³ − 3xy²: gradient and Hessian both zero at the origin (a degenerate critical
/// point, three downhill valleys), so even second-order information cannot tell which way is down there.
/// </summary>
public sealed class MonkeySaddle : ITestFunction
{
    public string Name => "monkey saddle x³ − 3xy²";
    public int Dimension => 2;
    public double? MinimumValue => null;
    public double Value(Vector<double> theta) { TwoD.Check(theta, Name); double x = theta[0], y = theta[1]; return x * x * x - 3 * x * y * y; }
    public Vector<double> Gradient(Vector<double> theta)
    {
        TwoD.Check(theta, Name);
        double x = theta[0], y = theta[1];
        return Vector<double>.Build.DenseOfArray([3 * x * x - 3 * y * y, -6 * x * y]);
    }
}

internal static class TwoD
{
    public static void Check(Vector<double> theta, string name)
    {
        Guard.Vector(theta, nameof(theta));
        Guard.Length(theta.Count, 2, nameof(theta), $"{name} takes 2 parameters (x, y)");
    }
}
