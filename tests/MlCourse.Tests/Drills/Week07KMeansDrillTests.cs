using Drills.Week07;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Core.Data;

namespace MlCourse.Tests.Drills;

public class Week07KMeansDrillTests
{
    private static double[][] Rows(Matrix<double> x) => Enumerable.Range(0, x.RowCount).Select(i => x.Row(i).ToArray()).ToArray();

    [Fact]
    public void Drill_Lloyd_matches_the_library_from_the_same_initial_centres()
    {
        // The library's KMeans.Fit(x, init) matches scikit-learn's Lloyd exactly (KMeansTests); the drill must agree with it.
        var x = Datasets.Digits().X.SubMatrix(0, 400, 0, 64);
        var init = x.SubMatrix(0, 8, 0, 64);
        var library = new KMeans(8, maxIter: 300, tol: 0).Fit(x, init);
        var drill = KMeansDrill.Lloyd(Rows(x), Rows(init), maxIter: 300);
        Assert.Equal(library.Labels, drill.Labels);
        Assert.Equal(library.Inertia, drill.Inertia, 1e-6);
    }

    [Fact]
    public void Drill_restarts_reach_the_library_quality_on_digits()
    {
        // Different random streams, so compare quality: within 2% of the library's best of 5 (both k-means++).
        var x = Datasets.Digits().X.SubMatrix(0, 400, 0, 64);
        double library = new KMeans(10, nInit: 5, seed: 1).Fit(x).Inertia;
        double drill = KMeansDrill.Fit(Rows(x), 10, nInit: 5, seed: 1).Inertia;
        Assert.True(drill <= library * 1.02, $"drill {drill} vs library {library}");
    }

    [Fact]
    public void Drill_plus_plus_draw_frequency_matches_d_squared()
    {
        // Points 0 and 1 (twice) and 3: with the first centre at a random row, P(second = 3) is the D² share. Exact value:
        // first = 0 (prob 1/4): D² = (0, 1, 1, 9) → 9/11; first = 1 (prob 1/2): D² = (1, 0, 0, 4) → 4/5; first = 3 (prob 1/4):
        // the second is never 3. Total = 9/44 + 2/5 = 0.6045...; 20,000 draws have a standard error of about 0.0035.
        double[][] x = [[0.0], [1.0], [1.0], [3.0]];
        var rng = new Random(9);
        int hits = 0;
        for (int t = 0; t < 20_000; t++)
        {
            var c = KMeansDrill.PlusPlusInit(x, 2, rng);
            if (c[0][0] != 3.0 && c[1][0] == 3.0) hits++;
        }
        Assert.Equal(9.0 / 44 + 2.0 / 5, hits / 20_000.0, 0.015);
    }
}
