using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Clustering;

/// <summary>Validation shared by the clustering code: cluster counts, and the flat arrays of the hot loops (Week 7).</summary>
internal static class ClusterGuard
{
    /// <summary>k clusters need at least k distinct rows to put a centre on; k > n is the classic mistake.</summary>
    public static void ClusterCount(int k, int n, string name, string xName)
    {
        if (k <= 0) throw new ArgumentOutOfRangeException(name, k, $"{name} must be a positive integer, but is {k}.");
        if (k > n)
            throw new ArgumentException($"{name} = {k} clusters cannot be formed from {xName} with only {n} rows: {name} must be at most the number of samples.", name);
    }

    /// <summary>Row-major copy: the hot loops index a flat array instead of MathNet's column-major storage.</summary>
    public static double[] RowMajor(Matrix<double> x)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var a = new double[n * p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                a[i * p + j] = x[i, j];
        return a;
    }

    public static double SquaredDistance(double[] a, int aOffset, double[] b, int bOffset, int p)
    {
        return Numerics.SpanMath.SquaredDistance(new ReadOnlySpan<double>(a, aOffset, p), new ReadOnlySpan<double>(b, bOffset, p));
    }
}
