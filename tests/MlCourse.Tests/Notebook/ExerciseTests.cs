using MathNet.Numerics.LinearAlgebra;
using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

public class ExerciseTests
{
    // The exercise used throughout: the MSE gradient 2/n X^T (Xw - y).
    private static readonly Matrix<double> X = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
    private static readonly Vector<double> Y = Vector<double>.Build.Dense([1.0, 2.0]);
    private static readonly Vector<double> W = Vector<double>.Build.Dense([0.5, -1.0]);

    private static Vector<double> Reference(Matrix<double> x, Vector<double> y, Vector<double> w) =>
        x.TransposeThisAndMultiply(x * w - y) * (2.0 / x.RowCount);

    private static CheckResult CheckGradient(Func<Matrix<double>, Vector<double>, Vector<double>, Vector<double>> gradient) =>
        Exercise.Check("Exercise 1: MSE gradient", c =>
        {
            c.Given("X = [[1, 2], [3, 4]], y = [1, 2], w = [0.5, -1]");
            // Expected by hand: Xw - y = [-2.5, -4.5]; X^T r = [-16, -23]; times 2/2.
            c.Close("dL/dw", gradient(X, Y, W), Vector<double>.Build.Dense([-16.0, -23.0]), 1e-9);
            c.Close("dL/dw at w = 0", gradient(X, Y, W * 0), Reference(X, Y, W * 0), 1e-9);
        });

    [Fact]
    public void The_reference_solution_passes()
    {
        var result = CheckGradient(Reference);
        Assert.True(result.Passed);
        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Equal((2, 2), (result.ChecksRun, result.ChecksPassed));
        Assert.Empty(result.Failures);
        Assert.Equal("Exercise 1: MSE gradient: passed (2 of 2 checks).", result.Message);
    }

    [Fact]
    public void A_wrong_answer_fails_with_inputs_expected_and_actual()
    {
        // A classic slip: forgetting the factor 2.
        var result = CheckGradient((x, y, w) => x.TransposeThisAndMultiply(x * w - y) / x.RowCount);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal(2, result.Failures.Count);
        var failure = result.Failures[0];
        Assert.Equal(
            "dL/dw: 2 of 2 entries are off by more than 1e-09; the worst is [1]: expected -23, got -11.5.\n" +
            "expected: [-16, -23]\n" +
            "actual:   [-8, -11.5]\n" +
            "inputs: X = [[1, 2], [3, 4]], y = [1, 2], w = [0.5, -1]",
            failure);
        Assert.StartsWith("Exercise 1: MSE gradient: 2 of 2 checks failed.\n- dL/dw: 2 of 2 entries", result.Message);
    }

    [Fact]
    public void A_shape_mismatch_is_reported_as_such()
    {
        var result = CheckGradient((x, y, w) => Vector<double>.Build.Dense(3));
        Assert.StartsWith("dL/dw: shape mismatch: expected length 2 but got length 3.", result.Failures[0]);

        var matrices = Exercise.Check("Exercise 2: Gram matrix", c =>
            c.Close("X^T X", X, Matrix<double>.Build.Dense(2, 3), 1e-9));
        Assert.Equal("X^T X: shape mismatch: expected 2x3 but got 2x2.", Assert.Single(matrices.Failures));
    }

    [Fact]
    public void Learner_code_that_throws_is_reported_not_propagated()
    {
        var result = CheckGradient((x, y, w) => x * Vector<double>.Build.Dense(5));
        Assert.Equal(CheckStatus.Threw, result.Status);
        Assert.False(result.Passed);
        Assert.IsAssignableFrom<ArgumentException>(result.Exception);
        Assert.StartsWith("Exercise 1: MSE gradient: your code threw ArgumentException: ", result.Summary);
    }

    [Fact]
    public void NotImplementedException_means_not_attempted_yet()
    {
        var result = CheckGradient((x, y, w) => throw new NotImplementedException());
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
        Assert.Contains("not attempted yet", result.Summary);
    }

    [Fact]
    public void Scalar_checks_report_expected_actual_and_difference()
    {
        var result = Exercise.Check("Exercise 3: MSE", c =>
        {
            c.Close("MSE", 0.3, 0.25, 1e-6);
            c.Close("MSE of a perfect fit", double.NaN, 0, 1e-6);
            c.Equal("number of parameters", 3, 2);
            c.True("loss decreases", false, "the loss went from 1 to 2.");
            c.Throws<ArgumentException>("rejects empty input", () => { });
        });
        Assert.Equal(
            [
                "MSE: expected 0.25 (± 1e-06) but got 0.3 (off by 0.05).",
                "MSE of a perfect fit: expected 0 (± 1e-06) but got NaN.",
                "number of parameters: expected 2 but got 3.",
                "loss decreases: the loss went from 1 to 2.",
                "rejects empty input: expected ArgumentException but nothing was thrown.",
            ],
            result.Failures);
    }

    [Fact]
    public void Show_draws_green_red_or_amber()
    {
        using var notebook = CaptureSink.Notebook();
        CheckGradient(Reference).Show();
        CheckGradient((x, y, w) => W).Show();
        CheckGradient((x, y, w) => throw new NotImplementedException()).Show();
        Assert.Contains("#dafbe1", notebook.Outputs[0].Html);
        Assert.Contains("#ffebe9", notebook.Outputs[1].Html);
        Assert.Contains("#fff8c5", notebook.Outputs[2].Html);
        Assert.StartsWith("[PASS] Exercise 1", notebook.Outputs[0].PlainText);
        Assert.StartsWith("[FAIL] Exercise 1", notebook.Outputs[1].PlainText);
        Assert.StartsWith("[TODO] Exercise 1", notebook.Outputs[2].PlainText);
    }

    [Fact]
    public void Checker_mistakes_are_the_checker_authors_not_the_learners()
    {
        Assert.Throws<InvalidOperationException>(() => Exercise.Check("Empty", c => { }));
        Assert.Throws<CheckerDefinitionException>(() => Exercise.Check("Bad tolerance", c => c.Close("x", 1.0, 1.0, -1)));
        Assert.Throws<CheckerDefinitionException>(() => Exercise.Check("Bad expected", c => c.Close("x", 1.0, double.NaN)));
    }
}
