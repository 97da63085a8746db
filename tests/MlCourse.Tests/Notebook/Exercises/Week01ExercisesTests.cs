using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using MlCourse.Tests.Notebook.Support;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;
using MlCourse.Core.Schedules;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 1 checker accepts the reference solution, rejects plausible wrong answers (the
/// mistakes interview-questions.md lists, and the ones learners make), and reports the
/// notebook's unimplemented stub as "not attempted" instead of throwing.
/// </summary>
public class Week01ExercisesTests
{
    // ---- Exercise 1: MSE gradient ----

    public static TheoryData<string, Func<Matrix<double>, Vector<double>, Vector<double>, double, LinearGradient>> WrongGradients() => new()
    {
        // The factor 2 of the square forgotten (right only for the ½-scaled loss).
        { "missing factor 2", (x, y, w, b) => { var r = x * w + b - y; return new LinearGradient(x.TransposeThisAndMultiply(r) / x.RowCount, r.Sum() / x.RowCount); } },
        // Sign flipped: y − ŷ instead of ŷ − y (points downhill).
        { "sign flipped", (x, y, w, b) => { var r = y - x * w - b; return new LinearGradient(x.TransposeThisAndMultiply(r) * (2.0 / x.RowCount), 2.0 * r.Sum() / x.RowCount); } },
        // Intercept ignored in the residual.
        { "intercept left out of the residual", (x, y, w, b) => { var r = x * w - y; return new LinearGradient(x.TransposeThisAndMultiply(r) * (2.0 / x.RowCount), 2.0 * r.Sum() / x.RowCount); } },
        // Intercept's gradient not computed.
        { "dL/db always 0", (x, y, w, b) => { var r = x * w + b - y; return new LinearGradient(x.TransposeThisAndMultiply(r) * (2.0 / x.RowCount), 0.0); } },
        // Sum instead of mean: right only for n = 1.
        { "no 1/n", (x, y, w, b) => { var r = x * w + b - y; return new LinearGradient(x.TransposeThisAndMultiply(r) * 2.0, 2.0 * r.Sum()); } },
        // Hard-coded 1/2 (passes the 2-row hand case, where 2/n = 1, but not the 25-row case).
        { "2/n hard-coded for n = 2", (x, y, w, b) => { var r = x * w + b - y; return new LinearGradient(x.TransposeThisAndMultiply(r), r.Sum()); } },
        // X r instead of Xᵀ r: throws on non-square X (a dimension error), which is also a rejection.
        { "X r instead of X^T r", (x, y, w, b) => { var r = x * w + b - y; return new LinearGradient(x * r * (2.0 / x.RowCount), 2.0 * r.Sum() / x.RowCount); } },
    };

    [Fact]
    public void The_mse_gradient_checker_accepts_the_reference_solution()
    {
        var result = Week01.CheckMseGradient(Week01Solutions.MseGradient);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(result.ChecksRun, result.ChecksPassed);
    }

    [Theory]
    [MemberData(nameof(WrongGradients))]
    public void The_mse_gradient_checker_rejects_a_wrong_gradient(string mistake, Func<Matrix<double>, Vector<double>, Vector<double>, double, LinearGradient> gradient)
    {
        var result = Week01.CheckMseGradient(gradient);

        Assert.False(result.Passed, $"'{mistake}' passed: {result.Message}");
        Assert.Contains(result.Status, new[] { CheckStatus.Failed, CheckStatus.Threw });
    }

    [Fact]
    public void The_mse_gradient_checker_names_the_inputs_of_a_failed_check()
    {
        var result = Week01.CheckMseGradient((x, y, w, b) =>
        {
            var r = x * w + b - y;
            return new LinearGradient(x.TransposeThisAndMultiply(r) / x.RowCount, r.Sum() / x.RowCount);
        });

        Assert.Equal(CheckStatus.Failed, result.Status);
        // Hand case: the right dL/dw is [-14, -20]; without the 2 it is half of that.
        Assert.Contains(result.Failures, f => f.StartsWith("dL/dw:", StringComparison.Ordinal) && f.Contains("expected: [-14, -20]") && f.Contains("actual:   [-7, -10]"));
        Assert.Contains(result.Failures, f => f.Contains("inputs: X = [[1, 2], [3, 4]]"));
    }

    [Fact]
    public void The_mse_gradient_checker_reports_the_stub_as_not_attempted() =>
        AssertNotAttempted(Week01.CheckMseGradient((_, _, _, _) => throw new NotImplementedException()));

    // ---- Exercise 2: soft-threshold ----

    public static TheoryData<string, Func<double, double, double>> WrongSoftThresholds() => new()
    {
        // Always subtracts gamma·sign(z): small values cross zero instead of stopping at it.
        { "shrinks but never zeroes", (z, g) => z - g * Math.Sign(z) },
        // Hard threshold: zeroes small values but does not shrink the large ones.
        { "hard threshold", (z, g) => Math.Abs(z) > g ? z : 0.0 },
        // Only the positive side handled.
        { "max(z - gamma, 0)", (z, g) => Math.Max(z - g, 0.0) },
        // The ridge map by mistake: shrinks, never zero.
        { "ridge map z / (1 + gamma)", (z, g) => z / (1 + g) },
        // Threshold at gamma/2 (a ½ misplaced in the derivation).
        { "threshold at gamma / 2", (z, g) => Math.Sign(z) * Math.Max(Math.Abs(z) - g / 2, 0.0) },
    };

    [Fact]
    public void The_soft_threshold_checker_accepts_the_reference_solution()
    {
        var result = Week01.CheckSoftThreshold(Week01Solutions.SoftThreshold);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(10, result.ChecksRun);
    }

    [Fact]
    public void The_soft_threshold_checker_accepts_the_library_implementation() =>
        Assert.True(Week01.CheckSoftThreshold(MlCourse.Classical.LinearModels.LassoRegression.SoftThreshold).Passed);

    [Theory]
    [MemberData(nameof(WrongSoftThresholds))]
    public void The_soft_threshold_checker_rejects_a_wrong_map(string mistake, Func<double, double, double> softThreshold)
    {
        var result = Week01.CheckSoftThreshold(softThreshold);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.False(result.Passed, $"'{mistake}' passed.");
    }

    [Fact]
    public void The_soft_threshold_checker_explains_a_value_that_should_be_zero()
    {
        var result = Week01.CheckSoftThreshold((z, g) => z - g * Math.Sign(z));

        // z = 0.4, gamma = 1 must give 0; "shrink always" gives 0.4 - 1 = -0.6.
        Assert.Contains(result.Failures, f => f.StartsWith("S(0.4, 1): expected 0", StringComparison.Ordinal) && f.Contains("got -0.6") &&
                                              f.Contains("inside [-gamma, gamma]: exactly 0"));
    }

    [Fact]
    public void The_soft_threshold_checker_reports_the_stub_as_not_attempted() =>
        AssertNotAttempted(Week01.CheckSoftThreshold((_, _) => throw new NotImplementedException()));

    // ---- Exercise 3: step decay ----

    public static TheoryData<string, Func<double, double, int, int, double>> WrongStepDecays() => new()
    {
        // A continuous exponent is exponential decay, not step decay.
        { "continuous exponent", (lr, f, every, e) => lr * Math.Pow(f, (double)e / every) },
        // Drops one epoch early.
        { "off by one", (lr, f, every, e) => lr * Math.Pow(f, (e + 1) / every) },
        // Multiplies instead of raising to a power.
        { "factor times the step count", (lr, f, every, e) => e / every == 0 ? lr : lr * f * (e / every) },
        // Ignores everyEpochs: decays every epoch.
        { "decays every epoch", (lr, f, every, e) => lr * Math.Pow(f, e) },
        // Only the first drop is applied.
        { "drops once", (lr, f, every, e) => e >= every ? lr * f : lr },
    };

    [Fact]
    public void The_step_decay_checker_accepts_the_reference_solution()
    {
        var result = Week01.CheckStepDecay(Week01Solutions.StepDecay);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(result.ChecksRun, result.ChecksPassed);
    }

    [Theory]
    [MemberData(nameof(WrongStepDecays))]
    public void The_step_decay_checker_rejects_a_wrong_schedule(string mistake, Func<double, double, int, int, double> stepDecay)
    {
        var result = Week01.CheckStepDecay(stepDecay);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.False(result.Passed, $"'{mistake}' passed.");
    }

    [Fact]
    public void The_step_decay_checker_reports_the_stub_as_not_attempted() =>
        AssertNotAttempted(Week01.CheckStepDecay((_, _, _, _) => throw new NotImplementedException()));

    // ---- Exercise 4: normal equation ----

    public static TheoryData<string, Func<Matrix<double>, Vector<double>, Vector<double>>> WrongSolvers() => new()
    {
        // Forgets the inverse: Xᵀy is a direction, not the solution.
        { "X^T y without solving", (x, y) => x.TransposeThisAndMultiply(y) },
        // Solves only the first p equations exactly (a square system), ignoring the rest of the data.
        { "first p rows only", (x, y) => x.SubMatrix(0, x.ColumnCount, 0, x.ColumnCount).Solve(y.SubVector(0, x.ColumnCount)) },
        // Divides by the diagonal of XᵀX only, as if the columns were orthogonal.
        { "diagonal of X^T X only", (x, y) => x.TransposeThisAndMultiply(y).PointwiseDivide(x.TransposeThisAndMultiply(x).Diagonal()) },
        // Ridge instead of least squares (alpha = 1 on the diagonal).
        { "ridge with alpha 1", (x, y) => (x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseIdentity(x.ColumnCount)).Solve(x.TransposeThisAndMultiply(y)) },
    };

    [Fact]
    public void The_normal_equation_checker_accepts_the_reference_solution()
    {
        var result = Week01.CheckNormalEquation(Week01Solutions.NormalEquation);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(3, result.ChecksRun);
    }

    [Fact]
    public void The_normal_equation_checker_accepts_other_correct_solvers()
    {
        // QR on X itself and an explicit inverse are also right (the inverse is merely worse practice).
        Assert.True(Week01.CheckNormalEquation((x, y) => x.QR().Solve(y)).Passed);
        Assert.True(Week01.CheckNormalEquation((x, y) => x.TransposeThisAndMultiply(x).Inverse() * x.TransposeThisAndMultiply(y)).Passed);
    }

    [Theory]
    [MemberData(nameof(WrongSolvers))]
    public void The_normal_equation_checker_rejects_a_wrong_solver(string mistake, Func<Matrix<double>, Vector<double>, Vector<double>> solve)
    {
        var result = Week01.CheckNormalEquation(solve);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.False(result.Passed, $"'{mistake}' passed.");
    }

    [Fact]
    public void The_normal_equation_checker_stops_after_a_wrong_hand_case()
    {
        // Solving the first two rows exactly gives [1, 2]; by hand the least-squares answer is [4/3, 7/3].
        var result = Week01.CheckNormalEquation((x, y) => x.SubMatrix(0, x.ColumnCount, 0, x.ColumnCount).Solve(y.SubVector(0, x.ColumnCount)));

        Assert.Equal(1, result.ChecksRun);
        Assert.Contains("expected: [1.33333, 2.33333]", Assert.Single(result.Failures));
    }

    [Fact]
    public void The_normal_equation_checker_reports_the_stub_as_not_attempted() =>
        AssertNotAttempted(Week01.CheckNormalEquation((_, _) => throw new NotImplementedException()));

    // ---- shared ----

    [Fact]
    public void A_not_attempted_result_displays_without_throwing()
    {
        // The committed notebook runs every checker on the stub: showing the verdict must work.
        using var sink = CaptureSink.Notebook();

        Week01.CheckSoftThreshold((_, _) => throw new NotImplementedException()).Show();

        Assert.Contains("not attempted yet", sink.Single.PlainText);
    }
}
