using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Imputation;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;
using static MlCourse.Tests.Classical.Preprocessing.Week08Reference;

namespace MlCourse.Tests.Classical.Imputation;

public class ImputationTests
{
    private static readonly System.Text.Json.JsonElement I = Section("imputers");
    private static Matrix<double> Train => Matrix(I, "train");
    private static Matrix<double> Test => Matrix(I, "test");

    [Theory]
    [InlineData(ImputeStrategy.Mean, "mean")]
    [InlineData(ImputeStrategy.Median, "median")]
    [InlineData(ImputeStrategy.MostFrequent, "most_frequent")]
    public void Simple_imputer_matches_scikit_learn(ImputeStrategy strategy, string name)
    {
        // Expected: SimpleImputer(strategy=name) fitted on 40x4 with ~20% NaN, applied to 6 test rows; recorded by week08_features.py.
        var imputer = new SimpleImputer(strategy).Fit(Train);
        Expect.Close(Vector(I, $"simple_{name}_statistics"), imputer.Statistics, 1e-12);
        Expect.Close(Matrix(I, $"simple_{name}_test"), imputer.Transform(Test), 1e-12);
    }

    [Fact]
    public void Simple_imputer_with_a_constant_matches_scikit_learn()
    {
        Expect.Close(Matrix(I, "simple_constant_test"), new SimpleImputer(ImputeStrategy.Constant, -7.5).Fit(Train).Transform(Test), 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Knn_imputer_matches_scikit_learn_on_training_and_new_rows(int k)
    {
        // Expected: KNNImputer(n_neighbors=k) (uniform weights, nan_euclidean), recorded by week08_features.py.
        var imputer = new KnnImputer(k).Fit(Train);
        Expect.Close(Matrix(I, $"knn{k}_train"), imputer.Transform(Train), 1e-12);
        Expect.Close(Matrix(I, $"knn{k}_test"), imputer.Transform(Test), 1e-12);
    }

    [Fact]
    public void Nan_euclidean_distance_scales_up_for_missing_coordinates()
    {
        // By hand: a = (1, NaN, 3, 4), b = (2, 5, NaN, 6): present coordinates 0 and 3, squared distance 1 + 4 = 5,
        // scaled by 4/2: sqrt(10).
        var a = Vector<double>.Build.DenseOfArray([1, double.NaN, 3, 4]);
        var b = Vector<double>.Build.DenseOfArray([2, 5, double.NaN, 6]);
        Assert.Equal(Math.Sqrt(10), KnnImputer.NanEuclidean(a, b), 14);
    }

    [Fact]
    public void Imputers_reject_an_all_missing_column_infinities_and_a_wrong_column_count()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, double.NaN }, { 2, double.NaN } });
        var e = Assert.Throws<ArgumentException>("x", () => new SimpleImputer().Fit(x));
        Assert.Contains("Column 1 of x is entirely missing", e.Message);
        Assert.Throws<ArgumentException>("x", () => new KnnImputer().Fit(x));
        Assert.Throws<ArgumentException>("x", () => new IterativeImputer().Fit(x));
        var inf = Train.Clone(); inf[0, 0] = double.PositiveInfinity;
        Assert.Throws<ArgumentException>("x", () => new SimpleImputer().Fit(inf));
        Assert.Throws<ArgumentException>("x", () => new SimpleImputer().Fit(Train).Transform(Matrix<double>.Build.Dense(2, 3)));
    }

    [Fact]
    public void Iterative_imputer_recovers_an_exact_linear_relation_that_mean_imputation_misses()
    {
        // Column 2 = 2·col0 − col1 exactly; delete 30% of column 2. Chained equations with a tiny ridge penalty
        // recover the missing entries almost exactly; the column mean is off by about the column's spread.
        var rng = Seeded.Random(4);
        var full = Matrix<double>.Build.Dense(200, 3);
        for (int i = 0; i < 200; i++) { full[i, 0] = rng.NextGaussian(); full[i, 1] = rng.NextGaussian(); full[i, 2] = 2 * full[i, 0] - full[i, 1]; }
        var holes = MissingnessSimulation.Apply(full, 2, MissingMechanism.Mcar, 0.3, seed: 1);
        var missingRows = Enumerable.Range(0, 200).Where(i => double.IsNaN(holes[i, 2])).ToArray();
        Assert.InRange(missingRows.Length, 40, 80);
        var iterative = new IterativeImputer(iterations: 5, alpha: 1e-8).FitTransform(holes);
        var mean = new SimpleImputer().FitTransform(holes);
        double iterativeError = missingRows.Max(i => Math.Abs(iterative[i, 2] - full[i, 2]));
        double meanError = missingRows.Average(i => Math.Abs(mean[i, 2] - full[i, 2]));
        Assert.True(iterativeError < 1e-6, $"iterative max error {iterativeError}");
        Assert.True(meanError > 1, $"mean imputation error {meanError}");
    }

    [Fact]
    public void Posterior_sampling_gives_different_draws_per_seed_and_the_same_draw_for_the_same_seed()
    {
        var (x, _) = Data.Synthetic(60, 3, 2);
        var holes = MissingnessSimulation.Apply(x, 0, MissingMechanism.Mcar, 0.3, seed: 2);
        var a = new IterativeImputer(3, samplePosterior: true, seed: 1).FitTransform(holes);
        var b = new IterativeImputer(3, samplePosterior: true, seed: 1).FitTransform(holes);
        var c = new IterativeImputer(3, samplePosterior: true, seed: 2).FitTransform(holes);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Observed entries are never changed.
        for (int i = 0; i < x.RowCount; i++) if (!double.IsNaN(holes[i, 0])) Assert.Equal(x[i, 0], c[i, 0]);
    }

    [Fact]
    public void Rubins_rules_pool_as_computed_by_hand()
    {
        // By hand: estimates 10, 12, 14 -> Q̄ = 12, B = (4 + 0 + 4)/2 = 4; variances 1, 2, 3 -> W = 2;
        // T = 2 + (4/3)·4 = 22/3; r = (16/3)/2 = 8/3; ν = 2·(1 + 3/8)² = 2·(121/64) = 121/32.
        var pooled = RubinsRules.Pool([10, 12, 14], [1, 2, 3]);
        Assert.Equal(12, pooled.Estimate, 12);
        Assert.Equal(2, pooled.Within, 12);
        Assert.Equal(4, pooled.Between, 12);
        Assert.Equal(22.0 / 3, pooled.Total, 12);
        Assert.Equal(121.0 / 32, pooled.DegreesOfFreedom, 12);
        Assert.Equal((16.0 / 3) / (22.0 / 3), pooled.FractionMissingInformation, 12);
        Assert.Throws<ArgumentException>("estimates", () => RubinsRules.Pool([1], [1]));
        Assert.Throws<ArgumentOutOfRangeException>("variances", () => RubinsRules.Pool([1, 2], [1, -1]));
    }

    [Fact]
    public void Missingness_mechanisms_bias_the_complete_case_mean_as_theory_says()
    {
        // Column 0 and column 1 positively correlated (col1 = col0 + noise). Over 200 seeds, the complete-case mean
        // of column 0: MCAR unbiased; MAR (driven by column 1) and MNAR (by column 0 itself) drop large values more
        // often, so the mean is biased downwards, MNAR most.
        var rng = Seeded.Random(9);
        var x = Matrix<double>.Build.Dense(500, 2);
        for (int i = 0; i < 500; i++) { x[i, 0] = rng.NextGaussian(); x[i, 1] = x[i, 0] + 0.5 * rng.NextGaussian(); }
        double truth = x.Column(0).Average();
        double Bias(MissingMechanism m) => Enumerable.Range(0, 200).Average(s =>
            MissingnessSimulation.Apply(x, 0, m, 0.4, driver: 1, seed: s).Column(0).Where(v => !double.IsNaN(v)).Average() - truth);
        double mcar = Bias(MissingMechanism.Mcar), mar = Bias(MissingMechanism.Mar), mnar = Bias(MissingMechanism.Mnar);
        Assert.True(Math.Abs(mcar) < 0.01, $"MCAR bias {mcar}");
        Assert.True(mar < -0.1, $"MAR bias {mar}");
        Assert.True(mnar < mar, $"MNAR bias {mnar} vs MAR {mar}");
        Assert.Throws<ArgumentException>("driver", () => MissingnessSimulation.Apply(x, 0, MissingMechanism.Mar, 0.2, driver: 0));
    }
}
