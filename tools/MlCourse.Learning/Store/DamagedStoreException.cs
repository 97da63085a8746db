namespace MlCourse.Learning.Store;

/// <summary>
/// .course/progress.db cannot be used as it is: not a database, corrupt, or missing a table.
/// The message names the file, what is wrong and the command that recovers it
/// (<see cref="ProgressStore.Repair"/>), which keeps whatever can still be read.
/// </summary>
public sealed class DamagedStoreException(string path, string problem, Exception? inner = null)
    : Exception($"{path} is damaged ({problem}). Run 'course progress --repair' to recover: " +
                "missing tables are recreated and every other record is kept; a file that is not a database at all " +
                "is kept aside as progress.db.damaged-<time> and a new one is started. Notebooks, drill solutions and daily-log.md are not stored there.", inner)
{
    public string StorePath { get; } = path;
}
