using Microsoft.Data.Sqlite;
using MlCourse.Learning.Store;
using MlCourse.Notebook;

namespace MlCourse.Cli.Cli;

/// <summary>
/// What the tool prints and returns when a command throws: one line naming what went wrong, never
/// a stack trace. Damaged or malformed files the learner can fix (the progress store, a quiz.json,
/// daily-log.md) are bad input (exit 2); a folder or file that cannot be written, and anything
/// unexpected, are failures (exit 1).
/// </summary>
public static class CommandFailure
{
    public static int Report(Exception e, CliConsole console)
    {
        var (code, message) = e switch
        {
            UsageException => (ExitCodes.BadInput, e.Message),
            DamagedStoreException => (ExitCodes.BadInput, e.Message),
            QuizFormatException => (ExitCodes.BadInput, e.Message),
            InvalidDataException => (ExitCodes.BadInput, e.Message),
            UnauthorizedAccessException => (ExitCodes.Failure, $"cannot write: {e.Message} Check the permissions of the repository folder."),
            SqliteException s => (ExitCodes.Failure, $"the progress store (.course/progress.db) failed: {s.Message}"),
            IOException => (ExitCodes.Failure, e.Message),
            _ => (ExitCodes.Failure, $"unexpected {e.GetType().Name}: {e.Message} (please report this with the command you ran)"),
        };
        console.Error.WriteLine($"course: {OneLine(message)}");
        return code;
    }

    private static string OneLine(string text) => string.Join(" ", text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
