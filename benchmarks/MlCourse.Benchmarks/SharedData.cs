using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Benchmarks;

/// <summary>
/// Synthetic data both benchmark sides can build identically: splitmix64 of (seed · 2³² + index) gives the uniforms
/// (integer arithmetic, so bit-identical in numpy's uint64), Box-Muller turns pairs into Gaussians (Math.Log/Cos
/// and numpy's may differ in the last bit, which no fit here notices). Mirrored by shared_data in python/scaling.py.
/// </summary>
public static class SharedData
{
    private static double Uniform(ulong index)
    {
        unchecked
        {
            ulong z = index + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }

    /// <summary>n x p standard Gaussian; entry (i, j) uses uniforms 2(ip + j) and 2(ip + j) + 1.</summary>
    public static Matrix<double> Gaussian(int n, int p, int seed)
    {
        ulong base_ = (ulong)seed << 32;
        return Matrix<double>.Build.Dense(n, p, (i, j) =>
        {
            ulong t = base_ + 2UL * (ulong)(i * p + j);
            return Math.Sqrt(-2.0 * Math.Log(1.0 - Uniform(t))) * Math.Cos(2.0 * Math.PI * Uniform(t + 1));
        });
    }

    /// <summary>Labels argmax_c x·w_c over the first <paramref name="classes"/> rows of w (2 classes: x·w_0 > x·w_1).</summary>
    public static Vector<double> LinearLabels(Matrix<double> x, Matrix<double> w, int classes)
    {
        var scores = x * w.SubMatrix(0, classes, 0, w.ColumnCount).Transpose();
        return Vector<double>.Build.Dense(x.RowCount, i => scores.Row(i).MaximumIndex());
    }

    /// <summary>Gaussian rows shifted by 3 · centre (i mod k), the centres Gaussian too: k well-separated blobs.</summary>
    public static Matrix<double> Clustered(int n, int p, int k, int seed)
    {
        var centres = Gaussian(k, p, seed + 1000);
        var x = Gaussian(n, p, seed);
        return Matrix<double>.Build.Dense(n, p, (i, j) => x[i, j] + 3.0 * centres[i % k, j]);
    }
}
