using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Support;

/// <summary>Data sets shared by the Classical tests. Every accessor returns fresh copies.</summary>
internal static class Data
{
    private static readonly Lazy<Dataset> Diabetes = new(() => Datasets.Diabetes());

    /// <summary>Diabetes, raw features (442 x 10).</summary>
    public static (Matrix<double> X, Vector<double> y) DiabetesRaw() => (Diabetes.Value.X.Clone(), Diabetes.Value.Y.Clone());

    /// <summary>Diabetes with features standardised by the library's StandardScaler (population std, as the reference script).</summary>
    public static (Matrix<double> X, Vector<double> y) DiabetesStandardized()
    {
        var (x, y) = DiabetesRaw();
        return (new StandardScaler().Fit(x).Transform(x), y);
    }

    /// <summary>A small, well-conditioned regression problem: y = Xw + 0.5 + noise with known w.</summary>
    public static (Matrix<double> X, Vector<double> y) Synthetic(int n = 40, int p = 3, int seed = 7)
    {
        var rng = Seeded.Random(seed);
        var x = Matrix<double>.Build.Dense(n, p, (_, _) => rng.NextGaussian());
        var w = Vector<double>.Build.Dense(p, j => j + 1.0);
        // A loop, not Vector.Build.Dense(n, init): that init runs in parallel for large n (conventions, Randomness).
        var noiseValues = new double[n];
        for (int i = 0; i < n; i++) noiseValues[i] = 0.1 * rng.NextGaussian();
        var noise = Vector<double>.Build.DenseOfArray(noiseValues);
        return (x, x * w + 0.5 + noise);
    }

    /// <summary>Eigenvalues of a symmetric matrix, ascending.</summary>
    public static double[] SymmetricEigenvalues(Matrix<double> a) =>
        a.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).OrderBy(v => v).ToArray();
}
