using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.SupportVectorMachines.Kernels;

namespace MlCourse.Tests.Classical.SupportVectorMachines;

/// <summary>Kernel values by hand, the explicit degree-2 map, positive semi-definiteness (Mercer).</summary>
public class KernelTests
{
    private static readonly double[] A = [1, 2, -1];
    private static readonly double[] B = [0.5, -1, 3];

    [Fact]
    public void Kernels_match_their_formulas_computed_by_hand()
    {
        // aᵀb = 0.5 − 2 − 3 = −4.5; ‖a − b‖² = 0.25 + 9 + 16 = 25.25.
        Assert.Equal(-4.5, Kernel.Linear().Compute(A, B), 12);
        Assert.Equal(Math.Pow(0.5 * -4.5 + 1, 3), Kernel.Polynomial(3, 0.5, 1).Compute(A, B), 12);
        Assert.Equal(Math.Exp(-0.1 * 25.25), Kernel.Rbf(0.1).Compute(A, B), 12);
        Assert.Equal(Math.Tanh(0.2 * -4.5 + 0.3), Kernel.Sigmoid(0.2, 0.3).Compute(A, B), 12);
    }

    [Fact]
    public void Explicit_degree_2_feature_map_inner_products_equal_the_polynomial_kernel()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, -1 }, { 0.5, -1, 3 }, { 0, 0, 0 }, { 2, 1, 1 } });
        var phi = PolynomialFeatureMap.Degree2(x, gamma: 0.7, coef0: 1.5);
        Assert.Equal(1 + 6 + 3, phi.ColumnCount);
        var viaMap = phi * phi.Transpose();
        var viaKernel = Kernel.Polynomial(2, 0.7, 1.5).Gram(x);
        Assert.True((viaMap - viaKernel).Enumerate().Max(Math.Abs) < 1e-12);
    }

    [Fact]
    public void Rbf_and_polynomial_gram_matrices_are_positive_semidefinite_but_sigmoid_can_fail()
    {
        var rng = new Random(3);
        var x = Matrix<double>.Build.Dense(30, 4, (_, _) => rng.NextDouble() * 2 - 1);
        foreach (var k in new[] { Kernel.Rbf(0.8), Kernel.Polynomial(3, 1, 1), Kernel.Linear() })
            Assert.True(k.Gram(x).Evd().EigenValues.Min(e => e.Real) > -1e-10, $"{k}");
        // tanh(γ aᵀa + c) with c < 0 makes the diagonal negative for short vectors: a Gram matrix with a
        // negative diagonal entry cannot be PSD (eᵢᵀKeᵢ = K_ii < 0), so Mercer's condition fails.
        Assert.True(Kernel.Sigmoid(1, -1).Gram(x).Evd().EigenValues.Min(e => e.Real) < -1e-3);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Non_positive_gamma_is_rejected_by_name(double gamma)
    {
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => Kernel.Rbf(gamma)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => Kernel.Polynomial(2, gamma, 1)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => Kernel.Sigmoid(gamma, 0)).ParamName);
    }

    [Fact]
    public void Degree_below_one_and_mismatched_cross_shapes_are_rejected()
    {
        Assert.Equal("degree", Assert.ThrowsAny<ArgumentException>(() => Kernel.Polynomial(0)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Kernel.Linear().Cross(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(2, 4)));
        Assert.Contains("2x3", e.Message);
    }
}
