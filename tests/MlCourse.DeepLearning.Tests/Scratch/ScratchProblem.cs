using MlCourse.Core.Randomness;

namespace MlCourse.DeepLearning.Tests.Scratch;

/// <summary>Seeded random classification data as plain arrays, for the scratch-network tests.</summary>
internal static class ScratchProblem
{
    /// <summary>x (n, inputs) row-major with N(0, 1) entries and labels drawn uniformly from 0..classes−1.</summary>
    public static (double[] X, int[] Y) Random(int n, int inputs, int classes, int seed)
    {
        var rng = Seeded.Random(seed);
        var x = Enumerable.Range(0, n * inputs).Select(_ => rng.NextGaussian()).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => rng.Next(classes)).ToArray();
        return (x, y);
    }
}
