using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines.Kernels;

/// <summary>
/// The explicit feature map φ of the degree-2 polynomial kernel (γ aᵀb + c)², so that
/// φ(a)ᵀφ(b) equals the kernel (Week 6, "The kernel trick, numerically"). Expanding
/// (γ Σ_i a_i b_i + c)² = c² + Σ_i 2cγ a_i b_i + Σ_i γ² a_i² b_i² + Σ_{i&lt;j} 2γ² a_i a_j b_i b_j
/// gives one coordinate per term: 1 + d + d + d(d−1)/2 features, against the kernel's O(d) work.
/// </summary>
public static class PolynomialFeatureMap
{
    public static int FeatureCount(int d) => 1 + 2 * d + d * (d - 1) / 2;

    // <snippet name="degree2-feature-map">
    public static Matrix<double> Degree2(Matrix<double> x, double gamma = 1.0, double coef0 = 1.0)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Positive(gamma, nameof(gamma));
        Guard.NonNegative(coef0, nameof(coef0));
        int d = x.ColumnCount;
        var phi = Matrix<double>.Build.Dense(x.RowCount, FeatureCount(d));   // (n, 1 + 2d + d(d−1)/2)
        double rootTwoCGamma = Math.Sqrt(2 * coef0 * gamma), rootTwo = Math.Sqrt(2.0);
        for (int r = 0; r < x.RowCount; r++)
        {
            int k = 0;
            phi[r, k++] = coef0;                                             // c² = c·c
            for (int i = 0; i < d; i++) phi[r, k++] = rootTwoCGamma * x[r, i];    // 2cγ a_i b_i
            for (int i = 0; i < d; i++) phi[r, k++] = gamma * x[r, i] * x[r, i];  // γ² a_i² b_i²
            for (int i = 0; i < d; i++)
                for (int j = i + 1; j < d; j++) phi[r, k++] = rootTwo * gamma * x[r, i] * x[r, j];   // 2γ² a_i a_j b_i b_j
        }
        return phi;
    }
    // </snippet>
}
