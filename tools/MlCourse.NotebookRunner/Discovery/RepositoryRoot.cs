namespace MlCourse.NotebookRunner.Discovery;

/// <summary>
/// Finds the course repository: the nearest folder above a start point that holds
/// <c>data/SHA256SUMS</c>, or the folder named by MLCOURSE_ROOT. The same rule as
/// MlCourse.Core.Data.CoursePaths, written again here because the runner must not load the
/// course library into its own process (notebooks load it themselves with <c>#r</c>).
/// </summary>
public static class RepositoryRoot
{
    public const string RootVariable = "MLCOURSE_ROOT";

    private static readonly string MarkerFile = Path.Combine("data", "SHA256SUMS");

    /// <summary>The nearest ancestor of <paramref name="startDirectory"/> (itself included) that is the repository root, or null.</summary>
    public static string? TryFind(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            if (IsRoot(dir.FullName)) return dir.FullName;
        return null;
    }

    /// <summary>MLCOURSE_ROOT if set, else the search from the working directory, then from the running program's folder.</summary>
    /// <exception cref="DirectoryNotFoundException">No repository was found, or MLCOURSE_ROOT names a folder without the marker.</exception>
    public static string Find()
    {
        var fromVariable = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
            return IsRoot(fromVariable)
                ? Path.GetFullPath(fromVariable)
                : throw new DirectoryNotFoundException($"{RootVariable} is '{fromVariable}', which has no {MarkerFile}.");

        return TryFind(Directory.GetCurrentDirectory())
            ?? TryFind(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException(
                $"Could not find the course repository (a folder with {MarkerFile}) above '{Directory.GetCurrentDirectory()}' " +
                $"or '{AppContext.BaseDirectory}'. Run from inside the repository or set {RootVariable}.");
    }

    private static bool IsRoot(string dir) => File.Exists(Path.Combine(dir, MarkerFile));
}
