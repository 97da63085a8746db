using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Numerics;

/// <summary>
/// log-sum-exp, softmax and log-softmax of a vector of logits, and the same row by row for an (n, K)
/// matrix, without overflow or underflow to NaN (Week 2, "Softmax and the log-sum-exp trick").
/// </summary>
/// <remarks>
/// softmax(z)_k = e^z_k / Σ_j e^z_j. The naive formula overflows for z_k > 709 (∞/∞ = NaN) and, when
/// every logit is below −745, underflows to 0/0 = NaN. Softmax is unchanged by adding a constant c to
/// every logit (the factor e^c cancels), so we subtract m = max_k z_k: the largest exponent becomes
/// e^0 = 1, the sum lies in [1, K], and nothing overflows; a term that underflows to 0 is at most
/// e^−745 relative to the largest, so dropping it loses nothing representable.
/// Likewise log Σ e^z_k = m + log Σ e^(z_k − m).
/// </remarks>
public static class SoftmaxFunctions
{
    // <snippet name="log-sum-exp">
    /// <summary>log Σ_k e^z_k, computed as m + log Σ_k e^(z_k − m) with m = max z.</summary>
    public static double LogSumExp(Vector<double> z)
    {
        Guard.Vector(z, nameof(z));
        return LogSumExpUnchecked(z);
    }

    /// <summary>softmax(z)_k = e^(z_k − m) / Σ_j e^(z_j − m): entries in [0, 1] summing to 1.</summary>
    public static Vector<double> Softmax(Vector<double> z)
    {
        Guard.Vector(z, nameof(z));
        double m = z.Maximum();
        var e = z.Map(v => Math.Exp(v - m));   // the largest entry is e^0 = 1, so the sum is ≥ 1
        return e / e.Sum();
    }

    /// <summary>log softmax(z)_k = z_k − logsumexp(z): finite for finite z even where softmax rounds to 0.</summary>
    public static Vector<double> LogSoftmax(Vector<double> z)
    {
        Guard.Vector(z, nameof(z));
        double lse = LogSumExpUnchecked(z);
        return z.Map(v => v - lse);
    }
    // </snippet>

    /// <summary>Softmax of each row of an (n, K) matrix of logits.</summary>
    public static Matrix<double> SoftmaxRows(Matrix<double> logits)
    {
        Guard.Matrix(logits, nameof(logits));
        return SoftmaxRowsUnchecked(logits);
    }

    /// <summary>Log-softmax of each row of an (n, K) matrix of logits.</summary>
    public static Matrix<double> LogSoftmaxRows(Matrix<double> logits)
    {
        Guard.Matrix(logits, nameof(logits));
        var result = logits.Clone();
        for (int i = 0; i < logits.RowCount; i++)
        {
            double lse = LogSumExpUnchecked(logits.Row(i));
            for (int k = 0; k < logits.ColumnCount; k++) result[i, k] -= lse;
        }
        return result;
    }

    /// <summary>The same computations without validation, for callers that already checked their input.</summary>
    internal static double LogSumExpUnchecked(Vector<double> z)
    {
        double m = z.Maximum();
        double sum = 0.0;
        for (int k = 0; k < z.Count; k++) sum += Math.Exp(z[k] - m);
        return m + Math.Log(sum);
    }

    internal static Matrix<double> SoftmaxRowsUnchecked(Matrix<double> logits)
    {
        var result = Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount);   // (n, K)
        for (int i = 0; i < logits.RowCount; i++)
        {
            double m = double.NegativeInfinity;
            for (int k = 0; k < logits.ColumnCount; k++) m = Math.Max(m, logits[i, k]);
            double sum = 0.0;
            for (int k = 0; k < logits.ColumnCount; k++) sum += result[i, k] = Math.Exp(logits[i, k] - m);
            for (int k = 0; k < logits.ColumnCount; k++) result[i, k] /= sum;
        }
        return result;
    }
}
