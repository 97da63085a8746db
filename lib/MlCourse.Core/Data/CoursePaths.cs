namespace MlCourse.Core.Data;

/// <summary>
/// Finds the course repository from wherever code runs: a notebook (working directory = the
/// week's folder), a test or tool (binaries under the repository), or a file-based app.
/// The repository root is the nearest ancestor holding <c>data/SHA256SUMS</c>;
/// the environment variable MLCOURSE_ROOT overrides the search.
/// </summary>
public static class CoursePaths
{
    public const string RootVariable = "MLCOURSE_ROOT";

    public static string Root => FindRoot()
        ?? throw new DirectoryNotFoundException(
            $"Could not find the course repository (a folder with data/SHA256SUMS) above '{Directory.GetCurrentDirectory()}' " +
            $"or '{AppContext.BaseDirectory}'. Run from inside the repository or set {RootVariable}.");

    public static string DataDirectory => Path.Combine(Root, "data");

    public static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return IsRoot(fromEnv) ? Path.GetFullPath(fromEnv)
                : throw new DirectoryNotFoundException($"{RootVariable} is '{fromEnv}', which has no data/SHA256SUMS.");
        var libraryFolder = Path.GetDirectoryName(typeof(CoursePaths).Assembly.Location);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, libraryFolder })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (IsRoot(dir.FullName)) return dir.FullName;
        }
        return null;
    }

    private static bool IsRoot(string dir) => File.Exists(Path.Combine(dir, "data", "SHA256SUMS"));
}
