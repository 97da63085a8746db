namespace MlCourse.NotebookRunner.Export;

/// <summary>
/// A notebook that cannot become a file-based app. <see cref="Problems"/> lists every reason
/// found, each naming its cell; <see cref="Exception.Message"/> is one line: the first problem
/// and how many more there are.
/// </summary>
public sealed class NotebookExportException : Exception
{
    public NotebookExportException(string notebookPath, IReadOnlyList<string> problems)
        : base(Summary(notebookPath, problems))
    {
        NotebookPath = notebookPath;
        Problems = problems;
    }

    public string NotebookPath { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Summary(string notebookPath, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
            throw new ArgumentException("An export failure needs at least one problem.", nameof(problems));
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s))" : "";
        return $"Cannot export '{notebookPath}' as a file-based app: {problems[0]}{more}";
    }
}
