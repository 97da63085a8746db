using MlCourse.Core.Validation;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Schedules;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Checkers for the exercises of week 3 (week03-optimization.ipynb, section 11 "Exercises"). Each takes the learner's
/// function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>.
/// Reference solutions: <see cref="Week03Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from hand computations (in the comments) and from the library's optimisers, which are tested
/// step for step against TorchSharp's torch.optim (tests/MlCourse.DeepLearning.Tests/Optimizers).
/// </remarks>
public static class Week03
{
    /// <summary>
    /// Exercise 1: one heavy-ball momentum step in place: v ← μ v + g, then θ ← θ − η v (v starts at 0).
    /// Arguments: theta, velocity, gradient, lr, momentum.
    /// </summary>
    public static CheckResult CheckMomentumStep(Action<double[], double[], double[], double, double> step)
    {
        Guard.NotNull(step, nameof(step));
        return Exercise.Check("Exercise 1: a momentum step", c =>
        {
            // By hand, η = 0.1, μ = 0.9, g = 1 twice from θ = 0: v₁ = 1, θ₁ = −0.1; v₂ = 0.9 + 1 = 1.9, θ₂ = −0.29.
            c.Given("θ = [0], v = [0], g = [1] twice, η = 0.1, μ = 0.9");
            double[] theta = [0.0], velocity = [0.0];
            step(theta, velocity, [1.0], 0.1, 0.9);
            c.Close("θ after step 1", theta[0], -0.1, 1e-12);
            c.Close("v after step 1", velocity[0], 1.0, 1e-12);
            step(theta, velocity, [1.0], 0.1, 0.9);
            c.Close("θ after step 2", theta[0], -0.29, 1e-12);
            c.Close("v after step 2", velocity[0], 1.9, 1e-12);
            // 50 steps on a seeded noisy quadratic against the library's Sgd(momentum), itself checked against torch.optim.SGD.
            var runVelocity = new double[3];
            CompareWithLibrary(c, "50 steps of momentum 0.8, η = 0.05, on g = θ·(1, 5, 20) + noise", new Sgd(0.05, momentum: 0.8),
                (th, g) => step(th, runVelocity, g, 0.05, 0.8));
        });
    }

    /// <summary>
    /// Exercise 2: one Adam step in place with bias correction (β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
    /// Arguments: theta, m, v, gradient, t (1-based step number), lr.
    /// </summary>
    public static CheckResult CheckAdamStep(Action<double[], double[], double[], double[], int, double> step)
    {
        Guard.NotNull(step, nameof(step));
        return Exercise.Check("Exercise 2: an Adam step", c =>
        {
            // First step: m̂₁ = g, v̂₁ = g², so Δθ = −η g/(|g| + ε) ≈ −η·sign(g), whatever the scale of g.
            c.Given("θ = [1, 1], g = [1000, −0.001], t = 1, η = 0.1");
            double[] theta = [1.0, 1.0], m = [0.0, 0.0], v = [0.0, 0.0];
            step(theta, m, v, [1000.0, -0.001], 1, 0.1);
            c.Close("θ₀ after step 1 (≈ 1 − 0.1)", theta[0], 1 - 0.1 * 1000 / (1000 + 1e-8), 1e-12);
            c.Close("θ₁ after step 1 (≈ 1 + 0.1)", theta[1], 1 + 0.1 * 0.001 / (0.001 + 1e-8), 1e-12);
            c.Close("m after step 1 = (1 − β₁)g", m[0], 100.0, 1e-9);
            c.Close("v after step 1 = (1 − β₂)g²", v[0], 1000.0, 1e-6);
            // 100 steps against the library's Adam (checked step for step against torch.optim.Adam).
            double[] runM = new double[3], runV = new double[3];
            int runT = 0;
            CompareWithLibrary(c, "100 steps, η = 0.01, on g = θ·(1, 5, 20) + noise", new Adam(0.01),
                (th, g) => step(th, runM, runV, g, ++runT, 0.01), steps: 100);
        });
    }

    /// <summary>
    /// Exercise 3: the learning rate at step t of a linear warm-up from 0 over <c>warmup</c> steps (peak·t/warmup) followed
    /// by cosine annealing from peak to 0 over the remaining total − warmup steps, and 0 from step total on.
    /// Arguments: t, peak, warmup, total.
    /// </summary>
    public static CheckResult CheckWarmupCosine(Func<int, double, int, int, double> rate)
    {
        Guard.NotNull(rate, nameof(rate));
        return Exercise.Check("Exercise 3: warm-up then cosine", c =>
        {
            // By hand, peak 0.1, warm-up 10, total 110: t = 0 → 0; t = 5 → 0.05; t = 10 → 0.1 (cosine starts);
            // t = 60 → half-way through the cosine, 0.05; t = 110 and later → 0.
            c.Given("peak = 0.1, warmup = 10, total = 110");
            c.Close("rate at t = 0", rate(0, 0.1, 10, 110), 0.0, 1e-12);
            c.Close("rate at t = 5", rate(5, 0.1, 10, 110), 0.05, 1e-12);
            c.Close("rate at t = 10 (peak)", rate(10, 0.1, 10, 110), 0.1, 1e-12);
            c.Close("rate at t = 60 (half-way down)", rate(60, 0.1, 10, 110), 0.05, 1e-12);
            c.Close("rate at t = 110", rate(110, 0.1, 10, 110), 0.0, 1e-12);
            c.Close("rate at t = 500", rate(500, 0.1, 10, 110), 0.0, 1e-12);
            // After the warm-up every rate equals the library's CosineAnnealing(peak, total − warmup) at t − warmup.
            c.Given("peak = 0.3, warmup = 7, total = 57, every t from 7 to 56");
            var cosine = new CosineAnnealing(0.3, 50);
            var after = Enumerable.Range(7, 50).Select(t => rate(t, 0.3, 7, 57)).ToArray();
            c.Close("rates after the warm-up", after, Enumerable.Range(0, 50).Select(cosine.Rate).ToArray(), 1e-12);
            c.Close("rates during the warm-up", Enumerable.Range(0, 7).Select(t => rate(t, 0.3, 7, 57)).ToArray(),
                Enumerable.Range(0, 7).Select(t => 0.3 * t / 7).ToArray(), 1e-12);
        });
    }

    private static void CompareWithLibrary(Checker c, string description, IOptimizer library, Action<double[], double[]> learner, int steps = 50)
    {
        c.Given(description);
        var rng = Seeded.Random(303);
        double[] curvature = [1, 5, 20];
        var mine = new double[] { 1.0, -0.5, 0.2 };
        var theirs = Vector<double>.Build.DenseOfArray([1.0, -0.5, 0.2]);
        for (int t = 0; t < steps; t++)
        {
            // One gradient, computed at the library's point, fed to both.
            var g = Enumerable.Range(0, 3).Select(i => curvature[i] * theirs[i] + 0.1 * rng.NextGaussian()).ToArray();
            learner(mine, (double[])g.Clone());
            library.Step(theirs, Vector<double>.Build.DenseOfArray(g));
        }
        c.Close($"θ after {steps} steps", mine, theirs.ToArray(), 1e-9);
    }
}
