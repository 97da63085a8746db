using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Tests.Classical.Decomposition;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Clustering;

public class KMeansTests
{
    [Fact]
    public void Lloyd_from_the_same_initial_centres_matches_scikit_learn_exactly()
    {
        // Expected: KMeans(10, init=X[:10], n_init=1, algorithm="lloyd") on digits, recorded by week07_unsupervised.py.
        var x = Week07Reference.Digits();
        var km = new KMeans(10).Fit(x, x.SubMatrix(0, 10, 0, 64));
        Assert.Equal(Week07Reference.Ints("kmeans", "labels"), km.Labels);
        Assert.Equal(Week07Reference.Get("kmeans").GetProperty("n_iter").GetInt32(), km.NIter);
        Expect.Close(Week07Reference.Get("kmeans").GetProperty("inertia").GetDouble(), km.Inertia, 1e-6);
        Expect.Close(Week07Reference.Matrix("kmeans", "centers"), km.ClusterCenters, 1e-9);
    }

    [Fact]
    public void Plus_plus_restarts_reach_an_inertia_comparable_to_scikit_learn()
    {
        // Expected: KMeans(10, n_init=10, random_state=0) inertia on digits, same script. Different random draws,
        // so only the quality is comparable: within 1% of scikit-learn's best of 10.
        double reference = Week07Reference.Get("kmeans").GetProperty("plusplus_inertia").GetDouble();
        var km = new KMeans(10, nInit: 10, seed: 0).Fit(Week07Reference.Digits());
        Assert.True(km.Inertia <= reference * 1.01, $"inertia {km.Inertia} vs scikit-learn {reference}");
    }

    [Fact]
    public void Inertia_is_the_sum_of_squared_distances_to_the_assigned_centres()
    {
        // Definition, by brute force on the fitted model.
        var (x, _) = ClusterData.Blobs(90, Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 5, 0 }, { 0, 5 } }), 0.7, seed: 1);
        var km = new KMeans(3, seed: 2).Fit(x);
        double sum = 0;
        var c = km.ClusterCenters;
        for (int i = 0; i < x.RowCount; i++) sum += (x.Row(i) - c.Row(km.Labels[i])).PointwisePower(2).Sum();
        Expect.Close(sum, km.Inertia, 1e-9);
        Assert.Equal(km.Labels, km.Predict(x));
        // Each centre is the mean of its points (the M-step's fixed point).
        for (int k = 0; k < 3; k++)
        {
            var members = Enumerable.Range(0, x.RowCount).Where(i => km.Labels[i] == k).ToArray();
            var mean = members.Aggregate(Vector<double>.Build.Dense(2), (acc, i) => acc + x.Row(i)) / members.Length;
            Expect.Close(mean, c.Row(k), 1e-9, $"centre {k}");
        }
    }

    [Fact]
    public void Well_separated_blobs_are_recovered_up_to_label_names()
    {
        var (x, y) = ClusterData.Blobs(120, Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 10, 0 }, { 0, 10 }, { 10, 10 } }), 0.5, seed: 4);
        Assert.True(Week07Reference.SamePartition(y, new KMeans(4, seed: 9).Fit(x).Labels));
    }

    [Fact]
    public void An_empty_cluster_is_moved_to_the_worst_served_point()
    {
        // Centre 2 starts far from every point, so the first E-step leaves it empty; a correct implementation
        // still returns 3 non-empty clusters (and never a NaN centre).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 0.1, 0 }, { 5, 5 }, { 5.1, 5 }, { 10, 0 }, { 10.1, 0 } });
        var init = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 7, 3 }, { 100, 100 } });
        var km = new KMeans(3).Fit(x, init);
        Assert.True(km.ClusterCenters.Enumerate().All(double.IsFinite));
        Assert.Equal(3, km.Labels.Distinct().Count());
    }

    [Fact]
    public void Plus_plus_seeding_picks_distinct_data_points()
    {
        var (x, _) = ClusterData.Blobs(60, Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 8, 8 }, { -8, 8 } }), 1.0, seed: 3);
        var c = KMeans.KMeansPlusPlus(x, 3, seed: 1);
        for (int k = 0; k < 3; k++)
            Assert.Contains(Enumerable.Range(0, 60), i => (x.Row(i) - c.Row(k)).L2Norm() == 0);
        Assert.Equal(3, Enumerable.Range(0, 3).Select(k => string.Join(",", c.Row(k))).Distinct().Count());
    }

    [Fact]
    public void Same_seed_same_result()
    {
        var x = Week07Reference.Digits().SubMatrix(0, 300, 0, 64);
        Assert.Equal(new KMeans(5, nInit: 3, seed: 8).Fit(x).Labels, new KMeans(5, nInit: 3, seed: 8).Fit(x).Labels);
    }

    [Fact]
    public void Rejects_more_clusters_than_samples_and_bad_hyper_parameters()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(5).Fit(Matrix<double>.Build.Dense(3, 2, 1.0)));
        Assert.Contains("only 3 rows", ex.Message);
        Assert.Equal("K", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2, nInit: 0));
        Assert.Throws<MlCourse.Core.Validation.NotFittedException>(() => new KMeans(2).Labels);
        var wrongInit = Assert.Throws<ArgumentException>(() => new KMeans(2).Fit(Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(3, 2)));
        Assert.Contains("2x2", wrongInit.Message);
    }
}
