namespace MlCourse.NotebookRunner.Results;

/// <summary>One executed code cell. <see cref="CellNumber"/> counts all cells from 1; <see cref="CodeCellNumber"/> counts code cells.</summary>
public sealed record CellRunResult(int CellNumber, int CodeCellNumber, bool Succeeded, TimeSpan Duration, int OutputCount)
{
    public string Label => $"cell {CellNumber} (code cell {CodeCellNumber})";
}
