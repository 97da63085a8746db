using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Scratch;
using MlCourse.DeepLearning.Scratch.Normalization;
using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Checkers for the exercises of week11-regularisation-and-normalisation.ipynb (section "Exercises").
/// Reference solutions: <see cref="Week11RegularisationSolutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from small cases worked by hand (arithmetic in the comments) and from the course library's
/// <see cref="ScratchDropout"/> and <see cref="ScratchBatchNorm"/>, whose own tests compare them with TorchSharp's
/// nn.Dropout and nn.BatchNorm1d/2d.
/// </remarks>
public static class Week11Regularisation
{
    /// <summary>Exercise 1: inverted dropout given the keep mask: x·keep/(1 − p) in training, x unchanged in eval.</summary>
    public static CheckResult CheckInvertedDropout(Func<double[], bool[], double, bool, double[]> dropout)
    {
        Guard.NotNull(dropout, nameof(dropout));
        return Exercise.Check("Exercise 1: inverted dropout", c =>
        {
            // By hand: p = 0.5, x = [2, 4, 6, 8], keep = [T, F, T, F]: survivors × 1/(1 − 0.5) = ×2 → [4, 0, 12, 0].
            c.Given("x = [2, 4, 6, 8], keep = [true, false, true, false], p = 0.5, training");
            c.Close("output", dropout([2, 4, 6, 8], [true, false, true, false], 0.5, true), [4, 0, 12, 0], 1e-12);

            // p = 0.2: survivors × 1.25. A mask drawn by the library's own dropout (the same 1/(1 − p) rule, tested against nn.Dropout).
            var rng = Seeded.Random(11);
            var x = Enumerable.Range(0, 10).Select(_ => rng.NextGaussian()).ToArray();
            var reference = ScratchDropout.Forward(x, 0.2, training: true, seed: 3);
            var keep = reference.Scale.Select(s => s > 0).ToArray();
            c.Given($"10 seeded x, p = 0.2, keep = [{string.Join(", ", keep.Select(k => k ? "T" : "F"))}], training");
            c.Close("output", dropout(x, keep, 0.2, true), reference.Output, 1e-12);

            // Eval: inverted dropout already scaled in training, so eval is the identity (no × (1 − p)).
            c.Given("the same x, p = 0.2, eval (the mask is ignored)");
            c.Close("output", dropout(x, keep, 0.2, false), x, 1e-12);
        });
    }

    /// <summary>Exercise 2: batch norm's training forward on (N, D) rows with γ = 1, β = 0: x̂ per feature, biased variance.</summary>
    public static CheckResult CheckBatchNormForward(Func<double[,], double, double[,]> normalise)
    {
        Guard.NotNull(normalise, nameof(normalise));
        return Exercise.Check("Exercise 2: batch norm's training forward", c =>
        {
            // By hand, ε = 0: column [1, 3] has μ = 2, σ² = 1 → [−1, 1]; column [0, 4] has μ = 2, σ² = 4 → [−1, 1].
            // Two rows cannot tell the axes or m from m − 1 apart well, so the seeded case below (5 rows, 3 features
            // with different means) is what separates them.
            c.Given("x = [[1, 0], [3, 4]], ε = 0");
            c.Close("x̂", Flatten(normalise(new double[,] { { 1, 0 }, { 3, 4 } }, 0.0)), [-1, -1, 1, 1], 1e-12);

            var rng = Seeded.Random(21);
            var x = new double[5, 3];
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 3; j++) x[i, j] = 2 * rng.NextGaussian() + j;
            var layer = new ScratchBatchNorm(3);
            var expected = layer.Forward(Flatten(x), batch: 5, features: 3).Output;
            c.Given("a seeded batch of 5 rows and 3 features (column means 0, 1, 2), ε = 1e-5");
            c.Close("x̂ (5 x 3, row-major)", Flatten(normalise(x, ScratchNormalization.DefaultEpsilon)), expected, 1e-10);
        });
    }

    /// <summary>Exercise 3: the running variance after one training batch: (1 − momentum)·r + momentum·(unbiased batch variance).</summary>
    public static CheckResult CheckRunningVariance(Func<double[], double[,], double, double[]> update)
    {
        Guard.NotNull(update, nameof(update));
        return Exercise.Check("Exercise 3: batch norm's running variance", c =>
        {
            // By hand: column [1, 3] has biased σ² = 1, unbiased 2; r = 1, momentum 0.1 → 0.9·1 + 0.1·2 = 1.1.
            c.Given("running variance [1], x = [[1], [3]], momentum 0.1");
            c.Close("new running variance", update([1.0], new double[,] { { 1 }, { 3 } }, 0.1), [1.1], 1e-12);

            var rng = Seeded.Random(31);
            var x = new double[6, 2];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 2; j++) x[i, j] = (j + 1) * rng.NextGaussian();
            var layer = new ScratchBatchNorm(2, momentum: 0.3);
            layer.Forward(Flatten(x), batch: 6, features: 2);
            c.Given("running variance [1, 1] (PyTorch's start), a seeded batch of 6 rows and 2 features, momentum 0.3");
            c.Close("new running variance", update([1.0, 1.0], x, 0.3), layer.RunningVariance, 1e-12);
        });
    }

    private static double[] Flatten(double[,]? m)
    {
        if (m is null) return null!;
        var flat = new double[m.Length];
        int k = 0;
        foreach (var v in m) flat[k++] = v;   // a 2-D array enumerates row-major
        return flat;
    }
}
