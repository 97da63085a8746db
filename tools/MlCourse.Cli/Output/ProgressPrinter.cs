using MlCourse.Cli.Cli;
using MlCourse.NotebookRunner;
using MlCourse.NotebookRunner.Results;

namespace MlCourse.Cli.Output;

/// <summary>
/// Cell progress for one notebook. On a terminal one line is rewritten as cells start; in a log
/// (CI) each finished cell gets its own line, so a slow or stuck cell can be found afterwards.
/// </summary>
internal sealed class ProgressPrinter(CliConsole console) : IProgress<CellProgress>
{
    private int _lastLineLength;

    public void Report(CellProgress value)
    {
        var where = $"code cell {value.CodeCellNumber}/{value.CodeCellCount} (cell {value.CellNumber})";
        if (console.Interactive && value.Stage == CellProgressStage.Started)
            Rewrite($"    {where} running...");
        else if (!console.Interactive && value.Stage == CellProgressStage.Finished)
            console.Out.WriteLine($"    {where} {(value.Succeeded == true ? "ok" : "FAILED")} {value.Duration?.TotalSeconds:0.0} s");
    }

    /// <summary>The notebook's closing line.</summary>
    public void Finish(NotebookRunResult result)
    {
        if (console.Interactive) Rewrite("");
        var seconds = $"{result.Duration.TotalSeconds:0.0} s";
        var line = result.Failure is { } failure
            ? $"    FAILED at {failure.Label}{(failure.TimedOut ? " (timeout)" : "")} after {seconds}"
            : $"    ok: {result.Cells.Count}/{result.CodeCellCount} code cells in {seconds} (kernel start {result.KernelStartDuration.TotalSeconds:0.0} s)";
        if (console.Interactive)
        {
            console.Out.Write('\r');
            _lastLineLength = 0;
        }
        console.Out.WriteLine(line);
    }

    private void Rewrite(string text)
    {
        console.Out.Write('\r' + text.PadRight(_lastLineLength));
        _lastLineLength = text.Length;
        console.Out.Flush();
    }
}
