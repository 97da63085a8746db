using System.Numerics;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>
/// The discrete Fourier transform by its definition, X_k = Σ_t x_t e^{−2πi kt/n}, and its inverse with the 1/n:
/// O(n²), written out so the convolution theorem can be checked on numbers (Week 10). An FFT computes the same in
/// O(n log n); MathNet's is the reference in the tests.
/// </summary>
public static class DiscreteFourier
{
    public static Complex[] Transform(IReadOnlyList<Complex> x) => Sum(x, sign: -1, scale: 1.0);

    public static Complex[] Inverse(IReadOnlyList<Complex> spectrum) => Sum(spectrum, sign: +1, scale: 1.0 / Guard.NotNull(spectrum, nameof(spectrum)).Count);

    public static Complex[] Transform(IReadOnlyList<double> x) => Transform(Guard.NotNull(x, nameof(x)).Select(v => new Complex(v, 0)).ToArray());

    private static Complex[] Sum(IReadOnlyList<Complex> x, int sign, double scale)
    {
        Guard.NotEmpty(x, nameof(x), "value");
        int n = x.Count;
        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Complex sum = Complex.Zero;
            // (k·t) mod n keeps the angle small, so the twiddle factors stay accurate for long inputs.
            for (int t = 0; t < n; t++) sum += x[t] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * ((long)k * t % n) / n);
            result[k] = sum * scale;
        }
        return result;
    }
}
