namespace MlCourse.DeepLearning.Exercises;

/// <summary>Reference solutions for <see cref="Week11Scaling"/> (plain arrays, BCL only).</summary>
public static class Week11ScalingSolutions
{
    /// <summary>One factor for every entry of every parameter: min(1, maxNorm / ‖g‖₂), so the direction is kept.</summary>
    public static double[][] ClipByNorm(double[][] gradients, double maxNorm)
    {
        double norm = Math.Sqrt(gradients.Sum(g => g.Sum(v => v * v)));
        double factor = norm > maxNorm ? maxNorm / norm : 1.0;
        return gradients.Select(g => g.Select(v => v * factor).ToArray()).ToArray();
    }

    public static double Warmup(int step, int warmupSteps, double peak) =>
        step < warmupSteps ? peak * (step + 1) / warmupSteps : peak;

    /// <summary>Σ_w n_w·g_w / Σ_w n_w: each worker's mean turned back into a sum, then divided by the whole count.</summary>
    public static double[] AllReduce(double[][] gradients, int[] shardSizes)
    {
        int total = shardSizes.Sum();
        var combined = new double[gradients[0].Length];
        for (int w = 0; w < gradients.Length; w++)
            for (int i = 0; i < combined.Length; i++)
                combined[i] += gradients[w][i] * shardSizes[w] / total;
        return combined;
    }
}
