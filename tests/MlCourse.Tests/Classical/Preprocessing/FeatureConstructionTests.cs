using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;
using static MlCourse.Tests.Classical.Preprocessing.Week08Reference;

namespace MlCourse.Tests.Classical.Preprocessing;

public class FeatureConstructionTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Interaction_only_polynomial_features_match_scikit_learn(int degree, bool bias)
    {
        // Expected: PolynomialFeatures(degree, interaction_only=True, include_bias=bias) on a 5x4 matrix: values,
        // powers_ and names, recorded by week08_features.py.
        var section = Section("interactions");
        var x = Matrix(section, "x");
        var expected = section.GetProperty($"degree{degree}_bias{(bias ? 1 : 0)}");
        var pf = new PolynomialFeatures(degree, bias, interactionOnly: true).Fit(x);
        Expect.Close(Matrix(expected, "values"), pf.Transform(x), 1e-12);
        Expect.Close(Matrix(expected, "powers"), Matrix<double>.Build.Dense(pf.Powers.GetLength(0), 4, (i, j) => pf.Powers[i, j]), 0);
        Assert.Equal(Strings(expected, "names"), pf.FeatureNames());
    }

    [Fact]
    public void Feature_hasher_matches_scikit_learn_signed_hashing()
    {
        // Expected: FeatureHasher(n_features=16, input_type="string", alternate_sign=True) on three token lists,
        // including non-ASCII tokens and lengths 1..5 (every MurmurHash3 tail case). Recorded by week08_features.py.
        var section = Section("hashing");
        var tokens = section.GetProperty("tokens").EnumerateArray().Select(r => (IReadOnlyList<string>)r.EnumerateArray().Select(t => t.GetString()!).ToArray()).ToArray();
        var z = new FeatureHasher(16).Transform(tokens);
        Expect.Close(Matrix(section, "values"), Matrix<double>.Build.DenseOfMatrix(z), 0);
    }

    [Fact]
    public void Murmur_hash_matches_the_published_test_vectors()
    {
        // MurmurHash3_x86_32 reference values (SMHasher test vectors): "" seed 0 -> 0, "" seed 1 -> 0x514E28B7,
        // "abc" seed 0 -> 0xB3DD93FA, "Hello, world!" seed 1234 -> 0xFAF6CDB3.
        Assert.Equal(0, FeatureHasher.MurmurHash3([], 0));
        Assert.Equal(unchecked((int)0x514E28B7u), FeatureHasher.MurmurHash3([], 1));
        Assert.Equal(unchecked((int)0xB3DD93FAu), FeatureHasher.MurmurHash3("abc"u8.ToArray(), 0));
        Assert.Equal(unchecked((int)0xFAF6CDB3u), FeatureHasher.MurmurHash3("Hello, world!"u8.ToArray(), 1234));
    }

    [Fact]
    public void Collision_rate_is_near_its_expectation_and_falls_with_more_buckets()
    {
        // Expectation for n tokens in m buckets: 1 − (1 − 1/m)^(n − 1). For n = 2000: m = 1024 -> 0.858,
        // m = 65536 -> 0.0301. A binomial-ish spread over 2000 tokens is about ±0.01 and ±0.004.
        var tokens = Enumerable.Range(0, 2000).Select(i => $"user={i}").ToArray();
        double small = new FeatureHasher(1024).CollisionRate(tokens), large = new FeatureHasher(65536).CollisionRate(tokens);
        Assert.InRange(small, 0.858 - 0.03, 0.858 + 0.03);
        Assert.InRange(large, 0.0301 - 0.012, 0.0301 + 0.012);
    }

    [Fact]
    public void Lag_and_rolling_features_use_only_past_values()
    {
        // By hand on x = 1, 2, 4, 8, 16: lag 1 = NaN, 1, 2, 4, 8; rolling mean of 2 = NaN, NaN, 1.5, 3, 6.
        var x = Vector<double>.Build.DenseOfArray([1, 2, 4, 8, 16]);
        Assert.Equal([double.NaN, 1, 2, 4, 8], TimeSeriesFeatures.Lag(x, 1).ToArray());
        Assert.Equal([double.NaN, double.NaN, 1.5, 3, 6], TimeSeriesFeatures.RollingMean(x, 2).ToArray());
        Assert.Equal(Math.Sqrt(((1 - 7.0 / 3) * (1 - 7.0 / 3) + (2 - 7.0 / 3) * (2 - 7.0 / 3) + (4 - 7.0 / 3) * (4 - 7.0 / 3)) / 3),
            TimeSeriesFeatures.RollingStd(x, 3)[3], 12);
    }

    [Fact]
    public void Changing_the_value_at_time_t_or_later_never_changes_a_feature_at_time_t()
    {
        // The no-leakage property, tested for every t: perturb x[t..] and compare all feature rows 0..t.
        var rng = MlCourse.Core.Randomness.Seeded.Random(8);
        var x = Vector<double>.Build.Dense(40, _ => rng.NextGaussian());
        int[] lags = [1, 2, 7], windows = [3, 5];
        var (features, names) = TimeSeriesFeatures.Build(x, lags, windows);
        Assert.Equal(["lag_1", "lag_2", "lag_7", "mean_3", "mean_5", "std_3", "std_5"], names);
        for (int t = 0; t < x.Count; t++)
        {
            var changed = x.Clone();
            for (int s = t; s < x.Count; s++) changed[s] += 100 + s;
            var (after, _) = TimeSeriesFeatures.Build(changed, lags, windows);
            for (int r = 0; r <= t; r++)
                for (int c = 0; c < features.ColumnCount; c++)
                    Assert.True(features[r, c].Equals(after[r, c]), $"feature {names[c]} at row {r} changed when x[{t}..] changed");
        }
        Assert.Equal(7, TimeSeriesFeatures.FirstCompleteRow(lags, windows));
        Assert.True(Enumerable.Range(0, features.ColumnCount).All(c => double.IsFinite(features[7, c])));
    }
}
