using System.Text.RegularExpressions;
using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.NotebookTests.Support;

/// <summary>A <c>#r "nuget: Id, Version"</c> line in a code cell.</summary>
internal sealed record NugetReference(int CellNumber, string PackageId, string? Version, string Line);

/// <summary>
/// Checks that every <c>#r "nuget: ..."</c> names the exact version pinned in
/// Directory.Packages.props: offline restore needs an exact version that is in the cache, and one
/// pin per package keeps the library, tests and notebooks on the same binaries.
/// </summary>
internal static partial class NugetReferenceCheck
{
    public static IReadOnlyList<NugetReference> Find(NotebookFile notebook) =>
        notebook.CodeCells
            .SelectMany(cell => cell.Source.Replace("\r\n", "\n").Split('\n')
                .Select(line => (cell.Number, Line: line.Trim(), Match: Directive().Match(line))))
            .Where(x => x.Match.Success)
            .Select(x => new NugetReference(x.Number, x.Match.Groups["id"].Value.Trim(),
                x.Match.Groups["version"].Success ? x.Match.Groups["version"].Value.Trim() : null, x.Line))
            .ToArray();

    /// <summary>One message per reference that is not exactly a central pin; empty when all are.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<NugetReference> references, IReadOnlyDictionary<string, string> pins)
    {
        var problems = new List<string>();
        foreach (var r in references)
        {
            var where = $"cell {r.CellNumber}: {r.Line}";
            if (!pins.TryGetValue(r.PackageId, out var pinned))
                problems.Add($"{where} — {r.PackageId} has no PackageVersion in Directory.Packages.props; pin it there first.");
            else if (string.IsNullOrEmpty(r.Version))
                problems.Add($"{where} — no version; offline restore needs the exact pin: #r \"nuget: {r.PackageId}, {pinned}\".");
            else if (r.Version.IndexOfAny(['*', '[', ']', '(', ')', ',', ' ']) >= 0)
                problems.Add($"{where} — '{r.Version}' is a range or wildcard; use the exact pin {pinned}.");
            else if (!r.Version.Equals(pinned, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{where} — version {r.Version}, but Directory.Packages.props pins {r.PackageId} {pinned}.");
        }
        return problems;
    }

    // The version group takes everything after the first comma so that ranges such as
    // "[1.0, 2.0)" are caught instead of being cut at their own comma.
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"]+?)\s*(?:,(?<version>[^"]*))?"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
