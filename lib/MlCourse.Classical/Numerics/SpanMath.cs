using MlCourse.Core.Validation;
using System.Runtime.InteropServices;
using SimdVector = System.Numerics.Vector<double>;

namespace MlCourse.Classical.Numerics;

/// <summary>
/// The few dense kernels that hot loops of the library share (dot product, y += a·x), on spans so that they
/// run over a column of a column-major array without copying. They use the CPU's SIMD width
/// (System.Numerics.Vector, 4 doubles with AVX2), which is where the time goes in a Hessian or a kernel row.
/// </summary>
public static class SpanMath
{
    /// <summary>Σ_i a_i·b_i. Summation order differs from a plain loop (lanes, then lanes added), so results may
    /// differ from one in the last bits.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));   // compared inline: the innermost loop
        int width = SimdVector.Count, i = 0;
        double sum = 0.0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= 2 * width)
        {
            var va = MemoryMarshal.Cast<double, SimdVector>(a);
            var vb = MemoryMarshal.Cast<double, SimdVector>(b);
            var acc = SimdVector.Zero;
            for (int k = 0; k < va.Length; k++) acc += va[k] * vb[k];
            sum = System.Numerics.Vector.Sum(acc);
            i = va.Length * width;
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y ← y + a·x, in place.</summary>
    public static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        if (x.Length != y.Length) Guard.SameLength(y.Length, x.Length, nameof(y), nameof(x));   // compared inline: the innermost loop
        int width = SimdVector.Count, i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && y.Length >= 2 * width)
        {
            var vy = MemoryMarshal.Cast<double, SimdVector>(y);
            var vx = MemoryMarshal.Cast<double, SimdVector>(x);
            var va = new SimdVector(a);
            for (int k = 0; k < vy.Length; k++) vy[k] += va * vx[k];
            i = vy.Length * width;
        }
        for (; i < y.Length; i++) y[i] += a * x[i];
    }

    /// <summary>Σ_i (a_i − b_i)², the squared Euclidean distance (k-means, DBSCAN, k-NN inner loops).</summary>
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));   // compared inline: the innermost loop
        int width = SimdVector.Count, i = 0;
        double sum = 0.0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= 2 * width)
        {
            var va = MemoryMarshal.Cast<double, SimdVector>(a);
            var vb = MemoryMarshal.Cast<double, SimdVector>(b);
            var acc = SimdVector.Zero;
            for (int k = 0; k < va.Length; k++) { var d = va[k] - vb[k]; acc += d * d; }
            sum = System.Numerics.Vector.Sum(acc);
            i = va.Length * width;
        }
        for (; i < a.Length; i++) { double d = a[i] - b[i]; sum += d * d; }
        return sum;
    }

    /// <summary>Row i of the n x p matrix as the span [i·p, (i + 1)·p) of a row-major copy.</summary>
    public static double SquaredDistance(double[] a, int aOffset, double[] b, int bOffset, int p) =>
        SquaredDistance(new ReadOnlySpan<double>(a, aOffset, p), new ReadOnlySpan<double>(b, bOffset, p));

    /// <summary>Row-major copy of x: hot loops index a flat array (row i at offset i·p) instead of MathNet's column-major storage.</summary>
    public static double[] RowMajor(MathNet.Numerics.LinearAlgebra.Matrix<double> x)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var a = new double[n * p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                a[i * p + j] = x[i, j];
        return a;
    }
}
