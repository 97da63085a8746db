using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.ModelSelection;

public class TrainTestSplitTests
{
    [Fact]
    public void The_split_partitions_the_rows_with_a_ceiling_sized_test_set()
    {
        var (x, y) = Data.DiabetesRaw();
        var split = TrainTestSplit.Split(x, y, testFraction: 0.25, seed: 0);
        // ⌈0.25 · 442⌉ = 111 test rows (scikit-learn's rule), 331 training rows.
        Assert.Equal(111, split.XTest.RowCount);
        Assert.Equal(331, split.XTrain.RowCount);
        Assert.Equal(111, split.yTest.Count);
        Assert.Equal(Enumerable.Range(0, 442), split.TrainIndices.Concat(split.TestIndices).Order());
        for (int k = 0; k < split.TestIndices.Count; k++)
        {
            Assert.Equal(x.Row(split.TestIndices[k]).ToArray(), split.XTest.Row(k).ToArray());
            Assert.Equal(y[split.TestIndices[k]], split.yTest[k]);
        }
        for (int k = 0; k < split.TrainIndices.Count; k++)
            Assert.Equal(y[split.TrainIndices[k]], split.yTrain[k]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        var (x, y) = Data.Synthetic(n: 50);
        var a = TrainTestSplit.Split(x, y, 0.2, seed: 5);
        var b = TrainTestSplit.Split(x, y, 0.2, seed: 5);
        var c = TrainTestSplit.Split(x, y, 0.2, seed: 6);
        Assert.Equal(a.TestIndices, b.TestIndices);
        Assert.NotEqual(a.TestIndices, c.TestIndices);
    }

    [Fact]
    public void Without_shuffling_the_last_rows_are_the_test_set()
    {
        var (x, y) = Data.Synthetic(n: 10);
        var split = TrainTestSplit.Split(x, y, 0.3, shuffle: false);
        Assert.Equal(new[] { 7, 8, 9 }, split.TestIndices);
        Assert.Equal(Enumerable.Range(0, 7), split.TrainIndices);
    }

    [Fact]
    public void The_inputs_are_not_modified_and_the_parts_are_copies()
    {
        var (x, y) = Data.Synthetic(n: 10);
        var xCopy = x.Clone();
        var split = TrainTestSplit.Split(x, y, 0.5);
        split.XTrain[0, 0] = 1e6;
        Assert.Equal(xCopy.ToArray(), x.ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_test_fraction_outside_zero_one_is_rejected(double fraction)
    {
        var (x, y) = Data.Synthetic(n: 10);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TrainTestSplit.Split(x, y, fraction));
        Assert.Equal("testFraction", error.ParamName);
        Assert.Contains("strictly between 0 and 1", error.Message);
    }

    [Fact]
    public void A_fraction_that_leaves_no_training_rows_is_rejected()
    {
        // ⌈0.9 · 3⌉ = 3 test rows out of 3.
        var (x, y) = Data.Synthetic(n: 3);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TrainTestSplit.Split(x, y, 0.9));
        Assert.Contains("none in the training set", error.Message);
    }

    [Fact]
    public void Mismatched_or_empty_data_is_rejected_naming_the_argument()
    {
        var (x, y) = Data.Synthetic(n: 10);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => TrainTestSplit.Split(x, y.SubVector(0, 9))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => TrainTestSplit.Split(Matrix<double>.Build.Dense(0, 3), Vector<double>.Build.Dense(0))).ParamName);
    }
}
