using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization;

/// <summary>
/// Limited-memory BFGS (L-BFGS) with a backtracking Armijo line search, for smooth convex objectives with too many
/// parameters or too many samples for Newton's Hessian (Week 2, "Newton's method and the Hessian"; issue 12's
/// scaling rows). It returns the same <see cref="NewtonResult"/> as <see cref="NewtonOptimizer"/>.
/// </summary>
/// <remarks>
/// BFGS keeps an approximation of H⁻¹ that each step s = θ_{t+1} − θ_t, y = g_{t+1} − g_t corrects so that it maps
/// y to s (the secant condition). L-BFGS stores only the last m pairs and applies the approximation to g by the
/// two-loop recursion (Nocedal and Wright, Algorithm 7.4), starting from H₀ = (sᵀy / yᵀy)·I: O(m·q) work per step
/// for q parameters, against Newton's O(n·q²) Hessian and O(q³) solve. A pair is stored only when sᵀy > 0 (always
/// true for a strictly convex f, but rounding can break it near the minimiser), which keeps the approximation
/// positive definite, so the direction always goes downhill. Convergence is superlinear, not quadratic: more steps
/// than Newton, each far cheaper once q reaches about a hundred. scikit-learn's default lbfgs solver is the same
/// method (scipy's L-BFGS-B with m = 10 and a Wolfe line search).
/// </remarks>
public static class LbfgsOptimizer
{
    private const double ArmijoC = 1e-4;
    private const int MaxHalvings = 60;

    /// <param name="memory">m, the number of (s, y) pairs kept.</param>
    public static NewtonResult Minimize(
        Func<Vector<double>, double> loss,
        Func<Vector<double>, Vector<double>> gradient,
        Vector<double> start,
        int maxIterations = 1000,
        double tolerance = 1e-8,
        int memory = 10)
    {
        Guard.NotNull(loss, nameof(loss));
        Guard.NotNull(gradient, nameof(gradient));
        Guard.Vector(start, nameof(start));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.InRange(memory, 1, 1000, nameof(memory));

        var theta = start.Clone();
        double f = loss(theta);
        var g = gradient(theta);
        var losses = new List<double> { f };
        var gradientNorms = new List<double> { g.InfinityNorm() };
        var pairs = new LinkedList<(Vector<double> S, Vector<double> Y, double Rho)>();   // newest last
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            if (gradientNorms[^1] <= tolerance)
                return new NewtonResult(theta, iteration - 1, true, losses, gradientNorms);

            // <snippet name="lbfgs-two-loop">
            var d = -TwoLoop(g, pairs);                              // d = −H̃⁻¹g
            double slope = g.DotProduct(d);
            if (!(slope < 0)) { pairs.Clear(); d = -g; slope = -g.DotProduct(g); }   // safeguard: restart on steepest descent
            // The first step has no curvature information: scale it to length 1, as scipy does.
            double t = pairs.Count == 0 && iteration == 1 ? Math.Min(1.0, 1.0 / d.L2Norm()) : 1.0;
            var next = theta + t * d;
            double fNext = loss(next);
            // Below the resolution of f, backtracking would chase rounding noise (see NewtonOptimizer): take the step.
            bool belowResolution = -t * slope <= 1e-12 * Math.Max(1.0, Math.Abs(f));
            for (int halving = 0; halving < MaxHalvings && !belowResolution && !(fNext <= f + ArmijoC * t * slope); halving++)
            {
                t /= 2;
                next = theta + t * d;
                fNext = loss(next);
            }
            var gNext = gradient(next);
            var s = next - theta;
            var y = gNext - g;
            double sy = s.DotProduct(y);
            if (sy > 1e-12 * s.L2Norm() * y.L2Norm())                 // curvature condition: keeps H̃ positive definite
            {
                pairs.AddLast((s, y, 1.0 / sy));
                if (pairs.Count > memory) pairs.RemoveFirst();
            }
            // </snippet>
            theta = next;
            f = fNext;
            g = gNext;
            losses.Add(f);
            gradientNorms.Add(g.InfinityNorm());
        }
        return new NewtonResult(theta, maxIterations, gradientNorms[^1] <= tolerance, losses, gradientNorms);
    }

    // H̃⁻¹g without forming H̃⁻¹: the first loop peels off the newest pairs' corrections, H₀ scales, the second adds them back.
    private static Vector<double> TwoLoop(Vector<double> g, LinkedList<(Vector<double> S, Vector<double> Y, double Rho)> pairs)
    {
        var q = g.Clone();
        var alphas = new double[pairs.Count];
        int i = pairs.Count;
        for (var node = pairs.Last; node is not null; node = node.Previous)
        {
            var (s, y, rho) = node.Value;
            alphas[--i] = rho * s.DotProduct(q);
            q.Subtract(alphas[i] * y, q);
        }
        if (pairs.Last is { } newest) q.Multiply(1.0 / (newest.Value.Rho * newest.Value.Y.DotProduct(newest.Value.Y)), q);   // γ = sᵀy / yᵀy
        i = 0;
        for (var node = pairs.First; node is not null; node = node.Next, i++)
        {
            var (s, y, rho) = node.Value;
            double beta = rho * y.DotProduct(q);
            q.Add((alphas[i] - beta) * s, q);
        }
        return q;
    }
}
