using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Clustering;

/// <summary>Seeded toy data sets for clustering (Week 7, sections 9-11): Gaussian blobs and two interleaving moons.</summary>
public static class ClusterData
{
    /// <summary>
    /// Two interleaving half circles (as scikit-learn's make_moons, not its random stream): n/2 points on the
    /// upper arc of the unit circle and n − n/2 on a lower arc shifted by (1, 0.5), plus Gaussian noise.
    /// </summary>
    public static (Matrix<double> X, int[] y) Moons(int n, double noise = 0.05, int seed = Seeded.DefaultSeed)
    {
        Guard.AtLeast(n, 2, nameof(n), "one point per moon");
        Guard.NonNegative(noise, nameof(noise));
        var rng = Seeded.Random(seed);
        int upper = n / 2;
        var x = new double[n, 2];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            bool top = i < upper;
            int count = top ? upper : n - upper;
            double t = Math.PI * (top ? i : i - upper) / Math.Max(count - 1, 1);
            x[i, 0] = (top ? Math.Cos(t) : 1 - Math.Cos(t)) + noise * rng.NextGaussian();
            x[i, 1] = (top ? Math.Sin(t) : 0.5 - Math.Sin(t)) + noise * rng.NextGaussian();
            y[i] = top ? 0 : 1;
        }
        return (Matrix<double>.Build.DenseOfArray(x), y);
    }

    /// <summary>Isotropic Gaussian blobs: the given centres, the same standard deviation, n points spread evenly over them.</summary>
    public static (Matrix<double> X, int[] y) Blobs(int n, Matrix<double> centers, double std = 1.0, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(n, nameof(n));
        Guard.Matrix(centers, nameof(centers));
        Guard.NonNegative(std, nameof(std));
        var rng = Seeded.Random(seed);
        int k = centers.RowCount, p = centers.ColumnCount;
        var x = new double[n, p];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % k;
            for (int j = 0; j < p; j++) x[i, j] = centers[y[i], j] + std * rng.NextGaussian();
        }
        return (Matrix<double>.Build.DenseOfArray(x), y);
    }
}
