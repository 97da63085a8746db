using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>
/// The hinge loss max(0, 1 − y f) with y ∈ {−1, +1} (Week 6, "Hinge loss"). At the soft-margin optimum
/// the slack is ξ_i = max(0, 1 − y_i f(x_i)), so the constrained primal is the unconstrained
/// P(w, b) = ½‖w‖² + C Σ_i max(0, 1 − y_i(wᵀx_i + b)): L2-regularised hinge-loss minimisation.
/// Labels here are 0/1 as everywhere in the library (0 plays −1).
/// </summary>
public static class HingeLoss
{
    public static double Of(double signedLabel, double score) => Math.Max(0.0, 1.0 - signedLabel * score);

    /// <summary>P(w, b) = ½‖w‖² + C Σ_i max(0, 1 − y_i(wᵀx_i + b)).</summary>
    public static double PrimalObjective(Matrix<double> x, Vector<double> y, Vector<double> w, double b, double c)
    {
        Validate(x, y, w, c);
        var scores = x * w + b;
        double sum = 0;
        for (int i = 0; i < y.Count; i++) sum += Of(y[i] == 1 ? 1.0 : -1.0, scores[i]);
        return 0.5 * w.DotProduct(w) + c * sum;
    }

    /// <summary>
    /// One subgradient of P at (w, b): w − C Σ_{i: y_i f_i &lt; 1} y_i x_i and −C Σ_{i: y_i f_i &lt; 1} y_i.
    /// At a kink (y_i f_i = 1 exactly) any value between the two one-sided slopes is valid; this takes 0.
    /// </summary>
    public static (Vector<double> GradW, double GradB) Subgradient(Matrix<double> x, Vector<double> y, Vector<double> w, double b, double c)
    {
        Validate(x, y, w, c);
        var scores = x * w + b;
        var gradW = w.Clone();
        double gradB = 0;
        for (int i = 0; i < y.Count; i++)
        {
            double s = y[i] == 1 ? 1.0 : -1.0;
            if (s * scores[i] < 1)
            {
                for (int j = 0; j < w.Count; j++) gradW[j] -= c * s * x[i, j];
                gradB -= c * s;
            }
        }
        return (gradW, gradB);
    }

    private static void Validate(Matrix<double> x, Vector<double> y, Vector<double> w, double c)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.Vector(w, nameof(w));
        Guard.Length(w.Count, x.ColumnCount, nameof(w), $"one weight per feature of {nameof(x)}");
        Guard.Positive(c, nameof(c));
    }
}
