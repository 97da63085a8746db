using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization.Networks;

/// <summary>What <see cref="BatchNorm.Forward"/> keeps for the backward pass: the normalised inputs and 1/√(σ²_B + ε) per column.</summary>
public sealed record BatchNormCache(Matrix<double> Normalised, Vector<double> InverseStd);

/// <summary>
/// Batch normalisation over the rows of a mini-batch (Week 3, section 8.3 "Batch norm in a small network"):
/// ẑ = (z − μ_B)/√(σ²_B + ε), out = γ ⊙ ẑ + β, with μ_B and the biased σ²_B per column (as PyTorch's BatchNorm1d in training).
/// </summary>
/// <remarks>The public methods take matrices; <see cref="TinyMlp"/> calls the array versions, row-major (n x d), directly.</remarks>
public static class BatchNorm
{
    /// <param name="z">Pre-activations (n x d), n ≥ 2 rows: one row cannot be normalised.</param>
    /// <param name="gamma">Scale γ (d).</param>
    /// <param name="beta">Shift β (d).</param>
    /// <param name="eps">ε > 0 inside the root (PyTorch's default 1e-5).</param>
    public static (Matrix<double> Output, BatchNormCache Cache) Forward(Matrix<double> z, Vector<double> gamma, Vector<double> beta, double eps = 1e-5)
    {
        Guard.Matrix(z, nameof(z));
        Guard.AtLeast(z.RowCount, 2, $"rows of {nameof(z)}", "batch statistics need at least two rows");
        Guard.Vector(gamma, nameof(gamma));
        Guard.Vector(beta, nameof(beta));
        if (gamma.Count != z.ColumnCount) throw new ArgumentException($"{nameof(gamma)} must have one entry per column ({z.ColumnCount}), but has {gamma.Count}.", nameof(gamma));
        if (beta.Count != z.ColumnCount) throw new ArgumentException($"{nameof(beta)} must have one entry per column ({z.ColumnCount}), but has {beta.Count}.", nameof(beta));
        Guard.Positive(eps, nameof(eps));
        int n = z.RowCount, d = z.ColumnCount;
        var output = new double[n * d];
        var normalised = new double[n * d];
        var inverseStd = new double[d];
        Forward(z.ToRowMajorArray(), n, d, gamma.ToArray(), beta.ToArray(), eps, output, normalised, inverseStd);
        return (RowMajor(n, d, output), new BatchNormCache(RowMajor(n, d, normalised), Vector<double>.Build.Dense(inverseStd)));
    }

    /// <summary>
    /// Gradients of the loss with respect to z, γ and β from ∂loss/∂out. Every row's ẑ depends on the whole batch
    /// through μ_B and σ²_B, which gives the two correction terms of the backward pass.
    /// </summary>
    public static (Matrix<double> DZ, Vector<double> DGamma, Vector<double> DBeta) Backward(Matrix<double> dOut, BatchNormCache cache, Vector<double> gamma)
    {
        Guard.NotNull(cache, nameof(cache));
        Guard.Matrix(dOut, nameof(dOut));
        if (dOut.RowCount != cache.Normalised.RowCount || dOut.ColumnCount != cache.Normalised.ColumnCount)
            throw new ArgumentException($"{nameof(dOut)} must have the forward pass's shape {Guard.Shape(cache.Normalised)}, but is {Guard.Shape(dOut)}.", nameof(dOut));
        Guard.Vector(gamma, nameof(gamma));
        if (gamma.Count != dOut.ColumnCount) throw new ArgumentException($"{nameof(gamma)} must have {dOut.ColumnCount} entries, but has {gamma.Count}.", nameof(gamma));
        int n = dOut.RowCount, d = dOut.ColumnCount;
        var dz = new double[n * d];
        var dGamma = new double[d];
        var dBeta = new double[d];
        Backward(dOut.ToRowMajorArray(), cache.Normalised.ToRowMajorArray(), cache.InverseStd.ToArray(), n, d, gamma.ToArray(), dz, dGamma, dBeta);
        return (RowMajor(n, d, dz), Vector<double>.Build.Dense(dGamma), Vector<double>.Build.Dense(dBeta));
    }

    private static Matrix<double> RowMajor(int n, int d, double[] values) => Matrix<double>.Build.DenseOfRowMajor(n, d, values);

    /// <summary>Row-major z (n x d) into output and normalised (n x d) and inverseStd (d); no validation (callers check).</summary>
    internal static void Forward(double[] z, int n, int d, double[] gamma, double[] beta, double eps, double[] output, double[] normalised, double[] inverseStd)
    {
        for (int c = 0; c < d; c++)
        {
            double mean = 0, variance = 0;
            for (int i = 0; i < n; i++) mean += z[i * d + c];
            mean /= n;
            for (int i = 0; i < n; i++) variance += (z[i * d + c] - mean) * (z[i * d + c] - mean);
            variance /= n;                                                   // biased: the batch's own spread
            inverseStd[c] = 1 / Math.Sqrt(variance + eps);
            for (int i = 0; i < n; i++)
            {
                normalised[i * d + c] = (z[i * d + c] - mean) * inverseStd[c];
                output[i * d + c] = gamma[c] * normalised[i * d + c] + beta[c];
            }
        }
    }

    /// <summary>Row-major ∂out and ẑ (n x d) into dz (n x d), dGamma and dBeta (d, overwritten).</summary>
    internal static void Backward(double[] dOut, double[] xHat, double[] inverseStd, int n, int d, double[] gamma, double[] dz, double[] dGamma, double[] dBeta)
    {
        // <snippet name="batchnorm-backward">
        for (int c = 0; c < d; c++)
        {
            double sumDHat = 0, sumDHatXHat = 0;
            dGamma[c] = 0; dBeta[c] = 0;
            for (int i = 0; i < n; i++)
            {
                int k = i * d + c;
                dBeta[c] += dOut[k];                                     // ∂/∂β = Σ ∂out
                dGamma[c] += dOut[k] * xHat[k];                          // ∂/∂γ = Σ ∂out · ẑ
                double dHat = dOut[k] * gamma[c];                        // ∂/∂ẑ
                sumDHat += dHat;
                sumDHatXHat += dHat * xHat[k];
            }
            // ∂/∂z_i = (1/σ)(∂ẑ_i − mean(∂ẑ) − ẑ_i · mean(∂ẑ ⊙ ẑ)): the direct path, minus what flows through μ_B and σ²_B.
            for (int i = 0; i < n; i++)
            {
                int k = i * d + c;
                dz[k] = inverseStd[c] * (dOut[k] * gamma[c] - sumDHat / n - xHat[k] * sumDHatXHat / n);
            }
        }
        // </snippet>
    }
}
