using System.Text;

namespace MlCourse.NotebookRunner.Results;

/// <summary>The outcome of running one notebook with <see cref="NotebookExecutor"/>.</summary>
public sealed record NotebookRunResult
{
    /// <summary>Lines of the error text that <see cref="Describe"/> prints; the rest is in the executed copy.</summary>
    public const int DescribedErrorLines = 20;

    public required string NotebookPath { get; init; }

    /// <summary>The path messages show: relative to the repository root when the notebook is inside one.</summary>
    public required string DisplayPath { get; init; }

    public string? OutputPath { get; init; }

    public required CourseProfile Profile { get; init; }

    public NotebookEngine Engine { get; init; } = NotebookEngine.Kernel;

    public required TimeSpan Duration { get; init; }

    /// <summary>Time to build the kernel, before the first cell.</summary>
    public required TimeSpan KernelStartDuration { get; init; }

    public required int CodeCellCount { get; init; }

    /// <summary>The code cells that ran, in order; the last one is the failing cell when the run failed.</summary>
    public required IReadOnlyList<CellRunResult> Cells { get; init; }

    public CellFailure? Failure { get; init; }

    /// <summary>Kernel extensions loaded from the notebook's packages (full type names).</summary>
    public required IReadOnlyList<string> LoadedExtensions { get; init; }

    public bool Succeeded => Failure is null;

    /// <summary>
    /// One paragraph a person can act on: the notebook, the cell (all-cell and code-cell number),
    /// the cell's first three lines and the error. This is what a failing test and the CLI print.
    /// </summary>
    public string Describe()
    {
        var seconds = $"{Duration.TotalSeconds:0.0} s";
        if (Failure is null)
            return $"{DisplayPath}: all {CodeCellCount} code cells ran in {seconds} (profile {Profile.ToVariableValue()}).";

        var text = new StringBuilder();
        var what = Failure.TimedOut ? "timed out" : "failed";
        text.AppendLine($"{DisplayPath} {what} at {Failure.Label} after {seconds} (profile {Profile.ToVariableValue()}). The cell begins:");
        foreach (var line in Failure.SourceHead)
            text.AppendLine($"    {line}");
        var errorLines = Failure.Error.Replace("\r\n", "\n").TrimEnd().Split('\n');
        text.AppendLine("Error:");
        foreach (var line in errorLines.Take(DescribedErrorLines))
            text.AppendLine($"    {line}");
        if (errorLines.Length > DescribedErrorLines)
            text.AppendLine($"    ... ({errorLines.Length - DescribedErrorLines} more lines{(OutputPath is null ? "" : $" in {OutputPath}")})");
        return text.ToString().TrimEnd();
    }
}
