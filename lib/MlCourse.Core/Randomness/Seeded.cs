namespace MlCourse.Core.Randomness;

/// <summary>
/// The one way the course makes randomness: every random choice takes an integer seed and
/// builds its generator here, so a run is repeatable on any machine and .NET version
/// (System.Random with an explicit seed uses a fixed, documented algorithm).
/// </summary>
public static class Seeded
{
    /// <summary>The seed used when a notebook or test does not choose one.</summary>
    public const int DefaultSeed = 42;

    public static Random Random(int seed) => new(seed);

    /// <summary>Standard normal draw by Box-Muller (MathNet's samplers take a Random too, but this keeps the dependency explicit).</summary>
    public static double NextGaussian(this Random rng)
    {
        // 1 - U keeps the argument of the log in (0, 1], so the log is finite.
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher-Yates).</summary>
    public static int[] Permutation(this Random rng, int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
