namespace MlCourse.NotebookRunner;

public enum CellProgressStage
{
    Started,
    Finished,
}

/// <summary>
/// "Code cell 4 of 12 started/finished" for one notebook. <see cref="Duration"/> and
/// <see cref="Succeeded"/> are set only when <see cref="Stage"/> is Finished.
/// </summary>
public sealed record CellProgress(
    string NotebookPath,
    int CellNumber,
    int CodeCellNumber,
    int CodeCellCount,
    CellProgressStage Stage,
    TimeSpan? Duration = null,
    bool? Succeeded = null);
