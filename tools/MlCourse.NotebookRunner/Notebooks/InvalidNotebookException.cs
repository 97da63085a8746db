namespace MlCourse.NotebookRunner.Notebooks;

/// <summary>A file that cannot be run because it is not a readable nbformat 4 notebook.</summary>
public sealed class InvalidNotebookException(string path, string problem)
    : Exception($"Cannot run notebook '{path}': {problem}.")
{
    public string NotebookPath { get; } = path;

    public string Problem { get; } = problem;
}
