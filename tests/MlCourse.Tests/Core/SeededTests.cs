using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Core;

public class SeededTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        var a = Seeded.Random(5);
        var b = Seeded.Random(5);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextDouble()), Enumerable.Range(0, 10).Select(_ => b.NextDouble()));
    }

    [Fact]
    public void Permutation_is_a_permutation_and_depends_on_the_seed()
    {
        var p = Seeded.Random(1).Permutation(100);
        Assert.Equal(Enumerable.Range(0, 100), p.Order());
        Assert.NotEqual(p, Seeded.Random(2).Permutation(100));
    }

    [Fact]
    public void Gaussian_draws_have_mean_zero_and_variance_one()
    {
        // 20 000 draws: standard error of the mean 0.007, of the variance √(2/20000) = 0.01; allow 4 of each.
        var rng = Seeded.Random(3);
        var z = Enumerable.Range(0, 20_000).Select(_ => rng.NextGaussian()).ToArray();
        double mean = z.Average();
        double variance = z.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.028, 0.028);
        Assert.InRange(variance, 0.96, 1.04);
    }
}
