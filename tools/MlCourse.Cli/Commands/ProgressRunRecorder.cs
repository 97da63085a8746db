using Microsoft.Data.Sqlite;
using MlCourse.Cli.Cli;
using MlCourse.Learning.Store;
using MlCourse.NotebookRunner.Results;

namespace MlCourse.Cli.Commands;

/// <summary>Lets <c>course run</c> record each notebook it executed, for <c>course progress</c>.</summary>
internal static class ProgressRunRecorder
{
    /// <summary>
    /// Records one run. A progress store that cannot be written (read-only checkout, locked for
    /// longer than the busy timeout) costs a warning, never the run's result.
    /// </summary>
    public static void Record(string repositoryRoot, string notebook, NotebookRunResult result, CliConsole console)
    {
        try
        {
            using var store = ProgressStore.Open(ProgressStore.DefaultPath(repositoryRoot));
            store.RecordNotebookRun(new NotebookRunRecord(notebook.Replace('\\', '/'), result.Succeeded, result.Duration.TotalSeconds, DateTimeOffset.Now));
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"course: warning: could not record the run in .course/progress.db: {e.Message}");
        }
    }
}
