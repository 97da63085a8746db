namespace MlCourse.DeepLearning.Exercises;

/// <summary>Reference solutions to the exercises of week12-recurrent-networks.ipynb; the tests prove <see cref="Week12"/> accepts them.</summary>
public static class Week12Solutions
{
    /// <summary>Exercise 1. Σ_b Σ_(t &lt; ℓ_b) loss[b][t] / Σ_b ℓ_b: every real token weighs the same, pads not at all.</summary>
    public static double MaskedMean(double[][] losses, int[] lengths)
    {
        double sum = 0;
        long count = 0;
        for (int b = 0; b < losses.Length; b++)
        {
            for (int t = 0; t < lengths[b]; t++) sum += losses[b][t];
            count += lengths[b];
        }
        return sum / count;
    }

    /// <summary>Exercise 2. exp(−(1/N) Σ ln p_t): a mean of logs, so no product of small probabilities underflows.</summary>
    public static double Perplexity(double[] probabilities) => Math.Exp(-probabilities.Average(Math.Log));
}
