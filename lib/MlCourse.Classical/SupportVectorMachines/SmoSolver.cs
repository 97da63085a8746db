using System.Runtime.CompilerServices;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>What SMO returns: the dual variables, the offset ρ (b = −ρ) and how the run went.</summary>
public sealed record SmoResult(double[] Alpha, double Rho, int Iterations, bool Converged, double Objective,
    double FinalViolation, int CacheHits, int CacheMisses);

/// <summary>
/// Sequential Minimal Optimisation for the SVM dual (Week 6, "SMO"):
///   minimise ½ αᵀQα − 1ᵀα  subject to yᵀα = 0 and 0 ≤ α_i ≤ C,   Q_ij = y_i y_j k(x_i, x_j).
/// Platt's idea: the equality constraint forbids moving one α alone, but a pair (α_i, α_j) can move
/// along y_i α_i + y_j α_j = const, and that one-dimensional problem has a closed-form solution.
/// The pair is chosen as libsvm does (Fan, Chen and Lin 2005, "WSS 2"): i is the maximal violator of
/// the KKT conditions, j the partner that most decreases the objective by a second-order estimate.
/// The gradient G = Qα − 1 is kept up to date (two kernel rows per step), which is the error cache of
/// Platt's paper in gradient form. Stops when m(α) − M(α) ≤ tolerance (libsvm's eps, default 1e-3).
/// No shrinking: it only saves time, the optimum is the same.
/// </summary>
public static class SmoSolver
{
    // libsvm's TAU: the curvature used when k(x_i,x_i) + k(x_j,x_j) − 2k(x_i,x_j) ≤ 0 (duplicate points or a non-PSD kernel).
    private const double Tau = 1e-12;

