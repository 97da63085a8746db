using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 3 checker accepts the reference solution, rejects plausible wrong answers, and reports the notebook's
/// unimplemented stub as "not attempted".
/// </summary>
public class Week03ExercisesTests
{
    // ---- Exercise 1: momentum step ----

    public static TheoryData<string, Action<double[], double[], double[], double, double>> WrongMomentum() => new()
    {
        // Plain SGD: the velocity is never used.
        { "no momentum", (th, v, g, lr, mu) => { for (int i = 0; i < th.Length; i++) { v[i] = g[i]; th[i] -= lr * g[i]; } } },
        // Step with the old velocity, then update it (one step late).
        { "velocity updated after the step", (th, v, g, lr, mu) => { for (int i = 0; i < th.Length; i++) { th[i] -= lr * v[i]; v[i] = mu * v[i] + g[i]; } } },
        // Damped EMA form v ← μv + (1 − μ)g: a different (10 times smaller) effective rate.
        { "EMA velocity (1 − μ)g", (th, v, g, lr, mu) => { for (int i = 0; i < th.Length; i++) { v[i] = mu * v[i] + (1 - mu) * g[i]; th[i] -= lr * v[i]; } } },
        // Gradient ascent.
        { "wrong sign", (th, v, g, lr, mu) => { for (int i = 0; i < th.Length; i++) { v[i] = mu * v[i] + g[i]; th[i] += lr * v[i]; } } },
    };

    [Fact]
    public void The_momentum_checker_accepts_the_reference_solution() => AssertPassed(Week03.CheckMomentumStep(Week03Solutions.MomentumStep));

    [Theory]
    [MemberData(nameof(WrongMomentum))]
    public void The_momentum_checker_rejects_a_wrong_answer(string mistake, Action<double[], double[], double[], double, double> f) =>
        AssertRejected(mistake, Week03.CheckMomentumStep(f));

    // ---- Exercise 2: Adam step ----

    public static TheoryData<string, Action<double[], double[], double[], double[], int, double>> WrongAdam() => new()
    {
        // No bias correction: the first step is 0.1/√0.001 ≈ 3.16 times too large.
        { "no bias correction", (th, m, v, g, t, lr) => { for (int i = 0; i < th.Length; i++) { m[i] = 0.9 * m[i] + 0.1 * g[i]; v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]; th[i] -= lr * m[i] / (Math.Sqrt(v[i]) + 1e-8); } } },
        // ε inside the square root and bias correction on m only.
        { "only m corrected", (th, m, v, g, t, lr) => { for (int i = 0; i < th.Length; i++) { m[i] = 0.9 * m[i] + 0.1 * g[i]; v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]; th[i] -= lr * m[i] / (1 - Math.Pow(0.9, t)) / (Math.Sqrt(v[i]) + 1e-8); } } },
        // v averages |g| instead of g² (the denominator is then not an RMS).
        { "v averages |g|", (th, m, v, g, t, lr) => { for (int i = 0; i < th.Length; i++) { m[i] = 0.9 * m[i] + 0.1 * g[i]; v[i] = 0.999 * v[i] + 0.001 * Math.Abs(g[i]); th[i] -= lr * (m[i] / (1 - Math.Pow(0.9, t))) / (v[i] / (1 - Math.Pow(0.999, t)) + 1e-8); } } },
        // Bias correction with t − 1 (0-based step): divides by zero at the first step.
        { "t off by one", (th, m, v, g, t, lr) => Week03Solutions.AdamStep(th, m, v, g, t + 1, lr) },
    };

    [Fact]
    public void The_adam_checker_accepts_the_reference_solution() => AssertPassed(Week03.CheckAdamStep(Week03Solutions.AdamStep));

    [Theory]
    [MemberData(nameof(WrongAdam))]
    public void The_adam_checker_rejects_a_wrong_answer(string mistake, Action<double[], double[], double[], double[], int, double> f) =>
        AssertRejected(mistake, Week03.CheckAdamStep(f));

    // ---- Exercise 3: warm-up then cosine ----

    public static TheoryData<string, Func<int, double, int, int, double>> WrongSchedules() => new()
    {
        // Cosine over the whole run, ignoring that the warm-up used part of it.
        { "cosine period = total", (t, peak, w, total) => t < w ? peak * t / w : t >= total ? 0 : peak * (1 + Math.Cos(Math.PI * t / total)) / 2 },
        // Full cosine period (goes back up).
        { "full cosine period", (t, peak, w, total) => t < w ? peak * t / w : t >= total ? 0 : peak * (1 + Math.Cos(2 * Math.PI * (t - w) / (total - w))) / 2 },
        // No warm-up.
        { "no warm-up", (t, peak, w, total) => Week03Solutions.WarmupCosine(t + w, peak, w, total + w) },
        // Integer division in the warm-up: 0 until the last warm-up step.
        { "integer division", (t, peak, w, total) => t < w ? peak * (t / w) : Week03Solutions.WarmupCosine(t, peak, w, total) },
    };

    [Fact]
    public void The_schedule_checker_accepts_the_reference_solution() => AssertPassed(Week03.CheckWarmupCosine(Week03Solutions.WarmupCosine));

    [Theory]
    [MemberData(nameof(WrongSchedules))]
    public void The_schedule_checker_rejects_a_wrong_answer(string mistake, Func<int, double, int, int, double> f) =>
        AssertRejected(mistake, Week03.CheckWarmupCosine(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week03.CheckMomentumStep((_, _, _, _, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week03.CheckAdamStep((_, _, _, _, _, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week03.CheckWarmupCosine((_, _, _, _) => throw new NotImplementedException()));
    }
}
