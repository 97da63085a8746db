using MlCourse.DeepLearning.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>Every checker of week12-recurrent-networks.ipynb accepts the reference, rejects plausible mistakes, and calls the stub "not attempted".</summary>
public sealed class Week12ExercisesTests
{
    public static TheoryData<string, Func<double[][], int[], double>> WrongMaskedMeans() => new()
    {
        // The unmasked mean over every position, pads included.
        { "mean over all B·T positions", (l, _) => l.SelectMany(r => r).Average() },
        // Real tokens summed, but divided by B·T: the pads dilute the loss.
        { "masked sum over B·T", (l, n) => Enumerable.Range(0, l.Length).Sum(b => l[b].Take(n[b]).Sum()) / l.Sum(r => r.Length) },
        // The mean of per-row means: short rows weigh as much as long ones.
        { "mean of row means", (l, n) => Enumerable.Range(0, l.Length).Average(b => l[b].Take(n[b]).Average()) },
        // Off by one: t ≤ ℓ_b counts the first pad.
        { "t <= length (one pad counted)", (l, n) => Enumerable.Range(0, l.Length).Sum(b => l[b].Take(n[b] + 1).Sum()) / Enumerable.Range(0, l.Length).Sum(b => Math.Min(n[b] + 1, l[b].Length)) },
    };

    [Fact]
    public void The_masked_mean_checker_accepts_the_reference() => AssertPassed(Week12.CheckMaskedMean(Week12Solutions.MaskedMean));

    [Theory]
    [MemberData(nameof(WrongMaskedMeans))]
    public void The_masked_mean_checker_rejects_a_wrong_answer(string mistake, Func<double[][], int[], double> f) => AssertRejected(mistake, Week12.CheckMaskedMean(f));

    [Fact]
    public void The_masked_mean_checker_calls_the_stub_not_attempted() => AssertNotAttempted(Week12.CheckMaskedMean((_, _) => throw new NotImplementedException()));

    public static TheoryData<string, Func<double[], double>> WrongPerplexities() => new()
    {
        // 1 / arithmetic mean of p: the harmonic-looking shortcut (3.2 instead of 4 for [1/2, 1/8]).
        { "1 / mean p", p => 1 / p.Average() },
        // The log-likelihood summed, not averaged: grows with the text's length.
        { "exp of the summed NLL", p => Math.Exp(-p.Sum(Math.Log)) },
        // The product of probabilities to the power −1/N: right in exact arithmetic, underflows to 0 (→ ∞) on long texts.
        { "product of p, then the N-th root", p => Math.Pow(p.Aggregate(1.0, (a, v) => a * v), -1.0 / p.Length) },
        // The mean of 1/p (arithmetic, not geometric).
        { "mean of 1/p", p => p.Average(v => 1 / v) },
    };

    [Fact]
    public void The_perplexity_checker_accepts_the_reference() => AssertPassed(Week12.CheckPerplexity(Week12Solutions.Perplexity));

    [Theory]
    [MemberData(nameof(WrongPerplexities))]
    public void The_perplexity_checker_rejects_a_wrong_answer(string mistake, Func<double[], double> f) => AssertRejected(mistake, Week12.CheckPerplexity(f));

    [Fact]
    public void The_perplexity_checker_calls_the_stub_not_attempted() => AssertNotAttempted(Week12.CheckPerplexity(_ => throw new NotImplementedException()));
}
