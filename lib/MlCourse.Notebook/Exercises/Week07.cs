using MlCourse.Core.Validation;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Decomposition;
using MlCourse.Core.Metrics;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Checkers for the exercises of week 7 (week07-unsupervised.ipynb, section 13 "Exercises"). Each takes the learner's
/// function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>. Reference solutions:
/// <see cref="Week07Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from hand computations (in the comments) and from the course library (Pca, ClusteringMetrics),
/// which is itself tested against scikit-learn 1.2.1; seeded random cases catch answers right only on the hand cases.
/// </remarks>
public static class Week07
{
    /// <summary>Exercise 1: explained-variance ratio of every principal component, largest first.</summary>
    public static CheckResult CheckExplainedVarianceRatio(Func<Matrix<double>, double[]> ratios)
    {
        Guard.NotNull(ratios, nameof(ratios));
        return Exercise.Check("Exercise 1: explained variance ratio", c =>
        {
            // By hand: points (±3, 0) and (0, ±1), already centred, axes uncorrelated: variances 18/3 = 6 and 2/3,
            // ratios 6/(6 + 2/3) = 0.9 and 0.1. Shifted by (10, −5) so that forgetting to centre changes the answer.
            c.Given("x = (13, −5), (7, −5), (10, −4), (10, −6)");
            var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 13, -5 }, { 7, -5 }, { 10, -4 }, { 10, -6 } });
            var r = ratios(x.Clone());
            if (c.True("an array was returned", r is not null))
                c.Close("ratios", r!, [0.9, 0.1], 1e-9);
            // Seeded correlated data with columns of very different scale: compare with the library's PCA.
            var rng = Seeded.Random(707);
            foreach (var (n, p) in new[] { (40, 3), (25, 6), (5, 8) })
            {
                var mix = Matrix<double>.Build.Dense(p, p, (i, j) => i >= j ? 1.0 + i - j : 0.0);
                var raw = Matrix<double>.Build.Dense(n, p, (_, _) => 0.0);
                for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) raw[i, j] = rng.NextGaussian() * (j + 1) + 3 * j;
                var data = raw * mix;
                c.Given($"{n} x {p} seeded correlated data (min(n, p) = {Math.Min(n, p)} ratios expected)");
                r = ratios(data.Clone());
                if (!c.True("an array was returned", r is not null)) continue;
                var expected = new Pca().Fit(data).ExplainedVarianceRatio.ToArray();
                if (c.Equal("number of ratios", r!.Length, expected.Length))
                    c.Close("ratios, largest first", r, expected, 1e-8);
            }
        });
    }

    /// <summary>Exercise 2: k-means++ probability of picking each point next, D(x)² / Σ D².</summary>
    public static CheckResult CheckPlusPlusProbabilities(Func<double[][], double[][], double[]> probabilities)
    {
        Guard.NotNull(probabilities, nameof(probabilities));
        return Exercise.Check("Exercise 2: k-means++ sampling probabilities", c =>
        {
            // By hand: points 0, 1, 3 on a line, centre at 0: D² = 0, 1, 9, total 10 → 0, 0.1, 0.9.
            c.Given("points 0, 1, 3 (1-D); chosen centre 0");
            var r = probabilities([[0], [1], [3]], [[0]]);
            if (c.True("an array was returned", r is not null))
                c.Close("probabilities", r!, [0, 0.1, 0.9], 1e-12);
            // Two centres: the nearest one counts. Points (0,0), (1,0), (4,0), (6,0); centres (0,0), (5,0):
            // D² = 0, 1, 1, 1 → 0, 1/3, 1/3, 1/3.
            c.Given("points (0,0), (1,0), (4,0), (6,0); centres (0,0), (5,0)");
            r = probabilities([[0, 0], [1, 0], [4, 0], [6, 0]], [[0, 0], [5, 0]]);
            if (c.True("an array was returned", r is not null))
                c.Close("probabilities (distance to the nearest centre)", r!, [0, 1.0 / 3, 1.0 / 3, 1.0 / 3], 1e-12);
            // Seeded 3-D points and two centres taken among them: against the definition.
            var rng = Seeded.Random(77);
            var points = Enumerable.Range(0, 30).Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian(), 2 * rng.NextGaussian() }).ToArray();
            var centres = new[] { points[3], points[17] };
            var d2 = points.Select(pt => centres.Min(ct => pt.Zip(ct, (a, b) => (a - b) * (a - b)).Sum())).ToArray();
            c.Given("30 seeded points in 3-D, centres = points 3 and 17");
            r = probabilities(points.Select(pt => (double[])pt.Clone()).ToArray(), centres.Select(ct => (double[])ct.Clone()).ToArray());
            if (c.True("an array was returned", r is not null))
            {
                c.Close("probabilities", r!, d2.Select(v => v / d2.Sum()).ToArray(), 1e-12);
                c.Close("they sum to 1", r!.Sum(), 1.0, 1e-12);
            }
        });
    }

    /// <summary>Exercise 3: silhouette of every point (0 for a point alone in its cluster).</summary>
    public static CheckResult CheckSilhouetteSamples(Func<double[][], int[], double[]> silhouette)
    {
        Guard.NotNull(silhouette, nameof(silhouette));
        return Exercise.Check("Exercise 3: silhouette samples", c =>
        {
            // By hand (1-D): 0 and 1 in cluster 0, 5 alone in cluster 1. x = 0: a = 1, b = 5, s = 4/5. x = 1: a = 1,
            // b = 4, s = 3/4. x = 5: alone, s = 0.
            c.Given("points 0, 1, 5; labels 0, 0, 1");
            var r = silhouette([[0], [1], [5]], [0, 0, 1]);
            if (c.True("an array was returned", r is not null))
                c.Close("silhouettes", r!, [0.8, 0.75, 0.0], 1e-12);
            // By hand: 0, 2 in cluster 0 and 3, 4 in cluster 1 (labels not sorted, not 0-based). x = 2: a = 2,
            // b = mean(1, 2) = 1.5, s = (1.5 − 2)/2 = −0.25 (closer to the other cluster: negative).
            c.Given("points 0, 3, 2, 4; labels 7, 9, 7, 9");
            r = silhouette([[0], [3], [2], [4]], [7, 9, 7, 9]);
            if (c.True("an array was returned", r is not null) && c.Equal("length", r!.Length, 4))
            {
                c.Close("silhouette of x = 2", r[2], -0.25, 1e-12);
                // x = 0: a = 2, b = 3.5 → 1.5/3.5. x = 3: a = 1, b = 2 → 0.5. x = 4: a = 1, b = 3 → 2/3.
                c.Close("silhouettes", r, [1.5 / 3.5, 0.5, -0.25, 2.0 / 3], 1e-12);
            }
            // Three seeded 2-D clusters: against the library (tested against scikit-learn).
            var rng = Seeded.Random(3);
            var pts = Enumerable.Range(0, 45).Select(i => new[] { 3.0 * (i % 3) + rng.NextGaussian(), 2.0 * (i % 3 == 1 ? 1 : 0) + rng.NextGaussian() }).ToArray();
            var labels = Enumerable.Range(0, 45).Select(i => i % 3).ToArray();
            c.Given("45 seeded 2-D points in 3 overlapping clusters");
            r = silhouette(pts.Select(pt => (double[])pt.Clone()).ToArray(), (int[])labels.Clone());
            if (c.True("an array was returned", r is not null))
                c.Close("silhouettes", r!, ClusteringMetrics.SilhouetteSamples(Matrix<double>.Build.DenseOfRowArrays(pts), labels), 1e-10);
        });
    }
}
