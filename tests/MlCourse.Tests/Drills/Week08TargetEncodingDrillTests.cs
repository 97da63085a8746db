using Drills.Week08;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Drills;

public class Week08TargetEncodingDrillTests
{
    [Fact]
    public void Drill_new_row_encoding_matches_the_library_target_encoder()
    {
        // The library's TargetEncoder (hand-checked in TargetEncoderTests) on the same data with codes for the strings.
        var rng = Seeded.Random(3);
        var cats = Enumerable.Range(0, 120).Select(_ => rng.Next(15)).ToArray();
        var y = Enumerable.Range(0, 120).Select(_ => rng.NextGaussian()).ToArray();
        var encoder = new TargetEncoder(smoothing: 3).Fit(Matrix<double>.Build.DenseOfColumnArrays(cats.Select(c => (double)c).ToArray()), Vector<double>.Build.DenseOfArray(y));
        var fresh = Enumerable.Range(0, 20).ToArray();                          // codes 15..19 are unseen
        var expected = encoder.Transform(Matrix<double>.Build.DenseOfColumnArrays(fresh.Select(c => (double)c).ToArray())).Column(0).ToArray();
        var actual = TargetEncodingDrill.Transform(cats.Select(c => "c" + c).ToArray(), y, 3, fresh.Select(c => "c" + c).ToArray());
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Drill_out_of_fold_encoding_matches_the_library_with_the_same_folds()
    {
        // Fold of row i = i % k, built as a Fold list; each fold's rows are encoded by a TargetEncoder fitted on the others.
        var rng = Seeded.Random(4);
        int n = 90, k = 4;
        var cats = Enumerable.Range(0, n).Select(_ => rng.Next(12)).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (double)rng.Next(2)).ToArray();
        var drill = TargetEncodingDrill.OutOfFold(cats.Select(c => "c" + c).ToArray(), y, k, 2);
        for (int fold = 0; fold < k; fold++)
        {
            var train = Enumerable.Range(0, n).Where(i => i % k != fold).ToArray();
            var encoder = new TargetEncoder(smoothing: 2).Fit(
                Matrix<double>.Build.DenseOfColumnArrays(train.Select(i => (double)cats[i]).ToArray()),
                Vector<double>.Build.DenseOfEnumerable(train.Select(i => y[i])));
            for (int i = fold; i < n; i += k)
                Assert.Equal(encoder.Transform(Matrix<double>.Build.Dense(1, 1, cats[i]))[0, 0], drill[i], 12);
        }
    }

    [Fact]
    public void Drill_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => TargetEncodingDrill.OutOfFold(["a", "b"], [1, 0], 1, 0));
        Assert.Throws<ArgumentException>(() => TargetEncodingDrill.OutOfFold(["a", "b"], [1, 0], 2, -1));
        Assert.Throws<ArgumentException>(() => TargetEncodingDrill.Transform(["a"], [1, 0], 1, ["a"]));
    }
}
