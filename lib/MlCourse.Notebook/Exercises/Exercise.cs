using System.Reflection;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// Runs an exercise checker. The checks call the learner's code and compare with expected
/// values through a <see cref="Checker"/>; anything the code throws becomes the verdict instead
/// of a stack trace.
/// <code>
/// public static CheckResult CheckMseGradient(Func&lt;Matrix&lt;double&gt;, Vector&lt;double&gt;, Vector&lt;double&gt;, Vector&lt;double&gt;&gt; gradient) =>
///     Exercise.Check("Exercise 1: MSE gradient", c =>
///     {
///         c.Given("X = [[1, 2], [3, 4]], y = [1, 2], w = [0.5, -1]");
///         c.Close("dL/dw", gradient(X, y, w), expected, 1e-8);
///     });
/// </code>
/// Week checkers live in lib/MlCourse.Notebook/Exercises/WeekNN.cs with reference solutions.
/// </summary>
public static class Exercise
{
    public static CheckResult Check(string title, Action<Checker> checks)
    {
        Guard.NotBlank(title, nameof(title));
        Guard.NotNull(checks, nameof(checks));
        var checker = new Checker();
        try
        {
            checks(checker);
        }
        catch (Exception e) when (e is not CheckerDefinitionException)
        {
            var cause = Unwrap(e);
            var status = cause is NotImplementedException ? CheckStatus.NotAttempted : CheckStatus.Threw;
            return new CheckResult(title, status, checker.Failures, checker.ChecksRun, checker.ChecksRun - checker.Failures.Count, cause);
        }
        if (checker.ChecksRun == 0)
            throw new InvalidOperationException($"The checker for '{title}' ran no checks; a checker must compare something.");
        var passed = checker.ChecksRun - checker.Failures.Count;
        return new CheckResult(title, checker.Failures.Count == 0 ? CheckStatus.Passed : CheckStatus.Failed,
            checker.Failures, checker.ChecksRun, passed, exception: null);
    }

    // Learner code called through reflection or a task arrives wrapped; the learner needs the inner error.
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }: e = inner; continue;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1: e = aggregate.InnerExceptions[0]; continue;
                case TypeInitializationException { InnerException: { } inner }: e = inner; continue;
                default: return e;
            }
        }
    }
}
