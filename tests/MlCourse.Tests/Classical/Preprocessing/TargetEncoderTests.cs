using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Preprocessing;

public class TargetEncoderTests
{
    // Six rows: category 0 has y = 1, 3; category 1 has y = 5, 7, 9; category 2 has y = 0. Global mean = 25/6.
    private static readonly Matrix<double> X = Matrix<double>.Build.DenseOfColumnArrays(new double[] { 0, 0, 1, 1, 1, 2 });
    private static readonly Vector<double> Y = Vector<double>.Build.DenseOfArray([1, 3, 5, 7, 9, 0]);

    [Fact]
    public void Fit_learns_the_smoothed_category_means_computed_by_hand()
    {
        // By hand with m = 2 and ȳ = 25/6: enc(0) = (1 + 3 + 2·25/6)/(2 + 2) = (4 + 25/3)/4 = 37/12;
        // enc(1) = (21 + 25/3)/(3 + 2) = 88/15; enc(2) = (0 + 25/3)/(1 + 2) = 25/9. Unseen category 7 -> ȳ.
        var encoder = new TargetEncoder(smoothing: 2, folds: 2).Fit(X, Y);
        Assert.Equal(25.0 / 6, encoder.GlobalMean, 12);
        var z = encoder.Transform(Matrix<double>.Build.DenseOfColumnArrays(new double[] { 0, 1, 2, 7 }));
        Assert.Equal(37.0 / 12, z[0, 0], 12);
        Assert.Equal(88.0 / 15, z[1, 0], 12);
        Assert.Equal(25.0 / 9, z[2, 0], 12);
        Assert.Equal(25.0 / 6, z[3, 0], 12);
    }

    [Fact]
    public void Zero_smoothing_gives_the_raw_category_mean()
    {
        var encoder = new TargetEncoder(smoothing: 0).Fit(X, Y);
        Assert.Equal(2.0, encoder.Encodings(0)[0], 12);
        Assert.Equal(7.0, encoder.Encodings(0)[1], 12);
    }

    [Fact]
    public void Fit_transform_encodes_each_row_with_statistics_of_the_other_folds_only()
    {
        // Unshuffled 3-fold split of the 6 rows: folds {0,1}, {2,3}, {4,5}; m = 0, so encodings are plain means.
        // Rows {0,1} (category 0) from rows {2,3,4,5}: category 0 unseen -> their mean (5+7+9+0)/4 = 5.25.
        // Rows {2,3} (category 1) from rows {0,1,4,5}: category 1 seen once, y = 9 -> 9.
        // Rows {4,5} from rows {0,1,2,3}: category 1 mean (5+7)/2 = 6; category 2 unseen -> (1+3+5+7)/4 = 4.
        var encoder = new TargetEncoder(smoothing: 0, folds: 3, shuffle: false);
        var z = encoder.FitTransform(X, Y).Column(0).ToArray();
        Assert.Equal([5.25, 5.25, 9, 9, 6, 4], z);
    }

    [Fact]
    public void In_sample_encoding_of_a_random_id_column_leaks_while_out_of_fold_encoding_does_not()
    {
        // A column of 400 random ids among 200 values, independent of y: its true predictive value is nil. The in-sample
        // encoding correlates strongly with y (each row's own target is in its mean); the out-of-fold one does not.
        var rng = Seeded.Random(5);
        int n = 400;
        var ids = Matrix<double>.Build.Dense(n, 1, (_, _) => rng.Next(200));
        var y = Vector<double>.Build.Dense(n, _ => rng.NextGaussian());
        var inSample = new TargetEncoder(smoothing: 1).Fit(ids, y).Transform(ids).Column(0);
        var outOfFold = new TargetEncoder(smoothing: 1).FitTransform(ids, y).Column(0);
        double rIn = MathNet.Numerics.Statistics.Correlation.Pearson(inSample, y);
        double rOut = MathNet.Numerics.Statistics.Correlation.Pearson(outOfFold, y);
        Assert.True(rIn > 0.5, $"in-sample correlation {rIn}");
        Assert.True(Math.Abs(rOut) < 0.15, $"out-of-fold correlation {rOut}");
    }

    [Fact]
    public void Target_encoder_validates_its_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>("folds", () => new TargetEncoder(folds: 1));
        Assert.Throws<ArgumentOutOfRangeException>("smoothing", () => new TargetEncoder(smoothing: -1));
        Assert.Throws<ArgumentException>("y", () => new TargetEncoder().Fit(X, Vector<double>.Build.Dense(3)));
        // It needs y, so it offers no Fit(x) at all (before, it inherited one that could only throw).
        Assert.False(typeof(MlCourse.Core.Estimators.ITransformer).IsAssignableFrom(typeof(TargetEncoder)));
    }
}
