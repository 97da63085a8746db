using MlCourse.NotebookRunner.Results;

namespace MlCourse.Cli.Output;

/// <summary>One notebook's line in the closing table.</summary>
internal sealed record SummaryRow(string Notebook, int CellsRun, int CodeCells, string Failures, double? Seconds)
{
    public static SummaryRow From(string notebook, NotebookRunResult result) =>
        new(notebook, result.Cells.Count, result.CodeCellCount,
            result.Failure is { } f ? $"1 at cell {f.CellNumber}{(f.TimedOut ? " (timeout)" : "")}" : "0",
            result.Duration.TotalSeconds);

    /// <summary>A file that could not be read as a notebook.</summary>
    public static SummaryRow NotRun(string notebook) => new(notebook, 0, 0, "1 (not a notebook)", null);

    public bool Failed => Failures != "0";
}