    /// <summary>Solves the dual for labels y_i ∈ {−1, +1}. C may be +∞ (hard margin).</summary>
    // Called a handful of times but loops for long: compile it fully optimised at once instead of starting at
    // tier 0 (tiered JIT promotes a method only after ~30 calls, so a fit would otherwise run mostly unoptimised).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SmoResult Solve(double[][] x, double[] y, Kernel kernel, double c, double tolerance, int maxIterations,
        double cacheMegabytes = 200, double divergenceBound = double.PositiveInfinity)
    {
        Validate(x, y, kernel, c, tolerance, maxIterations, cacheMegabytes);
        int n = x.Length;
        var cache = new KernelRowCache(x, y, kernel, cacheMegabytes);
        var qd = cache.Diagonal;
        var alpha = new double[n];
        var g = new double[n];
        Array.Fill(g, -1.0);   // G = Qα − 1 at α = 0
        int iteration = 0;
        bool converged = false;
        double violation = double.PositiveInfinity;
        while (iteration < maxIterations)
        {
            // <snippet name="smo-working-set">
            // I_up = {t : y_t = +1, α_t < C} ∪ {t : y_t = −1, α_t > 0}: the α that may move "up" along y.
            // i = argmax_{t ∈ I_up} −y_t G_t (largest KKT violation).
            int i = -1;
            double gMax = double.NegativeInfinity;
            for (int t = 0; t < n; t++)
            {
                bool up = y[t] > 0 ? alpha[t] < c : alpha[t] > 0;
                if (up && -y[t] * g[t] >= gMax) { gMax = -y[t] * g[t]; i = t; }
            }
            // j ∈ I_low with −y_j G_j < −y_i G_i, minimising −b²/a (the objective decrease of the pair step).
            int j = -1;
            double gMax2 = double.NegativeInfinity, bestDecrease = double.PositiveInfinity;
            double[]? qi = i >= 0 ? cache.Row(i) : null;
            for (int t = 0; t < n; t++)
            {
                bool low = y[t] > 0 ? alpha[t] > 0 : alpha[t] < c;
                if (!low) continue;
                double minusYG = -y[t] * g[t];
                if (-minusYG >= gMax2) gMax2 = -minusYG;
                double b = gMax - minusYG;
                if (b > 0)
                {
                    double a = qd[i] + qd[t] - 2.0 * y[i] * y[t] * qi![t];   // k_ii + k_tt − 2k_it
                    double decrease = -(b * b) / (a > 0 ? a : Tau);
                    if (decrease <= bestDecrease) { bestDecrease = decrease; j = t; }
                }
            }
            violation = gMax + gMax2;   // m(α) − M(α)
            if (violation < tolerance || j == -1) { converged = true; break; }
            // </snippet>
            iteration++;
            var qj = cache.Row(j);
            double oldI = alpha[i], oldJ = alpha[j];
            UpdatePair(i, j, y, qi!, qd, g, alpha, c);
            double di = alpha[i] - oldI, dj = alpha[j] - oldJ;
            for (int t = 0; t < n; t++) g[t] += qi![t] * di + qj[t] * dj;
            if (alpha[i] > divergenceBound || alpha[j] > divergenceBound) break;
        }
        double objective = 0;
        for (int t = 0; t < n; t++) objective += alpha[t] * (g[t] - 1.0) / 2;   // ½αᵀQα − 1ᵀα = Σ α_t (G_t − 1)/2
        return new SmoResult(alpha, Rho(y, g, alpha, c), iteration, converged, objective, violation, cache.Hits, cache.Misses);
    }

    private static void Validate(double[][] x, double[] y, Kernel kernel, double c, double tolerance, int maxIterations, double cacheMegabytes)
    {
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.NotNull(kernel, nameof(kernel));
        Guard.HasAtLeast(x.Length, 1, nameof(x), "row");
        Guard.SameSampleCount(x.Length, y.Length, nameof(x), nameof(y));
        Guard.RowLengths(x, x[0]?.Length ?? 0, nameof(x), "every row as long as row 0");
        for (int i = 0; i < y.Length; i++)
            if (y[i] != 1 && y[i] != -1) throw new ArgumentException($"{nameof(y)} must hold +1 or -1, but {nameof(y)}[{i}] is {y[i]}.", nameof(y));
        if (!(c > 0)) throw new ArgumentOutOfRangeException(nameof(c), c, $"{nameof(c)} must be positive (+∞ for a hard margin), but is {c}.");
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(cacheMegabytes, nameof(cacheMegabytes));
    }

    // <snippet name="smo-pair-update">
    // Minimise the dual along the line y_i α_i + y_j α_j = const, then clip back into the box [0, C]².
    private static void UpdatePair(int i, int j, double[] y, double[] qi, double[] qd, double[] g, double[] alpha, double c)
    {
        if (y[i] != y[j])
        {
            // α_i − α_j stays constant; both move by the same δ.
            double a = qd[i] + qd[j] + 2 * qi[j];
            double delta = (-g[i] - g[j]) / (a > 0 ? a : Tau);
            double diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0) { if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; } }
            else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
            if (diff > 0) { if (alpha[i] > c) { alpha[i] = c; alpha[j] = c - diff; } }
            else if (alpha[j] > c) { alpha[j] = c; alpha[i] = c + diff; }
        }
        else
        {
            // α_i + α_j stays constant; α_i moves by −δ, α_j by +δ.
            double a = qd[i] + qd[j] - 2 * qi[j];
            double delta = (g[i] - g[j]) / (a > 0 ? a : Tau);
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c) { if (alpha[i] > c) { alpha[i] = c; alpha[j] = sum - c; } }
            else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
            if (sum > c) { if (alpha[j] > c) { alpha[j] = c; alpha[i] = sum - c; } }
            else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
        }
    }
    // </snippet>

    // The offset from the KKT conditions: for a free α_t (0 < α_t < C), y_t f(x_t) = 1 exactly, which gives
    // ρ = y_t G_t. Averaging over free vectors damps the tolerance-sized noise; with none free, ρ lies in
    // an interval whose ends come from the bounded ones, and its midpoint is taken (libsvm's rule).
    private static double Rho(double[] y, double[] g, double[] alpha, double c)
    {
        double upper = double.PositiveInfinity, lower = double.NegativeInfinity, sumFree = 0;
        int free = 0;
        for (int t = 0; t < y.Length; t++)
        {
            double yg = y[t] * g[t];
            bool atUpper = alpha[t] >= c, atLower = alpha[t] <= 0;
            if (atUpper) { if (y[t] < 0) upper = Math.Min(upper, yg); else lower = Math.Max(lower, yg); }
            else if (atLower) { if (y[t] > 0) upper = Math.Min(upper, yg); else lower = Math.Max(lower, yg); }
            else { free++; sumFree += yg; }
        }
        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }
}
