using System.Text.RegularExpressions;

namespace MlCourse.Learning.Drills;

/// <summary>The drills of a course repository: every folder under drills/ that has a prompt.md.</summary>
public sealed partial class DrillCatalog(string repositoryRoot)
{
    public string DrillsFolder { get; } = Path.Combine(repositoryRoot, "drills");

    public IReadOnlyList<Drill> All()
    {
        if (!Directory.Exists(DrillsFolder)) return [];
        return Directory.EnumerateDirectories(DrillsFolder)
            .Where(d => File.Exists(Path.Combine(d, "prompt.md")))
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }

    /// <summary>
    /// The drill named exactly (any case), or the only drill whose name starts with
    /// <paramref name="name"/> ("week-01" for "week-01-linear-regression"); null when none or several match.
    /// </summary>
    public Drill? TryFind(string name)
    {
        var all = All();
        var exact = all.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var prefixed = all.Where(d => d.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    private static Drill Read(string folder)
    {
        var prompt = File.ReadAllText(Path.Combine(folder, "prompt.md"));
        var heading = prompt.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        var title = heading is null ? Path.GetFileName(folder) : heading[2..].Replace("Drill:", "").Trim();
        return new Drill(Path.GetFileName(folder), folder, title, ParseTimeBox(prompt));
    }

    /// <summary>The minutes on the prompt's "**Time box:** 20 minutes" line, or null without one.</summary>
    public static TimeSpan? ParseTimeBox(string prompt)
    {
        var match = TimeBoxLine().Match(prompt);
        return match.Success ? TimeSpan.FromMinutes(int.Parse(match.Groups[1].Value)) : null;
    }

    [GeneratedRegex(@"^\*\*Time box:\*\*\s*(\d{1,3})\s*min", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TimeBoxLine();
}
