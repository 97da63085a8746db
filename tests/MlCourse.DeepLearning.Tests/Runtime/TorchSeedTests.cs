using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Runtime;

public sealed class TorchSeedTests
{
    [Fact]
    public void The_same_seed_gives_the_same_weights_and_draws_and_another_seed_differs()
    {
        var (w1, r1, c1) = Draw(7);
        var (w2, r2, c2) = Draw(7);
        var (w3, r3, c3) = Draw(8);
        Assert.Equal(w1, w2);
        Assert.Equal(r1, r2);
        Assert.Equal(c1, c2);
        Assert.NotEqual(w1, w3);
        Assert.NotEqual(r1, r3);
        Assert.NotEqual(c1, c3);
    }

    [Fact]
    public void Derived_seeds_differ_for_neighbouring_indices_and_repeat_for_the_same_one()
    {
        var seeds = Enumerable.Range(0, 1000).Select(i => TorchSeed.Derive(42, i)).ToArray();
        Assert.Equal(1000, seeds.Distinct().Count());
        Assert.Equal(seeds[17], TorchSeed.Derive(42, 17));
        Assert.NotEqual(TorchSeed.Derive(42, 17), TorchSeed.Derive(43, 17));
        Assert.All(seeds, s => Assert.True(s >= 0));
    }

    private static (float[] Weights, float[] Randn, int CSharp) Draw(int seed)
    {
        var rng = TorchSeed.Seed(seed);
        using var layer = nn.Linear(4, 3);
        using var r = randn(5);
        return (layer.weight!.data<float>().ToArray(), r.data<float>().ToArray(), rng.Next());
    }
}
