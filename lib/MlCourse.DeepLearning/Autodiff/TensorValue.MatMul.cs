using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

// The matrix product, the one operation whose backward is not elementwise.
public sealed partial class TensorValue
{
    // <snippet name="autodiff-tensor-matmul">
    /// <summary>
    /// C = A B for A (n, k) and B (k, m). Backward: ∂L/∂A = ∂L/∂C · Bᵀ (n, k) and ∂L/∂B = Aᵀ · ∂L/∂C (k, m), read off
    /// from C_ij = Σ_p A_ip B_pj: A_ip meets ∂L/∂C_ij once for every j, multiplied by B_pj. Each gradient has the
    /// shape of its matrix, which is the quickest check of which side the transpose goes on.
    /// </summary>
    public TensorValue MatMul(TensorValue other)
    {
        Guard.NotNull(other, nameof(other));
        var (a, b) = (this, other);
        if (a.Rank != 2 || b.Rank != 2 || a._shape[1] != b._shape[0])
            throw new ArgumentException(
                $"MatMul needs A (n, k) and B (k, m), but A has shape {TensorShape.Format(a._shape)} and B has shape {TensorShape.Format(b._shape)}" +
                (a.Rank == 2 && b.Rank == 2 ? $": A's {a._shape[1]} columns do not match B's {b._shape[0]} rows." : "."), nameof(other));
        int n = a._shape[0], k = a._shape[1], m = b._shape[1];
        var c = new double[n * m];                                 // (n, m)
        for (int i = 0; i < n; i++)
            for (int p = 0; p < k; p++)
            {
                double aip = a.Data[i * k + p];
                for (int j = 0; j < m; j++) c[i * m + j] += aip * b.Data[p * m + j];
            }
        return Operation(c, [n, m], "matmul", [a, b], output =>
        {
            var dC = output.Grad;                                  // (n, m)
            for (int i = 0; i < n; i++)
                for (int p = 0; p < k; p++)
                {
                    double dAip = 0, aip = a.Data[i * k + p];
                    for (int j = 0; j < m; j++)
                    {
                        dAip += dC[i * m + j] * b.Data[p * m + j];         // (dC Bᵀ)_ip
                        b.Grad[p * m + j] += aip * dC[i * m + j];          // (Aᵀ dC)_pj, accumulated over i
                    }
                    a.Grad[i * k + p] += dAip;
                }
        });
    }
    // </snippet>
}
