using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Losses;

/// <summary>
/// Binary cross-entropy (log loss), the mean negative log-likelihood of labels y ∈ [0, 1] under a
/// Bernoulli model (Week 2, "Cross-entropy from the negative log-likelihood").
/// </summary>
/// <remarks>
/// With p = σ(z), the likelihood of one label is p^y (1 − p)^(1−y), so its negative log is
/// ℓ = −y log σ(z) − (1 − y) log(1 − σ(z)). Using log σ(z) = −softplus(−z) and 1 − σ(z) = σ(−z):
/// ℓ = y·softplus(−z) + (1 − y)·softplus(z) = softplus(z) − y·z (because softplus(z) − softplus(−z) = z).
/// That form needs no probability at all, so it stays exact when σ(z) rounds to 0 or 1 (|z| > 37).
/// </remarks>
public static class BinaryCrossEntropy
{
    /// <summary>
    /// Default clipping of probabilities in <see cref="FromProbabilities"/>: the double's machine epsilon 2^−52,
    /// as scikit-learn 1.2's log_loss(eps="auto") uses for float64 input.
    /// </summary>
    public const double DefaultEpsilon = 2.220446049250313e-16;

    // <snippet name="bce-from-logits">
    /// <summary>(1/n) Σ_i [softplus(z_i) − y_i z_i]: finite for every finite logit, exactly 0 only for a perfect fit.</summary>
    public static double FromLogits(Vector<double> y, Vector<double> logits)
    {
        Check(y, logits, nameof(logits));
        double sum = 0.0;
        for (int i = 0; i < y.Count; i++) sum += Sigmoid.Softplus(logits[i]) - y[i] * logits[i];
        return sum / y.Count;
    }

    /// <summary>∂L/∂z_i = (σ(z_i) − y_i)/n: d softplus(z)/dz = σ(z), and d(y z)/dz = y.</summary>
    public static Vector<double> LogitGradient(Vector<double> y, Vector<double> logits)
    {
        Check(y, logits, nameof(logits));
        int n = y.Count;
        return Vector<double>.Build.Dense(n, i => (Sigmoid.Of(logits[i]) - y[i]) / n);
    }
    // </snippet>

    /// <summary>
    /// The same loss from probabilities p_i ∈ [0, 1]. A term whose weight y_i or 1 − y_i is 0 is
    /// skipped (the limit 0·log 0 = 0), so p = 1 with y = 1 costs exactly 0. A confident wrong answer
    /// (p = 0 with y = 1) has true loss +∞; p is clipped to [ε, 1 − ε] so it costs −log ε (36.04 for the default ε)
    /// instead — prefer <see cref="FromLogits"/>, which never needs this.
    /// </summary>
    public static double FromProbabilities(Vector<double> y, Vector<double> p, double epsilon = DefaultEpsilon)
    {
        Check(y, p, nameof(p));
        Guard.InOpenRange(epsilon, 0.0, 0.5, nameof(epsilon));
        Guard.Probabilities(p, nameof(p));
        double sum = 0.0;
        for (int i = 0; i < y.Count; i++)
        {
            double pi = Math.Clamp(p[i], epsilon, 1 - epsilon);
            if (y[i] > 0) sum -= y[i] * Math.Log(p[i] == 1.0 ? 1.0 : pi);
            if (y[i] < 1) sum -= (1 - y[i]) * Math.Log(p[i] == 0.0 ? 1.0 : 1 - pi);
        }
        return sum / y.Count;
    }

    private static void Check(Vector<double> y, Vector<double> second, string secondName)
    {
        Guard.Vector(y, nameof(y));
        Guard.NotNull(second, secondName);
        Guard.SameLength(y, second, nameof(y), secondName);
        for (int i = 0; i < y.Count; i++)
            if (y[i] < 0 || y[i] > 1) throw new ArgumentException($"{nameof(y)} must contain labels (or soft labels) in [0, 1], but {nameof(y)}[{i}] is {y[i]}.", nameof(y));
        Guard.Finite(second, secondName);
    }
}
