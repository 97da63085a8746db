using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Core.Metrics;
using MlCourse.Tests.Classical.Decomposition;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Clustering;

public class DbscanAndScoresTests
{
    [Fact]
    public void Dbscan_labels_and_core_points_match_scikit_learn_on_moons_with_outliers()
    {
        // Expected: DBSCAN(eps=0.2, min_samples=5) on make_moons(200, noise=0.08, random_state=3) plus three
        // outliers, recorded by tests/reference/week07_unsupervised.py.
        var x = Week07Reference.Matrix("dbscan", "X");
        var db = new Dbscan(0.2, 5).Fit(x);
        Assert.Equal(Week07Reference.Ints("dbscan", "labels"), db.Labels);
        var core = Enumerable.Range(0, x.RowCount).Where(i => db.Kinds[i] == DbscanPointKind.Core).ToArray();
        Assert.Equal(Week07Reference.Ints("dbscan", "core_sample_indices"), core);
        // The three appended outliers are noise.
        Assert.All(new[] { 200, 201, 202 }, i => Assert.Equal(DbscanPointKind.Noise, db.Kinds[i]));
    }

    [Fact]
    public void Border_point_joins_a_cluster_without_extending_it()
    {
        // Hand-made: four points within 1 of each other (core with minSamples 4), one point at distance 0.9
        // of the last core point only (border), and one beyond it (noise, although within eps of the border point).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 0.5, 0 }, { 0, 0.5 }, { 0.5, 0.5 }, { 1.4, 0.5 }, { 2.2, 0.5 } });
        var db = new Dbscan(1.0, 4).Fit(x);
        Assert.Equal(new[] { 0, 0, 0, 0, 0, -1 }, db.Labels);
        Assert.Equal(DbscanPointKind.Border, db.Kinds[4]);
        Assert.Equal(DbscanPointKind.Noise, db.Kinds[5]);
        Assert.Equal(1, db.ClusterCount);
    }

    [Fact]
    public void Silhouette_and_davies_bouldin_match_scikit_learn()
    {
        // Expected: silhouette_score, silhouette_samples, davies_bouldin_score, same script.
        var x = Week07Reference.Matrix("scores", "X");
        var labels = Week07Reference.Ints("scores", "labels");
        Expect.Close(Week07Reference.Vector("scores", "silhouette_samples"),
            Vector<double>.Build.DenseOfArray(ClusteringMetrics.SilhouetteSamples(x, labels)), 1e-12);
        Expect.Close(Week07Reference.Get("scores").GetProperty("silhouette").GetDouble(), ClusteringMetrics.Silhouette(x, labels), 1e-12);
        Expect.Close(Week07Reference.Get("scores").GetProperty("davies_bouldin").GetDouble(), ClusteringMetrics.DaviesBouldin(x, labels), 1e-12);
    }

    [Fact]
    public void Noise_label_counts_as_one_more_group_as_in_scikit_learn()
    {
        // Expected: the same scores on the DBSCAN labels (with −1), same script.
        var x = Week07Reference.Matrix("dbscan", "X");
        var labels = Week07Reference.Ints("dbscan", "labels");
        Expect.Close(Week07Reference.Get("scores").GetProperty("dbscan_silhouette").GetDouble(), ClusteringMetrics.Silhouette(x, labels), 1e-12);
        Expect.Close(Week07Reference.Get("scores").GetProperty("dbscan_davies_bouldin").GetDouble(), ClusteringMetrics.DaviesBouldin(x, labels), 1e-12);
    }

    [Fact]
    public void Silhouette_of_a_hand_computed_case()
    {
        // Points 0, 1 (cluster A) and 5 (cluster B, alone): for x=0, a = 1, b = 5, s = 0.8; for x=1, a = 1, b = 4, s = 0.75;
        // the singleton gets 0 by convention. Mean = 1.55 / 3.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0 }, { 1 }, { 5 } });
        var s = ClusteringMetrics.SilhouetteSamples(x, [0, 0, 1]);
        Expect.Close(Vector<double>.Build.DenseOfArray([0.8, 0.75, 0.0]), Vector<double>.Build.DenseOfArray(s), 1e-15);
    }

    [Fact]
    public void Scores_reject_a_single_cluster_and_mismatched_labels()
    {
        var x = Matrix<double>.Build.Dense(4, 2, (i, j) => i + j);
        var one = Assert.Throws<ArgumentException>(() => ClusteringMetrics.Silhouette(x, [0, 0, 0, 0]));
        Assert.Contains("between 2 and n − 1", one.Message);
        var length = Assert.Throws<ArgumentException>(() => ClusteringMetrics.DaviesBouldin(x, [0, 1]));
        Assert.Contains("4 rows", length.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dbscan(0.0, 5));
    }

    [Fact]
    public void Gap_statistic_finds_three_blobs()
    {
        // Property of the method (Tibshirani et al. 2001): clear clusters give a gap peak at the true k.
        var (blobs, _) = ClusterData.Blobs(150, Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 6, 0 }, { 3, 5 } }), 0.7, seed: 2);
        var g = GapStatistic.Compute(blobs, 6, nReferences: 10, seed: 1);
        Assert.Equal(3, g.BestK);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, g.Ks);
        Expect.Close(g.ExpectedLogW[2] - g.LogW[2], g.Gap[2], 1e-12);
        Assert.True(g.Gap[2] > 0.5, $"gap at k = 3 is {g.Gap[2]}");
    }

    [Fact]
    public void Gap_statistic_on_uniform_noise_stays_within_a_few_standard_errors_of_zero()
    {
        // Uniform data are the null model itself, so E*[log W] − log W is simulation noise at every k. (The
        // one-standard-error rule then usually, not always, picks k = 1: with this draw it picks 2.) Bound: |Gap(k)| < 3 s(k).
        var rng = MlCourse.Core.Randomness.Seeded.Random(6);
        var uniform = Matrix<double>.Build.DenseOfArray(new double[150, 2].Fill(rng));
        var g = GapStatistic.Compute(uniform, 5, nReferences: 10, seed: 1);
        for (int k = 0; k < 5; k++) Assert.True(Math.Abs(g.Gap[k]) < 3 * g.S[k], $"k = {k + 1}: gap {g.Gap[k]}, s {g.S[k]}");
    }

    [Fact]
    public void One_standard_error_rule_takes_the_first_k_not_beaten_by_the_next()
    {
        // Hand case: Gap = (0.1, 0.5, 0.55, 0.9), s = 0.1 each. k=1: 0.1 ≥ 0.5 − 0.1? no. k=2: 0.5 ≥ 0.55 − 0.1 = 0.45? yes.
        Assert.Equal(2, GapStatistic.ChooseK([0.1, 0.5, 0.55, 0.9], [0.1, 0.1, 0.1, 0.1]));
        // Strictly increasing by more than s: no k qualifies, the largest tried is returned.
        Assert.Equal(3, GapStatistic.ChooseK([0.1, 0.5, 0.9], [0.1, 0.1, 0.1]));
        Assert.Throws<ArgumentException>(() => GapStatistic.ChooseK([0.1], [0.1, 0.2]));
    }
}

internal static class UniformFill
{
    public static double[,] Fill(this double[,] a, Random rng)
    {
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) a[i, j] = rng.NextDouble();
        return a;
    }
}
