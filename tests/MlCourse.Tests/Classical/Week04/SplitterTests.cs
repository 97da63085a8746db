using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;

namespace MlCourse.Tests.Classical.Week04;

public class SplitterTests
{
    private static Vector<double> Zeros(int n) => Vector<double>.Build.Dense(n);

    private static void AssertSameFolds(JsonElement expected, IReadOnlyList<Fold> actual)
    {
        var folds = expected.EnumerateArray().ToArray();
        Assert.Equal(folds.Length, actual.Count);
        for (int f = 0; f < folds.Length; f++)
        {
            Assert.Equal(folds[f].Ints("train"), actual[f].TrainIndices);
            Assert.Equal(folds[f].Ints("test"), actual[f].TestIndices);
        }
    }

    private static void AssertPartition(IReadOnlyList<Fold> folds, int n)
    {
        // Every row is tested exactly once, and never trained on in its own fold.
        Assert.Equal(Enumerable.Range(0, n), folds.SelectMany(f => f.TestIndices).Order());
        foreach (var f in folds)
        {
            Assert.Empty(f.TrainIndices.Intersect(f.TestIndices));
            Assert.Equal(n, f.TrainIndices.Count + f.TestIndices.Count);
        }
    }

    [Fact]
    public void KFold_without_shuffling_matches_scikit_learn()
    {
        // Expected: KFold(3).split on 11 rows (fold sizes 4, 4, 3), recorded by tests/reference/week04_evaluation.py.
        AssertSameFolds(Week04Reference.Get("splitters").GetProperty("kfold_n11_k3"), new KFold(3).Split(Zeros(11)));
    }

    [Fact]
    public void Shuffled_KFold_is_a_seeded_partition()
    {
        var a = new KFold(4, shuffle: true, seed: 5).Split(Zeros(23));
        AssertPartition(a, 23);
        Assert.Equal([6, 6, 6, 5], a.Select(f => f.TestIndices.Count));
        Assert.Equal(a.Select(f => f.TestIndices), new KFold(4, shuffle: true, seed: 5).Split(Zeros(23)).Select(f => f.TestIndices));
        Assert.NotEqual(a[0].TestIndices, new KFold(4, shuffle: true, seed: 6).Split(Zeros(23))[0].TestIndices);
        Assert.NotEqual(a[0].TestIndices, new KFold(4).Split(Zeros(23))[0].TestIndices);
    }

    [Fact]
    public void StratifiedKFold_without_shuffling_matches_scikit_learn()
    {
        // Expected: StratifiedKFold(3).split on 16 labels whose first label is 2, recorded by the script.
        var s = Week04Reference.Get("splitters");
        AssertSameFolds(s.GetProperty("stratified_k3"), new StratifiedKFold(3).Split(s.Vector("stratified_y")));
    }

    [Fact]
    public void Shuffled_StratifiedKFold_keeps_each_class_share_in_every_fold()
    {
        // 100 rows, 10% positives: each of 5 folds must get exactly 2 positives (plain k-fold on sorted
        // labels would put all 10 in one fold).
        var y = Vector<double>.Build.Dense(100, i => i >= 90 ? 1 : 0);
        var folds = new StratifiedKFold(5, shuffle: true, seed: 1).Split(y);
        AssertPartition(folds, 100);
        Assert.All(folds, f => Assert.Equal(2, f.TestIndices.Count(i => y[i] == 1)));
        Assert.Equal(folds.Select(f => f.TestIndices), new StratifiedKFold(5, shuffle: true, seed: 1).Split(y).Select(f => f.TestIndices));
        Assert.Contains(new KFold(5).Split(y), f => f.TestIndices.Count(i => y[i] == 1) == 10);
    }

    [Fact]
    public void StratifiedKFold_with_more_folds_than_any_class_has_members_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new StratifiedKFold(4).Split(Vector<double>.Build.DenseOfArray([0, 0, 1, 1, 1])));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("greater than the number of samples in every class", e.Message);
    }

    [Theory]
    [InlineData("timeseries_n13_k4", 13, 4, null, 0, null)]
    [InlineData("timeseries_n20_k3_gap2_test3_max6", 20, 3, 3, 2, 6)]
    public void TimeSeriesSplit_matches_scikit_learn(string name, int n, int splits, int? testSize, int gap, int? maxTrain)
    {
        // Expected: TimeSeriesSplit(...).split, recorded by the script.
        AssertSameFolds(Week04Reference.Get("splitters").GetProperty(name), new TimeSeriesSplit(splits, testSize, gap, maxTrain).Split(Zeros(n)));
    }

    [Theory]
    [InlineData(50, 5, 0)]
    [InlineData(37, 3, 4)]
    public void TimeSeriesSplit_never_trains_on_the_future(int n, int splits, int gap)
    {
        foreach (var fold in new TimeSeriesSplit(splits, gap: gap).Split(Zeros(n)))
        {
            Assert.NotEmpty(fold.TrainIndices);
            Assert.True(fold.TrainIndices.Max() + gap < fold.TestIndices.Min(),
                $"train ends at {fold.TrainIndices.Max()}, test starts at {fold.TestIndices.Min()}, gap {gap}");
        }
    }

    [Fact]
    public void Splitters_reject_impossible_settings_naming_the_argument()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new KFold(5).Split(Zeros(4))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(5).Split(Zeros(5))).ParamName);
        Assert.Equal("gap", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(3, gap: -1)).ParamName);
    }
}
