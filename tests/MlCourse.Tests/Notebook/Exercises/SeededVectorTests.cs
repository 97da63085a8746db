using MlCourse.Core.Randomness;
using MlCourse.Notebook.Exercises;

namespace MlCourse.Tests.Notebook.Exercises;

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
}
