using System.Text.RegularExpressions;

namespace MlCourse.NotebookRunner.Discovery;

/// <summary>
/// The notebooks/ folder: <c>month-N-slug/week-NN-slug/*.ipynb</c>, plus folders such as
/// <c>setup/</c> and <c>interview-prep/</c>. Hidden folders (.ipynb_checkpoints, .vscode) are skipped.
/// </summary>
public sealed partial class NotebookTree
{
    public const string FolderName = "notebooks";

    public NotebookTree(string rootFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootFolder);
        RootFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootFolder));
    }

    public static NotebookTree ForRepository(string repositoryRoot) => new(Path.Combine(repositoryRoot, FolderName));

    public string RootFolder { get; }

    public bool Exists => Directory.Exists(RootFolder);

    /// <summary>The root's folder name with a slash, as messages show it: "notebooks/".</summary>
    public string DisplayName => Path.GetFileName(RootFolder) + "/";

    /// <summary>Every notebook under <paramref name="folder"/> (default: the whole tree), ordered by relative path.</summary>
    public IReadOnlyList<string> Notebooks(string? folder = null)
    {
        var start = folder is null ? RootFolder : Path.GetFullPath(folder);
        if (!Directory.Exists(start)) return [];
        return Directory.EnumerateFiles(start, "*.ipynb", SearchOption.AllDirectories)
            .Where(path => !IsHidden(path))
            .OrderBy(RelativePath, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Folders below the root (not hidden), ordered by relative path.</summary>
    public IReadOnlyList<string> Folders() =>
        !Exists
            ? []
            : Directory.EnumerateDirectories(RootFolder, "*", SearchOption.AllDirectories)
                .Where(path => !IsHidden(path))
                .OrderBy(RelativePath, StringComparer.Ordinal)
                .ToArray();

    public IReadOnlyList<CourseFolder> Months() => CourseFolders(CourseFolderKind.Month, MonthPattern());

    public IReadOnlyList<CourseFolder> Weeks() => CourseFolders(CourseFolderKind.Week, WeekPattern());

    /// <summary>The path below the root with '/' separators, e.g. <c>setup/check-environment.ipynb</c>.</summary>
    public string RelativePath(string fullPath) =>
        Path.GetRelativePath(RootFolder, Path.GetFullPath(fullPath)).Replace('\\', '/');

    /// <summary>True for the root itself and anything below it.</summary>
    public bool Contains(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return full.Equals(RootFolder, StringComparison.Ordinal)
            || full.StartsWith(RootFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private IReadOnlyList<CourseFolder> CourseFolders(CourseFolderKind kind, Regex pattern) =>
        Folders()
            .Select(path => (Path: path, Match: pattern.Match(Path.GetFileName(path))))
            .Where(x => x.Match.Success)
            .Select(x => new CourseFolder(kind, int.Parse(x.Match.Groups[1].Value), Path.GetFileName(x.Path), x.Path))
            .OrderBy(f => f.Number)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();

    private bool IsHidden(string path) =>
        RelativePath(path).Split('/').Any(part => part.StartsWith('.'));

    [GeneratedRegex(@"^month-(\d+)(?:-.+)?$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^week-(\d+)(?:-.+)?$")]
    private static partial Regex WeekPattern();
}
