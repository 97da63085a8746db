using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Classical.Optimization.Networks;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Optimization;

public class BatchNormTests
{
    private static Matrix<double> RandomMatrix(int rows, int columns, int seed, double scale = 1, double shift = 0)
    {
        var rng = Seeded.Random(seed);
        var m = Matrix<double>.Build.Dense(rows, columns);
        for (int i = 0; i < rows; i++) for (int c = 0; c < columns; c++) m[i, c] = shift + scale * rng.NextGaussian();
        return m;
    }

    private static readonly Vector<double> Gamma = Vector<double>.Build.DenseOfArray([1.5, -0.7, 0.3]);
    private static readonly Vector<double> Beta = Vector<double>.Build.DenseOfArray([0.2, 0.0, -1.0]);

    [Fact]
    public void Every_column_has_mean_beta_and_standard_deviation_gamma_after_the_forward_pass()
    {
        var z = RandomMatrix(50, 3, 1, scale: 4, shift: 7);
        var (output, _) = BatchNorm.Forward(z, Gamma, Beta);
        for (int c = 0; c < 3; c++)
        {
            var column = output.Column(c);
            double mean = column.Average();
            double std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / 50);
            Assert.Equal(Beta[c], mean, 1e-12);
            Assert.Equal(Math.Abs(Gamma[c]), std, 1e-4);   // ε = 1e-5 inside the root shrinks it by about ε/(2σ²)
        }
    }

    // L(z, γ, β) = Σ C ⊙ BN(z): ∂L/∂out = C, so Backward(C) must equal the finite-difference gradient of L.
    private static readonly Matrix<double> Weights = RandomMatrix(6, 3, 3);
    private static double Objective(Matrix<double> z, Vector<double> gamma, Vector<double> beta) =>
        BatchNorm.Forward(z, gamma, beta).Output.PointwiseMultiply(Weights).Enumerate().Sum();

    [Fact]
    public void The_backward_pass_matches_finite_differences_for_z_gamma_and_beta()
    {
        var z = RandomMatrix(6, 3, 2, scale: 2, shift: 1);
        var (_, cache) = BatchNorm.Forward(z, Gamma, Beta);
        var (dz, dGamma, dBeta) = BatchNorm.Backward(Weights, cache, Gamma);

        var zFlat = Vector<double>.Build.DenseOfArray(z.ToColumnMajorArray());
        var numericalZ = FiniteDifference.Gradient(v => Objective(Matrix<double>.Build.Dense(6, 3, v.ToArray()), Gamma, Beta), zFlat);
        var numericalGamma = FiniteDifference.Gradient(g => Objective(z, g, Beta), Gamma);
        var numericalBeta = FiniteDifference.Gradient(b => Objective(z, Gamma, b), Beta);

        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.DenseOfArray(dz.ToColumnMajorArray()), numericalZ) < 1e-7);
        Assert.True(FiniteDifference.RelativeError(dGamma, numericalGamma) < 1e-7);
        Assert.True(FiniteDifference.RelativeError(dBeta, numericalBeta) < 1e-7);
    }

    [Fact]
    public void Dropping_the_mean_and_variance_paths_from_the_backward_pass_is_caught()
    {
        // A plausible wrong backward: treat μ_B and σ_B as constants, dz = γ·∂out/σ. Finite differences must disagree.
        var z = RandomMatrix(6, 3, 2, scale: 2, shift: 1);
        var (_, cache) = BatchNorm.Forward(z, Gamma, Beta);
        var naive = Matrix<double>.Build.Dense(6, 3, (i, c) => Weights[i, c] * Gamma[c] * cache.InverseStd[c]);
        var numericalZ = FiniteDifference.Gradient(v => Objective(Matrix<double>.Build.Dense(6, 3, v.ToArray()), Gamma, Beta),
            Vector<double>.Build.DenseOfArray(z.ToColumnMajorArray()));
        Assert.True(FiniteDifference.RelativeError(Vector<double>.Build.DenseOfArray(naive.ToColumnMajorArray()), numericalZ) > 0.1);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        var one = RandomMatrix(1, 3, 4);
        Assert.Contains("rows of z", Assert.Throws<ArgumentOutOfRangeException>(() => BatchNorm.Forward(one, Gamma, Beta)).Message);
        var z = RandomMatrix(5, 3, 4);
        Assert.Equal("gamma", Assert.Throws<ArgumentException>(() => BatchNorm.Forward(z, Vector<double>.Build.Dense(2, 1.0), Beta)).ParamName);
        var (_, cache) = BatchNorm.Forward(z, Gamma, Beta);
        Assert.Equal("dOut", Assert.Throws<ArgumentException>(() => BatchNorm.Backward(RandomMatrix(4, 3, 5), cache, Gamma)).ParamName);
    }
}
