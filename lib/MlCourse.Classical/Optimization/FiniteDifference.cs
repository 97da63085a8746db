using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization;

/// <summary>
/// Numerical gradients by central differences, the standard check of a hand-derived gradient
/// (Week 1, "Checking a gradient with finite differences").
/// </summary>
/// <remarks>
/// Taylor: f(x ± h e_i) = f(x) ± h ∂_i f + (h²/2) ∂_ii f ± (h³/6) ∂_iii f + O(h⁴). Subtracting, the even
/// terms cancel: [f(x + h e_i) − f(x − h e_i)] / (2h) = ∂_i f + (h²/6) ∂_iii f + O(h⁴), so the
/// truncation error is O(h²) (a one-sided difference is only O(h)). Rounding adds about ε·|f|/h
/// (ε ≈ 2.2e-16), which grows as h shrinks; the total is smallest near h ≈ ε^(1/3) ≈ 6e-6 for
/// well-scaled f, hence the default 1e-5, where both errors are around 1e-10 relative.
/// </remarks>
public static class FiniteDifference
{
    public const double DefaultStep = 1e-5;

    /// <summary>The central-difference gradient of <paramref name="f"/> at <paramref name="at"/> (2p evaluations). <paramref name="at"/> is not modified.</summary>
    public static Vector<double> Gradient(Func<Vector<double>, double> f, Vector<double> at, double h = DefaultStep)
    {
        Guard.NotNull(f, nameof(f));
        Guard.Vector(at, nameof(at));
        Guard.Positive(h, nameof(h));
        var point = at.Clone();
        var gradient = Vector<double>.Build.Dense(at.Count);
        for (int i = 0; i < at.Count; i++)
        {
            double original = point[i];
            point[i] = original + h;
            double forward = f(point);
            point[i] = original - h;
            double backward = f(point);
            point[i] = original;
            gradient[i] = (forward - backward) / (2 * h);
        }
        return gradient;
    }

    /// <summary>The central-difference derivative of a function of one variable.</summary>
    public static double Derivative(Func<double, double> f, double at, double h = DefaultStep)
    {
        Guard.NotNull(f, nameof(f));
        Guard.Finite(at, nameof(at));
        Guard.Positive(h, nameof(h));
        return (f(at + h) - f(at - h)) / (2 * h);
    }

    /// <summary>
    /// ||a − b|| / max(||a|| + ||b||, tiny): the usual scale-free score of a gradient check
    /// (below ~1e-7 the gradients agree; near 1 they disagree entirely).
    /// </summary>
    public static double RelativeError(Vector<double> a, Vector<double> b)
    {
        Guard.Vector(a, nameof(a));
        Guard.Vector(b, nameof(b));
        Guard.SameLength(a, b, nameof(a), nameof(b));
        double scale = a.L2Norm() + b.L2Norm();
        return scale == 0 ? 0.0 : (a - b).L2Norm() / scale;
    }
}
