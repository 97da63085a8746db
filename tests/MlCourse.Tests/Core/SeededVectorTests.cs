using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Core;

public class SeededVectorTests
{
    [Fact]
    public void A_large_seeded_vector_is_drawn_in_index_order_and_reruns_identically()
    {
        // 20000 entries is above the size where MathNet's Vector.Build.Dense(n, init) runs init in parallel.
        double[] Draw(int seed)
        {
            var rng = Seeded.Random(seed);
            return SeededVector.Draw(20000, rng.NextGaussian).ToArray();
        }
        var first = Draw(9);
        Assert.Equal(first, Draw(9));
        Assert.NotEqual(first, Draw(10));
        // Index order: entry i is the i-th draw of the generator.
        var reference = Seeded.Random(9);
        for (int i = 0; i < 100; i++) Assert.Equal(reference.NextGaussian(), first[i]);
    }

    [Fact]
    public void The_indexed_draw_passes_each_index_once_in_order_and_reruns_identically()
    {
        // A noisy target of row i, the shape a notebook uses: y[i] = f(x[i]) + noise from one shared Random.
        var x = Enumerable.Range(0, 20000).Select(i => 0.001 * i).ToArray();
        double[] Draw(int seed)
        {
            var rng = Seeded.Random(seed);
            return SeededVector.Draw(x.Length, i => Math.Sin(x[i]) + 0.3 * rng.NextGaussian()).ToArray();
        }
        var first = Draw(9);
        Assert.Equal(first, Draw(9));
        Assert.NotEqual(first, Draw(10));
        var reference = Seeded.Random(9);
        for (int i = 0; i < 100; i++) Assert.Equal(Math.Sin(x[i]) + 0.3 * reference.NextGaussian(), first[i]);

        var seen = new List<int>();
        SeededVector.Draw(5, i => { seen.Add(i); return 0.0; });
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public void A_negative_length_is_refused_with_its_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SeededVector.Draw(-1, () => 0.0));
        Assert.Equal("n", e.ParamName);
    }
}
