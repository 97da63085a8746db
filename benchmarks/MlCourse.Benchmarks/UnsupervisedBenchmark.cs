using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Classical.Decomposition;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Benchmarks;

/// <summary>
/// Week 7's figures: k-means on digits (k = 10, k-means++ with n_init = 10, max_iter = 300, tol = 1e-4; and one Lloyd run
/// from the first 10 rows, the same work on both sides), PCA by the SVD on digits (1797 x 64) and on a 20000 x 100
/// Gaussian matrix. Counterpart: benchmarks/python/unsupervised.py.
/// </summary>
public sealed class UnsupervisedBenchmark : IBenchmark
{
    public string Name => "unsupervised";
    public string Description => "k-means digits k=10 (n_init 10 and one fixed-init Lloyd run); PCA digits 1797x64 and Gaussian 20000x100";

    public IEnumerable<BenchmarkRow> Run(BenchmarkOptions options)
    {
        var digits = Datasets.Digits().X;
        yield return Measure.Time("k-means digits k=10, k-means++ n_init=10", options, () =>
        {
            var km = new KMeans(10, nInit: 10, maxIter: 300, tol: 1e-4, seed: 0).Fit(digits);
            return $"inertia {km.Inertia:F0}";
        });
        var init = digits.SubMatrix(0, 10, 0, 64);
        yield return Measure.Time("k-means digits k=10, init = first 10 rows", options, () =>
        {
            var km = new KMeans(10, maxIter: 300, tol: 1e-4).Fit(digits, init);
            return $"inertia {km.Inertia:F0}, {km.NIter} iterations";
        });
        yield return Measure.Time("PCA digits 1797x64, all components", options, () =>
        {
            var pca = new Pca().Fit(digits);
            return $"first ratio {pca.ExplainedVarianceRatio[0]:F6}";
        });

        // Column j ~ N(0, (j + 1)²): explained-variance ratios are known in expectation, (j+1)² / Σ (i+1)².
        var rng = Seeded.Random(3);
        int n = 20_000, p = 100;
        var values = new double[n * p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < n; i++) values[j * n + i] = (j + 1) * rng.NextGaussian();
        var big = Matrix<double>.Build.Dense(n, p, values);
        yield return Measure.Time("PCA Gaussian 20000x100, fit + transform 10", options, () =>
        {
            var pca = new Pca(10);
            var z = pca.FitTransform(big);
            return $"top-10 ratio {pca.ExplainedVarianceRatio.Sum():F4}, scores {z.RowCount}x{z.ColumnCount}";
        });
    }
}
