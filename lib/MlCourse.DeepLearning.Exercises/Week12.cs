using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Checkers for the exercises of week12-recurrent-networks.ipynb. Expected values are worked by hand (in the comments) or
/// computed here by a different route from the reference solutions (<see cref="Week12Solutions"/>).
/// </summary>
public static class Week12
{
    /// <summary>Exercise 1: the mean loss over real tokens of a padded batch, given per-token losses (B rows of T) and lengths.</summary>
    public static CheckResult CheckMaskedMean(Func<double[][], int[], double> maskedMean)
    {
        Guard.NotNull(maskedMean, nameof(maskedMean));
        return Exercise.Check("Exercise 1: a masked mean over a padded batch", c =>
        {
            // By hand: rows [1, 2, 3, 4] (length 4) and [5, 6, 100, 100] (length 2): real tokens 1+2+3+4+5+6 = 21 over 6 = 3.5.
            // (All 8 positions: 221/8; the mean of the row means: (2.5 + 5.5)/2 = 4; counting one pad too: 121/7.)
            c.Given("losses [[1, 2, 3, 4], [5, 6, 100, 100]], lengths [4, 2]");
            c.Close("masked mean", maskedMean([[1, 2, 3, 4], [5, 6, 100, 100]], [4, 2]), 3.5, 1e-12);

            // A seeded batch of 6 rows of 9 with lengths 1..9: the expected value sums the row prefixes one by one.
            var rng = Seeded.Random(21);
            var lengths = Enumerable.Range(0, 6).Select(_ => 1 + rng.Next(9)).ToArray();
            var losses = lengths.Select(_ => Enumerable.Range(0, 9).Select(_ => 5 * rng.NextDouble()).ToArray()).ToArray();
            double total = 0;
            int count = 0;
            for (int b = 0; b < 6; b++) { total += losses[b].Take(lengths[b]).Sum(); count += lengths[b]; }
            c.Given($"6 seeded rows of 9 per-token losses, lengths [{string.Join(", ", lengths)}]");
            c.Close("masked mean", maskedMean(losses, lengths), total / count, 1e-12);
        });
    }

    /// <summary>Exercise 2: perplexity from the probabilities a model gave each true next character.</summary>
    public static CheckResult CheckPerplexity(Func<double[], double> perplexity)
    {
        Guard.NotNull(perplexity, nameof(perplexity));
        return Exercise.Check("Exercise 2: perplexity", c =>
        {
            // By hand: p = 1/8 everywhere gives exp(ln 8) = 8.
            c.Given("p = [1/8, 1/8, 1/8, 1/8]");
            c.Close("perplexity", perplexity([0.125, 0.125, 0.125, 0.125]), 8, 1e-12);
            // By hand: p = [1/2, 1/8]: mean −ln p = (ln 2 + ln 8)/2 = ln 4, perplexity 4 (the geometric mean of 1/p, not 1/mean p = 3.2).
            c.Given("p = [1/2, 1/8]");
            c.Close("perplexity", perplexity([0.5, 0.125]), 4, 1e-12);
            // Many tokens: 10,000 probabilities of 1e-3 would underflow a product of probabilities to 0; the answer is 1000.
            c.Given("10,000 tokens, each p = 0.001");
            c.Close("perplexity", perplexity(Enumerable.Repeat(0.001, 10_000).ToArray()), 1000, 1e-6);
        });
    }
}
