using MlCourse.Core.Validation;
using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Checkers for the exercises of week11-training-in-practice.ipynb (section "Exercises"): gradient clipping by the
/// global norm, a linear warm-up, and the all-reduce of data parallelism. Reference solutions:
/// <see cref="Week11ScalingSolutions"/>. Plain arrays, so each exercise can be written in an interview pad.
/// </summary>
/// <remarks>
/// Expected values are worked by hand in the comments; the tests check the reference solutions against TorchSharp's
/// clip_grad_norm_ and the course's <see cref="Training.SimulatedDataParallel"/>.
/// </remarks>
public static class Week11Scaling
{
    /// <summary>Exercise 1: rescale all gradients (one array per parameter) so their global L2 norm is at most maxNorm.</summary>
    public static CheckResult CheckClipByNorm(Func<double[][], double, double[][]> clip)
    {
        Guard.NotNull(clip, nameof(clip));
        return Exercise.Check("Exercise 1: clip the gradients by their global norm", c =>
        {
            // By hand: g = ([3], [4]) has global norm 5; with maxNorm 1 every entry is scaled by 1/5: ([0.6], [0.8]).
            // (Clipping each value to [-1, 1] would give ([1], [1]); clipping each parameter's norm alone, the same.)
            c.Given("gradients ([3], [4]) (global norm 5), maxNorm = 1");
            c.Close("clipped gradients, flattened", Flat(clip([[3.0], [4.0]], 1.0)), [0.6, 0.8], 1e-12);

            // Below the bound nothing changes: norm √(0.01 + 0.04 + 0.04) = 0.3 < 1.
            c.Given("gradients ([0.1, -0.2], [0.2]) (global norm 0.3), maxNorm = 1");
            c.Close("clipped gradients, flattened", Flat(clip([[0.1, -0.2], [0.2]], 1.0)), [0.1, -0.2, 0.2], 1e-12);

            // Direction kept: norm √(4 + 16 + 16 + 64) = 10, maxNorm 2, factor 1/5: every entry's sign and ratio survive.
            c.Given("gradients ([2, -4], [4, 8]) (global norm 10), maxNorm = 2");
            c.Close("clipped gradients, flattened", Flat(clip([[2.0, -4.0], [4.0, 8.0]], 2.0)), [0.4, -0.8, 0.8, 1.6], 1e-12);
        });
    }

    /// <summary>Exercise 2: the learning rate of step t (0-based) under a linear warm-up of W steps to η, then constant η.</summary>
    public static CheckResult CheckWarmup(Func<int, int, double, double> rate)
    {
        Guard.NotNull(rate, nameof(rate));
        return Exercise.Check("Exercise 2: linear warm-up, rate(t) = η·(t + 1)/W for t < W, then η", c =>
        {
            // By hand, W = 4, η = 0.1: steps 0..5 get 0.025, 0.05, 0.075, 0.1, 0.1, 0.1.
            // Step 0 must not be 0 (an update with rate 0 is wasted) and step W − 1 is the first at the full rate.
            c.Given("W = 4, η = 0.1, steps t = 0..5");
            c.Close("rates", Enumerable.Range(0, 6).Select(t => rate(t, 4, 0.1)).ToArray(), [0.025, 0.05, 0.075, 0.1, 0.1, 0.1], 1e-12);
            c.Given("W = 1 (no warm-up), η = 0.5, t = 0 and t = 7");
            c.Close("rates", new[] { rate(0, 1, 0.5), rate(7, 1, 0.5) }, [0.5, 0.5], 1e-12);
        });
    }

    /// <summary>
    /// Exercise 3: the all-reduce. Worker w computed <c>gradients[w]</c>, the gradient of the MEAN loss over its
    /// <c>shardSizes[w]</c> samples; return the gradient of the mean loss over all samples.
    /// </summary>
    public static CheckResult CheckAllReduce(Func<double[][], int[], double[]> allReduce)
    {
        Guard.NotNull(allReduce, nameof(allReduce));
        return Exercise.Check("Exercise 3: combine the workers' gradients into the large batch's", c =>
        {
            // By hand, equal shards: the mean of ([1, 2], [3, 6]) is [2, 4] (the sum, [4, 8], is W times too large).
            c.Given("2 workers with 8 samples each: gradients [1, 2] and [3, 6]");
            c.Close("combined gradient", allReduce([[1.0, 2.0], [3.0, 6.0]], [8, 8]), [2.0, 4.0], 1e-12);

            // Unequal shards (the last batch of an epoch): weights n_w / N. (2·[1, 1] + 6·[5, -3]) / 8 = [4, -2];
            // the plain mean would give [3, -1].
            c.Given("2 workers with 2 and 6 samples: gradients [1, 1] and [5, -3]");
            c.Close("combined gradient", allReduce([[1.0, 1.0], [5.0, -3.0]], [2, 6]), [4.0, -2.0], 1e-12);

            // Three workers: (1·[3] + 1·[6] + 2·[0]) / 4 = [2.25].
            c.Given("3 workers with 1, 1 and 2 samples: gradients [3], [6], [0]");
            c.Close("combined gradient", allReduce([[3.0], [6.0], [0.0]], [1, 1, 2]), [2.25], 1e-12);
        });
    }

    private static double[]? Flat(double[][]? parts) => parts?.SelectMany(p => p).ToArray();
}
