using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Calibration;

/// <summary>
/// Platt's sigmoid P(y = 1 | f) = 1/(1 + exp(A f + B)) fitted to decision values f (Week 6, "Platt scaling").
/// A &lt; 0 when larger scores mean label 1. Fitted by Newton's method on the log-loss with Platt's smoothed
/// targets t₊ = (N₊ + 1)/(N₊ + 2), t₋ = 1/(N₋ + 2), the objective scikit-learn's sigmoid calibration minimises.
/// </summary>
/// <param name="A">Slope on the decision value (negative for a useful score).</param>
/// <param name="B">Offset: P(y = 1 | f = 0) = 1/(1 + e^B).</param>
public sealed record PlattSigmoid(double A, double B)
{
    /// <summary>P(y = 1) for each decision value.</summary>
    public Vector<double> Probability(Vector<double> scores)
    {
        Guard.Vector(scores, nameof(scores));
        return scores.Map(f => Sigmoid.Of(-(A * f + B)));
    }

    /// <param name="scores">Decision values on rows the scoring model was not fitted on (held out or out of fold).</param>
    /// <param name="y">Labels 0 and 1, both present.</param>
    public static PlattSigmoid Fit(Vector<double> scores, Vector<double> y)
    {
        Guard.Vector(scores, nameof(scores));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(scores, y, nameof(scores), nameof(y));
        if (y.All(v => v == y[0]))
            throw new ArgumentException($"{nameof(y)} must contain both labels 0 and 1 to fit a sigmoid, but every label is {y[0]}.", nameof(y));
        return Solve(scores.ToArray(), y.ToArray());
    }

    // <snippet name="platt-newton">
    private static PlattSigmoid Solve(double[] f, double[] y)
    {
        double positives = y.Sum(), negatives = y.Length - positives;
        // Platt's targets: a label is trusted as if one more example of each class had been seen, so a perfectly
        // separated calibration set still gives a finite slope.
        double tPositive = (positives + 1) / (positives + 2), tNegative = 1 / (negatives + 2);
        var q = new double[f.Length];   // q_i = 1 − t_i, the target for the logit z = A f + B of P(y = 0)
        for (int i = 0; i < f.Length; i++) q[i] = 1 - (y[i] == 1 ? tPositive : tNegative);

        // Loss(A, B) = Σ softplus(z_i) − q_i z_i with z_i = A f_i + B: convex, so Newton with a backtracking line
        // search (Lin, Lin and Weng 2007) converges from the start A = 0, B = log((N₋ + 1)/(N₊ + 1)).
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        double loss = Loss(f, q, a, b);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double gA = 0, gB = 0, hAA = 1e-12, hAB = 0, hBB = 1e-12;
            for (int i = 0; i < f.Length; i++)
            {
                double s = Sigmoid.Of(a * f[i] + b), r = s - q[i], w = s * (1 - s);
                gA += f[i] * r; gB += r;
                hAA += w * f[i] * f[i]; hAB += w * f[i]; hBB += w;
            }
            if (Math.Abs(gA) < 1e-10 && Math.Abs(gB) < 1e-10) break;
            double det = hAA * hBB - hAB * hAB;
            double dA = -(hBB * gA - hAB * gB) / det, dB = -(hAA * gB - hAB * gA) / det;
            double step = 1, decrease = gA * dA + gB * dB;   // directional derivative, negative for a descent step
            while (step > 1e-10 && Loss(f, q, a + step * dA, b + step * dB) > loss + 1e-4 * step * decrease) step /= 2;
            if (step <= 1e-10) break;
            a += step * dA; b += step * dB;
            loss = Loss(f, q, a, b);
        }
        return new PlattSigmoid(a, b);
    }
    // </snippet>

    private static double Loss(double[] f, double[] q, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < f.Length; i++)
        {
            double z = a * f[i] + b;
            sum += Sigmoid.Softplus(z) - q[i] * z;
        }
        return sum;
    }
}
