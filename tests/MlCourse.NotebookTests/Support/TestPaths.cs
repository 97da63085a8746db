using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.NotebookTests.Support;

/// <summary>Where the repository, its notebooks, the runner fixtures and test outputs are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = MlCourse.NotebookRunner.Discovery.RepositoryRoot.Find();

    public static NotebookTree Notebooks { get; } = NotebookTree.ForRepository(RepositoryRoot);

    /// <summary>
    /// Small notebooks that exercise the runner. They sit three folders below the root, like a
    /// week's notebook, so that their <c>#r "../../../artifacts/lib/..."</c> lines resolve the same way.
    /// </summary>
    public static string FixturesFolder { get; } = Path.Combine(RepositoryRoot, "tests", "MlCourse.NotebookTests", "Fixtures");

    /// <summary>Executed copies written by tests (git-ignored, like output/executed/).</summary>
    public static string OutputFolder { get; } = Path.Combine(RepositoryRoot, "output", "test-executed");

    public static string Fixture(string fileName)
    {
        var path = Path.Combine(FixturesFolder, fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Runner fixture '{fileName}' is missing from {FixturesFolder}.", path);
    }

    public static string FromRoot(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    public static string RelativeToRoot(string fullPath) => Path.GetRelativePath(RepositoryRoot, fullPath).Replace('\\', '/');
}
