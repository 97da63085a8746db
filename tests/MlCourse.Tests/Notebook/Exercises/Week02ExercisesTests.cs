using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 2 checker accepts the reference solution, rejects plausible wrong answers (the mistakes
/// interview-questions.md lists), and reports the notebook's unimplemented stub as "not attempted".
/// </summary>
public class Week02ExercisesTests
{
    private static double NaiveSigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // ---- Exercise 1: log-sigmoid ----

    public static TheoryData<string, Func<double, double>> WrongLogSigmoids() => new()
    {
        // log of the naive σ: log(0) = −∞ at z = −1000.
        { "log of sigmoid", z => Math.Log(NaiveSigmoid(z)) },
        // −log(1 + e^−z) directly: e^1000 overflows at z = −1000, giving −∞.
        { "-log(1 + e^-z) without the case split", z => -Math.Log(1 + Math.Exp(-z)) },
        // Sign slip: softplus(z) instead of −softplus(−z).
        { "softplus instead of log-sigmoid", z => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) },
        // Clipping σ to avoid log 0 gives a finite but wrong value at −1000 (log 1e-15 = −34.5).
        { "clipped probability", z => Math.Log(Math.Max(NaiveSigmoid(z), 1e-15)) },
    };

    [Fact]
    public void The_log_sigmoid_checker_accepts_the_reference_solution() => AssertPassed(Week02.CheckLogSigmoid(Week02Solutions.LogSigmoid));

    [Theory]
    [MemberData(nameof(WrongLogSigmoids))]
    public void The_log_sigmoid_checker_rejects_a_wrong_answer(string mistake, Func<double, double> f) => AssertRejected(mistake, Week02.CheckLogSigmoid(f));

    // ---- Exercise 2: cross-entropy gradient ----

    public static TheoryData<string, Func<Matrix<double>, Vector<double>, Vector<double>, double, LinearGradient>> WrongGradients() => new()
    {
        { "no 1/n", (x, y, w, b) => { var r = (x * w + b).Map(NaiveSigmoid) - y; return new LinearGradient(x.TransposeThisAndMultiply(r), r.Sum()); } },
        { "sign flipped (y − σ)", (x, y, w, b) => { var r = y - (x * w + b).Map(NaiveSigmoid); return new LinearGradient(x.TransposeThisAndMultiply(r) / x.RowCount, r.Sum() / x.RowCount); } },
        // The sigmoid forgotten: the least-squares residual z − y.
        { "z − y instead of σ(z) − y", (x, y, w, b) => { var r = x * w + b - y; return new LinearGradient(x.TransposeThisAndMultiply(r) / x.RowCount, r.Sum() / x.RowCount); } },
        // MSE-on-sigmoid gradient: an extra σ(1 − σ) factor (and 2).
        { "gradient of MSE on the sigmoid", (x, y, w, b) => { var p = (x * w + b).Map(NaiveSigmoid); var r = 2 * (p - y).PointwiseMultiply(p.PointwiseMultiply(1 - p)); return new LinearGradient(x.TransposeThisAndMultiply(r) / x.RowCount, r.Sum() / x.RowCount); } },
        { "intercept gradient always 0", (x, y, w, b) => { var r = (x * w + b).Map(NaiveSigmoid) - y; return new LinearGradient(x.TransposeThisAndMultiply(r) / x.RowCount, 0.0); } },
    };

    [Fact]
    public void The_cross_entropy_gradient_checker_accepts_the_reference_solution() =>
        AssertPassed(Week02.CheckCrossEntropyGradient(Week02Solutions.CrossEntropyGradient));

    [Theory]
    [MemberData(nameof(WrongGradients))]
    public void The_cross_entropy_gradient_checker_rejects_a_wrong_gradient(string mistake, Func<Matrix<double>, Vector<double>, Vector<double>, double, LinearGradient> f) =>
        AssertRejected(mistake, Week02.CheckCrossEntropyGradient(f));

    // ---- Exercise 3: log-sum-exp ----

    public static TheoryData<string, Func<Vector<double>, double>> WrongLogSumExps() => new()
    {
        { "naive", z => Math.Log(z.Sum(Math.Exp)) },
        { "shift by the minimum", z => { double m = z.Minimum(); return m + Math.Log(z.Sum(v => Math.Exp(v - m))); } },
        { "max not added back", z => { double m = z.Maximum(); return Math.Log(z.Sum(v => Math.Exp(v - m))); } },
        // The max alone: right when one logit dominates, wrong for equal logits.
        { "max only", z => z.Maximum() },
    };

    [Fact]
    public void The_log_sum_exp_checker_accepts_the_reference_solution() => AssertPassed(Week02.CheckLogSumExp(Week02Solutions.LogSumExp));

    [Theory]
    [MemberData(nameof(WrongLogSumExps))]
    public void The_log_sum_exp_checker_rejects_a_wrong_answer(string mistake, Func<Vector<double>, double> f) => AssertRejected(mistake, Week02.CheckLogSumExp(f));

    // ---- Exercise 4: Newton step ----

    public static TheoryData<string, Func<Matrix<double>, Vector<double>, Vector<double>, Vector<double>>> WrongNewtonSteps() => new()
    {
        // A gradient step (learning rate 1) instead of a Newton step.
        { "gradient step", (x, y, t) => t - x.TransposeThisAndMultiply((x * t).Map(NaiveSigmoid) - y) / x.RowCount },
        // The weights S dropped: X̃ᵀX̃ instead of X̃ᵀSX̃ (a least-squares step).
        { "unweighted Hessian", (x, y, t) => t - x.TransposeThisAndMultiply(x).Solve(x.TransposeThisAndMultiply((x * t).Map(NaiveSigmoid) - y)) },
        // θ + H⁻¹g: the step taken uphill.
        { "wrong sign", (x, y, t) => 2 * t - Week02Solutions.NewtonStep(x, y, t) },
    };

    [Fact]
    public void The_newton_step_checker_accepts_the_reference_solution() => AssertPassed(Week02.CheckNewtonStep(Week02Solutions.NewtonStep));

    [Theory]
    [MemberData(nameof(WrongNewtonSteps))]
    public void The_newton_step_checker_rejects_a_wrong_step(string mistake, Func<Matrix<double>, Vector<double>, Vector<double>, Vector<double>> f) =>
        AssertRejected(mistake, Week02.CheckNewtonStep(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week02.CheckLogSigmoid(_ => throw new NotImplementedException()));
        AssertNotAttempted(Week02.CheckCrossEntropyGradient((_, _, _, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week02.CheckLogSumExp(_ => throw new NotImplementedException()));
        AssertNotAttempted(Week02.CheckNewtonStep((_, _, _) => throw new NotImplementedException()));
    }
}
