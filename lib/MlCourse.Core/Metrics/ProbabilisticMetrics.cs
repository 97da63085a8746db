using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>
/// Scores for predicted probabilities rather than labels (Week 4, "Scoring probabilities"): they
/// reward calibration, not only ranking. y holds labels 0 and 1, p the predicted P(y = 1).
/// </summary>
public static class ProbabilisticMetrics
{
    /// <summary>
    /// Binary cross-entropy −(1/n) Σ [y log p + (1 − y) log(1 − p)]. Probabilities are clipped to
    /// [ε, 1 − ε] with ε the double machine epsilon (scikit-learn's eps="auto"), so a confident
    /// wrong answer costs about 36 nats instead of infinity.
    /// </summary>
    public static double LogLoss(Vector<double> y, Vector<double> p)
    {
        Validate(y, p);
        const double eps = 2.220446049250313e-16;
        double sum = 0;
        for (int i = 0; i < y.Count; i++)
        {
            double q = Math.Clamp(p[i], eps, 1 - eps);
            sum -= y[i] == 1.0 ? Math.Log(q) : Math.Log(1 - q);
        }
        return sum / y.Count;
    }

    /// <summary>
    /// Brier score (1/n) Σ (p − y)²: the mean squared error of the probabilities. Bounded in [0, 1],
    /// so unlike log-loss one confident mistake cannot dominate it.
    /// </summary>
    public static double BrierScore(Vector<double> y, Vector<double> p)
    {
        Validate(y, p);
        var r = p - y;
        return r.DotProduct(r) / y.Count;
    }

    internal static void Validate(Vector<double> y, Vector<double> p)
    {
        Guard.Vector(y, nameof(y));
        Guard.Vector(p, nameof(p));
        Guard.SameLength(y, p, nameof(y), nameof(p));
        Guard.BinaryLabels(y, nameof(y));
        Guard.Probabilities(p, nameof(p));
    }
}
