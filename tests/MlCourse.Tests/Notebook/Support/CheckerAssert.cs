using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;

namespace MlCourse.Tests.Notebook.Support;

/// <summary>
/// The assertions every week's checker and quiz tests share (import with <c>using static</c>): a checker passes the
/// reference solution on every check, rejects a plausible mistake (by failing or by reporting what threw), and calls
/// the notebook's stub "not attempted"; a quiz's numeric answer is what the library computes.
/// </summary>
internal static class CheckerAssert
{
    public static void AssertPassed(CheckResult result)
    {
        Assert.True(result.Passed, result.Message);
        Assert.Equal(result.ChecksRun, result.ChecksPassed);
    }

    /// <param name="mistake">What the wrong solution gets wrong, for the failure message ("missing factor 2").</param>
    public static void AssertRejected(string mistake, CheckResult result)
    {
        Assert.False(result.Passed, $"'{mistake}' passed: {result.Message}");
        Assert.Contains(result.Status, new[] { CheckStatus.Failed, CheckStatus.Threw });
    }

    public static void AssertNotAttempted(CheckResult result)
    {
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
        Assert.False(result.Passed);
        Assert.Contains("not attempted yet", result.Summary);
    }

    /// <summary>The quiz accepts the value the course library computes for question <paramref name="id"/>.</summary>
    public static void AssertAccepted(Quiz quiz, string id, double computed)
    {
        var grade = quiz.Grade(id, computed);
        Assert.True(grade.IsCorrect, $"{id}: the library computes {computed}, but the quiz expects {grade.Expected}.");
    }
}
