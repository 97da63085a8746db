using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Numerics;

/// <summary>
/// The logistic sigmoid σ(z) = 1/(1 + e^−z) and its logarithms, computed without overflow for any finite
/// logit (Week 2, "Why sigmoid: from log-odds to probability").
/// </summary>
/// <remarks>
/// σ inverts the log-odds: if log(p/(1 − p)) = z then p = e^z/(1 + e^z) = 1/(1 + e^−z). The naive formula
/// evaluates e^−z, which overflows to ∞ for z < −709 (the answer 0 is still right there, by luck), and
/// log σ(z) = −log(1 + e^−z) then becomes −∞ or log(0) when the true value is a finite −|z|. Every
/// function below only ever exponentiates a non-positive number, so e^(·) lies in (0, 1].
/// </remarks>
public static class Sigmoid
{
    // <snippet name="stable-sigmoid">
    /// <summary>σ(z), exact to rounding for every finite z; 0 and 1 are reached only where double rounds to them.</summary>
    public static double Of(double z)
    {
        Guard.NotNaN(z, nameof(z));
        // For z ≥ 0: 1/(1 + e^−z) with e^−z in (0, 1]. For z < 0: multiply top and bottom by e^z,
        // σ(z) = e^z/(1 + e^z), again exponentiating a negative number only.
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|): the negative log-likelihood of a label 1 at logit −z.</summary>
    public static double Softplus(double z)
    {
        Guard.NotNaN(z, nameof(z));
        // log(1 + e^z) = log(e^max(z,0) · (e^−max(z,0) + e^(z − max(z,0)))) = max(z, 0) + log(1 + e^−|z|).
        return Math.Max(z, 0.0) + LogOnePlus(Math.Exp(-Math.Abs(z)));
    }

    /// <summary>
    /// log(1 + u) for u ≥ 0, accurate also when u is below the rounding of 1 + u (e.g. u = e^−40 ≈ 4e-18, where
    /// Math.Log(1 + u) returns 0). With w = 1 + u rounded, log(w)·u/(w − 1) cancels the rounding error of w
    /// (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", Theorem 4).
    /// </summary>
    private static double LogOnePlus(double u)
    {
        double w = 1.0 + u;
        return w == 1.0 ? u : Math.Log(w) * u / (w - 1.0);
    }

    /// <summary>log σ(z) = −softplus(−z): about z for z ≪ 0 (never −∞ for finite z), about −e^−z for z ≫ 0.</summary>
    public static double Log(double z) => -Softplus(-z);
    // </snippet>

    /// <summary>σ applied to every entry (a new vector).</summary>
    public static Vector<double> Of(Vector<double> z)
    {
        Guard.NotNull(z, nameof(z));
        return z.Map(Of);
    }

    /// <summary>
    /// The (n, 2) probability matrix of a binary model with logits z: column 0 is σ(−z) = P(y = 0), column 1 is
    /// σ(z) = P(y = 1), the shape every classifier's PredictProbability returns. Column 0 is σ(−z) rather than
    /// 1 − σ(z), which would round to 0 for a confident z and lose all its digits.
    /// </summary>
    public static Matrix<double> TwoClassProbabilities(Vector<double> z)
    {
        Guard.NotNull(z, nameof(z));
        return Matrix<double>.Build.Dense(z.Count, 2, (i, k) => Of(k == 1 ? z[i] : -z[i]));
    }
}
