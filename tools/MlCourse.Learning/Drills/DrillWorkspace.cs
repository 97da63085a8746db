using System.Globalization;

namespace MlCourse.Learning.Drills;

/// <summary>
/// Where the learner solves drills: .course/workspace/DRILL/Solution.cs (git-ignored), with the
/// start time beside it. Never overwrites the learner's file: a forced restart keeps it as a backup.
/// </summary>
public sealed class DrillWorkspace(string repositoryRoot)
{
    public const string SolutionFileName = "Solution.cs";
    private const string StartedFileName = "started-at.txt";

    public string RepositoryRoot { get; } = repositoryRoot;

    public string Folder { get; } = Path.Combine(repositoryRoot, ".course", "workspace");

    public string SolutionPath(Drill drill) => Path.Combine(Folder, drill.Name, SolutionFileName);

    public bool IsStarted(Drill drill) => File.Exists(SolutionPath(drill));

    /// <summary>When <see cref="Start"/> last ran for the drill, or null (the learner made the file by hand).</summary>
    public DateTimeOffset? StartedAt(Drill drill)
    {
        var path = Path.Combine(Folder, drill.Name, StartedFileName);
        return File.Exists(path) && DateTimeOffset.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : null;
    }

    /// <summary>
    /// Copies the stub into the workspace and records <paramref name="now"/> as the start.
    /// Returns the path of the backup made of an existing solution (only with <paramref name="force"/>), or null.
    /// </summary>
    /// <exception cref="InvalidOperationException">The drill is already started and <paramref name="force"/> is false.</exception>
    public string? Start(Drill drill, bool force, DateTimeOffset now)
    {
        var solution = SolutionPath(drill);
        Directory.CreateDirectory(Path.GetDirectoryName(solution)!);
        string? backup = null;
        if (File.Exists(solution))
        {
            if (!force)
                throw new InvalidOperationException($"drill '{drill.Name}' is already started: {solution} exists. Keep working on it, or pass --force to start over (your file is kept as a backup).");
            backup = $"{solution}.{now.UtcDateTime:yyyyMMdd-HHmmss}.bak";
            File.Move(solution, backup, overwrite: false);
        }
        // Written to a temporary name first, so an interrupted start never leaves half a stub.
        var temporary = solution + ".tmp";
        File.Copy(drill.StubPath, temporary, overwrite: true);
        File.Move(temporary, solution);
        File.WriteAllText(Path.Combine(Folder, drill.Name, StartedFileName), now.ToString("O", CultureInfo.InvariantCulture));
        return backup;
    }
}
