namespace MlCourse.NotebookRunner.Results;

/// <summary>
/// The cell that stopped a notebook: where it is (all-cell and code-cell numbers), how it
/// starts, and what went wrong (the compiler's diagnostics, the exception, or the timeout).
/// </summary>
public sealed record CellFailure(
    int CellNumber,
    int CodeCellNumber,
    int CodeCellCount,
    IReadOnlyList<string> SourceHead,
    string Error,
    bool TimedOut)
{
    public string Label => $"cell {CellNumber} (code cell {CodeCellNumber} of {CodeCellCount})";
}
