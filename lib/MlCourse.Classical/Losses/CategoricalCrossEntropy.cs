using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Losses;

/// <summary>
/// Categorical cross-entropy: the mean negative log-likelihood of labels 0..K−1 under a softmax over K
/// logits per sample (Week 2, "Softmax and categorical cross-entropy").
/// </summary>
/// <remarks>
/// With p_ik = softmax(z_i)_k the likelihood of label y_i is p_{i,y_i}, so
/// ℓ_i = −log softmax(z_i)_{y_i} = logsumexp(z_i) − z_{i,y_i}. Computed that way it is finite for any
/// finite logits, even when p_{i,y_i} rounds to 0 (the naive −log p would be +∞).
/// Gradient: ∂ logsumexp(z)/∂z_k = softmax(z)_k and ∂z_{y}/∂z_k = [k = y], so ∂ℓ_i/∂z_ik = p_ik − Y_ik
/// with Y the one-hot labels — the same "prediction minus target" as the binary loss.
/// </remarks>
public static class CategoricalCrossEntropy
{
    // <snippet name="cce-from-logits">
    /// <summary>(1/n) Σ_i [logsumexp(z_i) − z_{i, y_i}] for logits (n, K) and labels 0..K−1.</summary>
    public static double FromLogits(Vector<double> y, Matrix<double> logits)
    {
        Check(y, logits, nameof(logits));
        double sum = 0.0;
        for (int i = 0; i < y.Count; i++)
            sum += SoftmaxFunctions.LogSumExpUnchecked(logits.Row(i)) - logits[i, (int)y[i]];
        return sum / y.Count;
    }

    /// <summary>∂L/∂Z = (softmax(Z) − Y)/n, an (n, K) matrix.</summary>
    public static Matrix<double> LogitGradient(Vector<double> y, Matrix<double> logits)
    {
        Check(y, logits, nameof(logits));
        var g = SoftmaxFunctions.SoftmaxRowsUnchecked(logits);           // (n, K) probabilities
        for (int i = 0; i < y.Count; i++) g[i, (int)y[i]] -= 1.0;          // minus the one-hot target
        return g / y.Count;
    }
    // </snippet>

    /// <summary>
    /// The same loss from a probability matrix (n, K), rows summing to 1. A probability of exactly 0 for
    /// the true class (true loss +∞) is clipped to ε, costing −log ε; prefer <see cref="FromLogits"/>.
    /// </summary>
    public static double FromProbabilities(Vector<double> y, Matrix<double> p, double epsilon = BinaryCrossEntropy.DefaultEpsilon)
    {
        Check(y, p, nameof(p));
        Guard.InOpenRange(epsilon, 0.0, 0.5, nameof(epsilon));
        Guard.Probabilities(p, nameof(p));
        double sum = 0.0;
        for (int i = 0; i < y.Count; i++) sum -= Math.Log(Math.Max(p[i, (int)y[i]], epsilon));
        return sum / y.Count;
    }

    private static void Check(Vector<double> y, Matrix<double> second, string secondName)
    {
        Guard.Matrix(second, secondName);
        ClassLabels.InRange(y, second.ColumnCount, nameof(y));
        if (second.RowCount != y.Count)
            throw new ArgumentException($"{secondName} must have one row per label: {secondName} is {Guard.Shape(second)} but {nameof(y)} has {y.Count} values.", secondName);
    }
}
