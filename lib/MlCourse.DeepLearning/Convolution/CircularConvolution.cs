using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>
/// Convolutions of two sequences, for the convolution theorem (Week 10): the DFT turns a circular convolution into a
/// pointwise product, DFT(a ⊛ b) = DFT(a) · DFT(b). A linear convolution is the circular one after zero padding both
/// to n + m − 1, which is how FFT convolution works.
/// </summary>
public static class CircularConvolution
{
    /// <summary>(a ⊛ b)_t = Σ_u a_u b_{(t − u) mod n}, for a and b of the same length n.</summary>
    public static double[] Direct(double[] a, double[] b)
    {
        Guard.NotEmpty(a, nameof(a), "value");
        Guard.NotNull(b, nameof(b));
        Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));
        int n = a.Length;
        var c = new double[n];
        for (int t = 0; t < n; t++)
            for (int u = 0; u < n; u++) c[t] += a[u] * b[((t - u) % n + n) % n];
        return c;
    }

    /// <summary>Re IDFT(DFT(a) · DFT(b)): the same numbers as <see cref="Direct"/>, up to rounding, by the theorem.</summary>
    public static double[] ViaFourier(double[] a, double[] b)
    {
        Guard.NotEmpty(a, nameof(a), "value");
        Guard.NotNull(b, nameof(b));
        Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));
        var fa = DiscreteFourier.Transform(a);
        var fb = DiscreteFourier.Transform(b);
        return DiscreteFourier.Inverse(fa.Zip(fb, (x, y) => x * y).ToArray()).Select(z => z.Real).ToArray();
    }

    /// <summary>(a * b)_t = Σ_u a_u b_{t − u} over the n + m − 1 positions where the two overlap (no wrap-around).</summary>
    public static double[] Linear(double[] a, double[] b)
    {
        Guard.NotEmpty(a, nameof(a), "value");
        Guard.NotEmpty(b, nameof(b), "value");
        var c = new double[a.Length + b.Length - 1];
        for (int u = 0; u < a.Length; u++)
            for (int v = 0; v < b.Length; v++) c[u + v] += a[u] * b[v];
        return c;
    }

    /// <summary>A copy of <paramref name="x"/> with zeros appended up to <paramref name="length"/>.</summary>
    public static double[] ZeroPadded(double[] x, int length)
    {
        Guard.NotNull(x, nameof(x));
        Guard.AtLeast(length, x.Length, nameof(length), "padding cannot shorten the sequence");
        var padded = new double[length];
        Array.Copy(x, padded, x.Length);
        return padded;
    }
}
