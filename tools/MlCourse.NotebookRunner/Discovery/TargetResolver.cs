using System.Text.RegularExpressions;

namespace MlCourse.NotebookRunner.Discovery;

/// <summary>
/// Turns what a learner types after <c>course run</c> into notebooks. Accepted forms (any case):
/// <list type="bullet">
/// <item><c>all</c>: every notebook under notebooks/.</item>
/// <item>a month: <c>month-1</c>, <c>month-01</c>, <c>m1</c>, or the folder name <c>month-1-foundations</c>.</item>
/// <item>a week: <c>week-01</c>, <c>week-1</c>, <c>w1</c>, or the folder name <c>week-01-ml-fundamentals</c>.</item>
/// <item>any other folder name under notebooks/ (<c>setup</c>, <c>interview-prep</c>), or a notebook's file name
/// (<c>check-environment</c> or <c>check-environment.ipynb</c>) when only one notebook has it.</item>
/// <item>a path to an .ipynb file or a folder inside notebooks/, relative to the working directory or to the folder holding notebooks/.</item>
/// </list>
/// A bare number is refused as ambiguous (week 3 or month 3?). A target must stand for at least one notebook.
/// </summary>
public static partial class TargetResolver
{
    public const string All = "all";

    public static TargetResolution Resolve(string target, NotebookTree tree, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentException.ThrowIfNullOrWhiteSpace(currentDirectory);
        var typed = (target ?? "").Trim();
        if (typed.Length == 0)
            return TargetResolution.Failure(typed, "No target given: name a week (week-01), a month (month-1), 'all', or a notebook path.");
        if (!tree.Exists)
            return TargetResolution.Failure(typed, $"There is no notebooks folder at {tree.RootFolder}.");

        if (typed.Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            var all = tree.Notebooks();
            return all.Count > 0
                ? TargetResolution.Success(typed, $"all notebooks under {tree.DisplayName}", all)
                : TargetResolution.Failure(typed, $"There are no notebooks under {tree.DisplayName} yet.");
        }

        if (LooksLikePath(typed, currentDirectory))
            return ResolvePath(typed, tree, currentDirectory);

        if (MonthForm().Match(typed) is { Success: true } month)
            return ResolveNumbered(typed, tree.Months(), int.Parse(month.Groups[1].Value), "month", tree);
        if (WeekForm().Match(typed) is { Success: true } week)
            return ResolveNumbered(typed, tree.Weeks(), int.Parse(week.Groups[1].Value), "week", tree);
        if (BareNumber().Match(typed) is { Success: true } number)
        {
            int n = int.Parse(number.Value);
            return TargetResolution.Failure(typed, $"'{typed}' is ambiguous: say week-{n:00} or month-{n}.",
                [$"week-{n:00}", $"month-{n}"]);
        }

        var folder = tree.Folders().FirstOrDefault(f => Path.GetFileName(f).Equals(typed, StringComparison.OrdinalIgnoreCase));
        if (folder is not null)
            return FromNotebooks(typed, tree.RelativePath(folder), tree.Notebooks(folder));

        var stem = typed.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? typed[..^".ipynb".Length] : typed;
        var byName = tree.Notebooks()
            .Where(n => Path.GetFileNameWithoutExtension(n).Equals(stem, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (byName.Length == 1)
            return FromNotebooks(typed, tree.RelativePath(byName[0]), byName);
        if (byName.Length > 1)
            return TargetResolution.Failure(typed, $"'{typed}' names {byName.Length} notebooks; give one of their paths.",
                byName.Select(n => $"{tree.DisplayName}{tree.RelativePath(n)}").ToArray());

        return TargetResolution.Failure(typed, $"Unknown target '{typed}': not 'all', a month, a week, a folder or a notebook under {tree.DisplayName}.",
            NearestNames.Find(typed, ValidNames(tree)));
    }

    /// <summary>Every short name <see cref="Resolve"/> accepts for this tree (paths aside).</summary>
    public static IReadOnlyList<string> ValidNames(NotebookTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var names = new List<string> { All };
        names.AddRange(tree.Months().Select(m => m.ShortName));
        names.AddRange(tree.Weeks().Select(w => w.ShortName));
        names.AddRange(tree.Folders().Select(Path.GetFileName).OfType<string>());
        names.AddRange(tree.Notebooks().Select(Path.GetFileNameWithoutExtension).OfType<string>());
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static TargetResolution ResolveNumbered(string typed, IReadOnlyList<CourseFolder> folders, int number, string kind, NotebookTree tree)
    {
        var matches = folders.Where(f => f.Number == number).ToArray();
        if (matches.Length == 0)
        {
            var nearest = folders.OrderBy(f => Math.Abs(f.Number - number)).ThenBy(f => f.Number).Take(3).Select(f => f.ShortName).ToArray();
            var available = folders.Count == 0 ? $"there are no {kind} folders yet" : $"{kind}s present: {string.Join(", ", folders.Select(f => f.ShortName).Distinct())}";
            return TargetResolution.Failure(typed, $"No {kind} {number} under {tree.DisplayName} ({available}).", nearest);
        }
        if (matches.Length > 1)
            return TargetResolution.Failure(typed, $"{kind} {number} matches {matches.Length} folders; give one of them.",
                matches.Select(m => tree.RelativePath(m.FullPath)).ToArray());
        var folder = matches[0];
        return FromNotebooks(typed, tree.RelativePath(folder.FullPath), tree.Notebooks(folder.FullPath));
    }

    private static TargetResolution ResolvePath(string typed, NotebookTree tree, string currentDirectory)
    {
        // Relative paths are tried from the working directory, then from the folder holding
        // notebooks/ (the repository root), so "notebooks/setup" works from anywhere in the repository.
        var treeParent = Path.GetDirectoryName(tree.RootFolder)!;
        var candidates = Path.IsPathRooted(typed)
            ? [Path.GetFullPath(typed)]
            : new[] { Path.GetFullPath(typed, currentDirectory), Path.GetFullPath(typed, treeParent) };
        var existing = candidates.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p));

        if (existing is null)
        {
            var suggestions = NearestNames.Find(typed,
                tree.Notebooks().Select(n => $"{tree.DisplayName}{tree.RelativePath(n)}")
                    .Concat(tree.Folders().Select(f => $"{tree.DisplayName}{tree.RelativePath(f)}")));
            return !candidates.Any(tree.Contains)
                ? TargetResolution.Failure(typed, $"'{typed}' does not exist, and targets must be inside {tree.DisplayName}.", suggestions)
                : TargetResolution.Failure(typed, $"'{typed}' does not exist.", suggestions);
        }
        if (!tree.Contains(existing))
            return TargetResolution.Failure(typed,
                $"'{typed}' is outside {tree.DisplayName} ({tree.RootFolder}): give a path inside it or a name such as week-01 (see 'course list'); " +
                "to run notebooks kept elsewhere, such as test fixtures, add --notebooks DIR.");

        if (File.Exists(existing))
        {
            return existing.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
                ? TargetResolution.Success(typed, tree.RelativePath(existing), [existing])
                : TargetResolution.Failure(typed, $"'{typed}' is not a notebook (.ipynb) file.");
        }
        var description = tree.RelativePath(existing) is "." ? $"all notebooks under {tree.DisplayName}" : tree.RelativePath(existing);
        return FromNotebooks(typed, description, tree.Notebooks(existing));
    }

    private static TargetResolution FromNotebooks(string typed, string description, IReadOnlyList<string> notebooks) =>
        notebooks.Count > 0
            ? TargetResolution.Success(typed, description, notebooks)
            : TargetResolution.Failure(typed, $"'{typed}' ({description}) has no notebooks yet.");

    private static bool LooksLikePath(string typed, string currentDirectory) =>
        typed.Contains('/') || typed.Contains('\\') || typed is "." or ".."
        || (typed.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.GetFullPath(typed, currentDirectory)));

    [GeneratedRegex(@"^(?:month-?|m)(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthForm();

    [GeneratedRegex(@"^(?:week-?|w)(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WeekForm();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex BareNumber();
}
