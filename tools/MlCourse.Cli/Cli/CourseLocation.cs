using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.Cli.Cli;

/// <summary>The repository and the notebook tree a command works on.</summary>
internal static class CourseLocation
{
    public static string RepositoryRootOrExplain()
    {
        try
        {
            return RepositoryRoot.Find();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>notebooks/ of the repository, or the folder given with --notebooks (relative to the working directory).</summary>
    public static NotebookTree Tree(string repositoryRoot, string? notebooksOption)
    {
        if (notebooksOption is null) return NotebookTree.ForRepository(repositoryRoot);
        var tree = new NotebookTree(Path.GetFullPath(notebooksOption));
        return tree.Exists ? tree : throw new UsageException($"--notebooks '{notebooksOption}' is not a folder.");
    }
}
