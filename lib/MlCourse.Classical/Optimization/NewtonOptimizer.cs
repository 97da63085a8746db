using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization;

/// <summary>What a Newton run produced: the last iterate, and the loss and gradient norm at every iterate.</summary>
/// <param name="Minimizer">The last iterate θ.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="Converged">Whether ||∇f(θ)||∞ reached the tolerance within the step budget.</param>
/// <param name="LossHistory">f(θ_0), f(θ_1), ...: Iterations + 1 values.</param>
/// <param name="GradientNormHistory">||∇f(θ_t)||∞ at the same iterates.</param>
public sealed record NewtonResult(Vector<double> Minimizer, int Iterations, bool Converged,
    IReadOnlyList<double> LossHistory, IReadOnlyList<double> GradientNormHistory);

/// <summary>
/// Newton's method with a backtracking line search, for smooth, strictly convex objectives
/// (Week 2, "Newton's method and the Hessian").
/// </summary>
/// <remarks>
/// Around θ, f(θ + d) ≈ f(θ) + gᵀd + ½dᵀHd (second-order Taylor). Minimising the model over d gives
/// Hd = −g, the Newton step. Where the model is accurate (near the minimiser) the error squares every
/// step (quadratic convergence): a handful of steps reach machine precision, against thousands of
/// gradient steps on an ill-conditioned problem, because H rescales every direction by its curvature.
/// Far from the minimiser the full step can overshoot, so we halve it until the Armijo condition
/// f(θ + t·d) ≤ f(θ) + c·t·gᵀd holds (c = 1e-4); near the minimiser t = 1 is accepted.
/// Cost per step: forming H (p² per sample) and a Cholesky solve (p³/3), which is why Newton suits
/// problems with up to a few thousand parameters.
/// </remarks>
public static class NewtonOptimizer
{
    private const double ArmijoC = 1e-4;
    private const int MaxHalvings = 60;

    public static NewtonResult Minimize(
        Func<Vector<double>, double> loss,
        Func<Vector<double>, Vector<double>> gradient,
        Func<Vector<double>, Matrix<double>> hessian,
        Vector<double> start,
        int maxIterations = 50,
        double tolerance = 1e-8)
    {
        Guard.NotNull(loss, nameof(loss));
        Guard.NotNull(gradient, nameof(gradient));
        Guard.NotNull(hessian, nameof(hessian));
        Guard.Vector(start, nameof(start));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));

        var theta = start.Clone();
        double f = loss(theta);
        var g = gradient(theta);
        var losses = new List<double> { f };
        var gradientNorms = new List<double> { g.InfinityNorm() };
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            if (gradientNorms[^1] <= tolerance)
                return new NewtonResult(theta, iteration - 1, true, losses, gradientNorms);

            // <snippet name="newton-step">
            var h = hessian(theta);                                  // (p, p), symmetric positive definite
            var d = -SolvePositiveDefinite(h, g);                    // Newton direction: H d = −g
            double slope = g.DotProduct(d);                          // = −gᵀH⁻¹g < 0: d goes downhill
            double t = 1.0;
            var next = theta + d;
            double fNext = loss(next);
            // −slope = gᵀH⁻¹g (the squared Newton decrement) is twice the decrease the quadratic model predicts. Once it
            // is below the resolution of f itself, rounding decides whether f(θ + d) ≤ f(θ), and backtracking on noise
            // would shrink the step to nothing; there the model is exact to rounding, so we take the full step.
            bool belowResolution = -slope <= 1e-12 * Math.Max(1.0, Math.Abs(f));
            for (int halving = 0; halving < MaxHalvings && !belowResolution && !(fNext <= f + ArmijoC * t * slope); halving++)
            {
                t /= 2;
                next = theta + t * d;
                fNext = loss(next);
            }
            // </snippet>
            theta = next;
            f = fNext;
            g = gradient(theta);
            losses.Add(f);
            gradientNorms.Add(g.InfinityNorm());
        }
        return new NewtonResult(theta, maxIterations, gradientNorms[^1] <= tolerance, losses, gradientNorms);
    }

    private static Vector<double> SolvePositiveDefinite(Matrix<double> h, Vector<double> g)
    {
        Guard.HasShape(h, g.Count, g.Count, "hessian", "to match the gradient");
        try
        {
            var d = h.Cholesky().Solve(g);
            if (d.All(double.IsFinite)) return d;
        }
        catch (ArgumentException) { }   // MathNet's Cholesky rejects a matrix that is not positive definite
        throw new InvalidOperationException(
            "Newton's method needs a positive definite Hessian, but the Cholesky factorisation failed. The objective is not strictly convex here: " +
            "for logistic regression add an L2 penalty (alpha > 0), or the data may be separable or have collinear features.");
    }
}
