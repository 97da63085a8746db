using MlCourse.Cli.Cli;
using MlCourse.Learning.Drills;
using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.Cli.Commands;

/// <summary><c>course drill list|start|check|reveal</c>: timed coding drills with hidden checks (docs/drills.md).</summary>
public sealed class DrillCommand : ICourseCommand
{
    private static readonly string[] Actions = ["list", "start", "check", "reveal"];

    public string Name => "drill";

    public string Summary => "Timed coding drills: list, start (copy the stub), check (hidden checks), reveal (reference).";

    public string Help => """
        Usage: course drill list
               course drill start <drill> [--force]
               course drill check <drill> [--file PATH] [--timeout SECONDS]
               course drill reveal <drill>

        A drill is a folder under drills/ (see docs/drills.md). 'start' copies its stub to
        .course/workspace/<drill>/Solution.cs (git-ignored) and starts the clock; edit that file.
        'check' compiles it against the base class library only and runs the hidden checks in a
        separate process, killed after the time limit, then shows each failed check with its
        inputs, expected and actual values, and your time against the drill's time box.
        'reveal' prints the reference solution. A drill name may be shortened to a unique
        prefix (week-01).

        Options:
          --force             start over: your current Solution.cs is kept as Solution.cs.<time>.bak
          --file PATH         check PATH instead of the workspace file
          --timeout SECONDS   time limit for running the checks (default: 10)

        Exit codes: 0 success (check: every check passed), 1 check failed, 2 bad input.
        """;

    public async Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var action = args.TakePositional()
            ?? throw new UsageException("Missing action: say 'course drill list', 'start', 'check' or 'reveal'.");
        if (!Actions.Contains(action))
            throw new UsageException($"Unknown drill action '{action}'. Did you mean '{NearestNames.Find(action, Actions, 1)[0]}'? Actions: {string.Join(", ", Actions)}.");
        var root = CourseLocation.RepositoryRootOrExplain();
        var catalog = new DrillCatalog(root);
        if (action == "list")
        {
            args.EnsureNothingLeft("drill list");
            return List(catalog, new DrillWorkspace(root), console);
        }

        var force = action == "start" && args.TakeFlag("--force");
        var file = action == "check" ? args.TakeOption("--file") : null;
        var timeout = action == "check" ? ParseTimeout(args.TakeOption("--timeout")) : DrillChecker.DefaultTimeLimit;
        var name = args.TakePositional()
            ?? throw new UsageException($"Missing drill name: e.g. 'course drill {action} {catalog.All().FirstOrDefault()?.Name ?? "week-01"}' (see 'course drill list').");
        args.EnsureNothingLeft($"drill {action}");
        var drill = Resolve(catalog, name);
        return action switch
        {
            "start" => Start(drill, new DrillWorkspace(root), force, console),
            "check" => await DrillCheckAction.RunAsync(drill, new DrillWorkspace(root), file, timeout, console),
            _ => Reveal(drill, console),
        };
    }

    private static int List(DrillCatalog catalog, DrillWorkspace workspace, CliConsole console)
    {
        var drills = catalog.All();
        if (drills.Count == 0)
        {
            console.Out.WriteLine($"No drills under {catalog.DrillsFolder} yet.");
            return ExitCodes.Success;
        }
        console.Out.WriteLine($"Drills under {catalog.DrillsFolder} ({drills.Count}); start one with 'course drill start NAME':");
        foreach (var drill in drills)
        {
            var box = drill.TimeBox is { } t ? $"{t.TotalMinutes:0} min" : "no time box";
            var state = drill.Problems().Count > 0 ? "  [no checks yet]" : workspace.IsStarted(drill) ? "  [started]" : "";
            console.Out.WriteLine($"  {drill.Name,-32} {box,-8} {drill.Title}{state}");
        }
        return ExitCodes.Success;
    }

    private static int Start(Drill drill, DrillWorkspace workspace, bool force, CliConsole console)
    {
        string? backup;
        try
        {
            backup = workspace.Start(drill, force, DateTimeOffset.Now);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message);
        }
        if (backup is not null) console.Out.WriteLine($"Your previous solution is kept as {backup}.");
        console.Out.WriteLine($"Started '{drill.Name}' ({drill.Title}); the clock is running" +
                              (drill.TimeBox is { } t ? $", time box {t.TotalMinutes:0} min." : "."));
        console.Out.WriteLine($"Prompt:   {drill.PromptPath}");
        console.Out.WriteLine($"Edit:     {workspace.SolutionPath(drill)}");
        console.Out.WriteLine($"Check:    course drill check {drill.Name}");
        return ExitCodes.Success;
    }

    private static int Reveal(Drill drill, CliConsole console)
    {
        console.Out.WriteLine($"Reference solution for '{drill.Name}' ({drill.ReferencePath}):");
        console.Out.WriteLine();
        console.Out.WriteLine(File.ReadAllText(drill.ReferencePath).TrimEnd());
        return ExitCodes.Success;
    }

    private static Drill Resolve(DrillCatalog catalog, string name)
    {
        var drill = catalog.TryFind(name);
        if (drill is null)
        {
            var names = catalog.All().Select(d => d.Name).ToList();
            var prefixed = names.Where(n => n.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (prefixed.Count > 1)
                throw new UsageException($"'{name}' is the start of {prefixed.Count} drills: {string.Join(", ", prefixed)}. Type more of the name.");
            var nearest = Suggestions(name, names);
            throw new UsageException($"Unknown drill '{name}'." +
                (nearest.Count > 0 ? $" Nearest: {string.Join(", ", nearest)}." : " There are no drills yet.") + " See 'course drill list'.");
        }
        var problems = drill.Problems();
        if (problems.Count > 0) throw new UsageException($"Drill '{drill.Name}' is incomplete: {string.Join("; ", problems)}.");
        return drill;
    }

    /// <summary>
    /// Up to three drill names for a name that matched none. A learner types the start of a name
    /// ("week-1" for week-01-...) or a word of it ("softmax"), so a name containing the text comes first,
    /// then names by the edit distance to their closest prefix, not to the whole long name.
    /// </summary>
    public static IReadOnlyList<string> Suggestions(string typed, IReadOnlyList<string> names)
    {
        var text = typed.Trim().ToLowerInvariant();
        var containing = names.Where(n => n.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (containing.Count > 0) return containing.Take(3).ToList();
        int PrefixDistance(string name) => Enumerable.Range(0, name.Length + 1)
            .Min(k => NearestNames.EditDistance(text, name[..k].ToLowerInvariant()));
        return names.OrderBy(PrefixDistance).ThenBy(n => n, StringComparer.Ordinal).Take(3).ToList();
    }

    private static TimeSpan ParseTimeout(string? text)
    {
        if (text is null) return DrillChecker.DefaultTimeLimit;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= 600)
            return TimeSpan.FromSeconds(seconds);
        throw new UsageException($"--timeout must be a number of seconds between 0 and 600, not '{text}'.");
    }
}
