using MlCourse.Cli.Cli;
using MlCourse.Learning.Drills;
using MlCourse.Learning.Store;

namespace MlCourse.Cli.Commands;

/// <summary><c>course drill check</c>: compiles the learner's file, runs the hidden checks, prints what failed and the time.</summary>
internal static class DrillCheckAction
{
    public static async Task<int> RunAsync(Drill drill, DrillWorkspace workspace, string? fileOption, TimeSpan timeLimit, CliConsole console)
    {
        var file = fileOption is null ? workspace.SolutionPath(drill) : Path.GetFullPath(fileOption);
        if (!File.Exists(file))
            throw new UsageException(fileOption is null
                ? $"Drill '{drill.Name}' is not started: {file} does not exist. Run 'course drill start {drill.Name}' first."
                : $"--file '{fileOption}' does not exist.");

        console.Out.WriteLine($"Checking {file} against '{drill.Name}' ({drill.Title})...");
        var report = await DrillChecker.CheckAsync(drill, file, timeLimit);
        if (report.CompileErrors.Count > 0)
            PrintCompileErrors(report.CompileErrors, console);
        else
            PrintRun(report.Run!, timeLimit, console);
        console.Out.WriteLine($"(compiled in {report.CompileTime.TotalSeconds:0.0} s{(report.Run is { } r ? $", checks ran in {r.Elapsed.TotalSeconds:0.0} s" : "")})");

        // The time only means something for the workspace file, whose start 'drill start' recorded.
        var started = fileOption is null ? workspace.StartedAt(drill) : null;
        if (started is { } at)
        {
            var spent = DateTimeOffset.Now - at;
            var box = drill.TimeBox is { } t ? $" of the {t.TotalMinutes:0} min box" + (spent > t ? $" (over by {Minutes(spent - t)})" : "") : "";
            console.Out.WriteLine($"Time: {Minutes(spent)}{box}, since {at.LocalDateTime:yyyy-MM-dd HH:mm}.");
        }
        if (fileOption is null) Record(drill, report, started, workspace);
        return report.Passed ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Only checks of the workspace file are attempts; --file checks (a reference, an experiment) are not.</summary>
    private static void Record(Drill drill, DrillCheckReport report, DateTimeOffset? started, DrillWorkspace workspace)
    {
        var now = DateTimeOffset.Now;
        using var store = ProgressStore.Open(ProgressStore.DefaultPath(workspace.RepositoryRoot));
        store.RecordDrillAttempt(new DrillAttemptRecord(drill.Name, report.Passed, report.Run?.PassedCount ?? 0, report.Run?.Total ?? 0,
            started is { } at ? now - at : null, now));
    }

    private static void PrintCompileErrors(IReadOnlyList<CompileError> errors, CliConsole console)
    {
        console.Out.WriteLine($"Does not compile ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):");
        foreach (var e in errors.Take(20))
            console.Out.WriteLine(e.InChecks
                // The checks' source stays hidden; what the learner needs is the member they call.
                ? $"  hidden checks: {e.Id}: {e.Message} (keep the stub's class, namespace and method signatures)"
                : $"  {Path.GetFileName(e.File)} line {e.Line}, column {e.Column}: {e.Id}: {e.Message}");
        if (errors.Count > 20) console.Out.WriteLine($"  ... and {errors.Count - 20} more.");
    }

    private static void PrintRun(CheckRun run, TimeSpan timeLimit, CliConsole console)
    {
        foreach (var check in run.Checks)
        {
            if (check.Passed)
            {
                console.Out.WriteLine($"  pass  {check.Name} ({check.Milliseconds:0.#} ms)");
                continue;
            }
            console.Out.WriteLine($"  FAIL  {check.Name}");
            console.Out.WriteLine($"        inputs:   {check.Inputs}");
            if (check.Exception is not null)
                console.Out.WriteLine($"        threw:    {check.Exception}{(check.Where is null ? "" : $" ({check.Where})")}");
            else
            {
                console.Out.WriteLine($"        expected: {check.Expected}");
                console.Out.WriteLine($"        actual:   {check.Actual}");
            }
        }
        if (run.TimedOut)
            console.Out.WriteLine($"  KILLED after {timeLimit.TotalSeconds:0.#} s" +
                (run.RunningWhenKilled is null ? "" : $" while running '{run.RunningWhenKilled}'") + ": an endless loop? (--timeout raises the limit)");
        if (run.Fatal is not null) console.Out.WriteLine($"  STOPPED: {run.Fatal}");
        if (run.NotRun.Count > 0) console.Out.WriteLine($"  not finished ({run.NotRun.Count}): {string.Join("; ", run.NotRun)}");
        if (run.LearnerOutput.Count > 0)
        {
            console.Out.WriteLine(run.OutputCut.Length == 0 ? "  Your code printed:" : $"  Your code printed ({run.OutputCut}):");
            foreach (var line in run.LearnerOutput) console.Out.WriteLine($"    {line}");
            if (run.OutputCut.Length > 0) console.Out.WriteLine($"    [{run.OutputCut}]");
        }
        console.Out.WriteLine(run.Passed
            ? $"All {run.Total} checks passed."
            : $"{run.PassedCount} of {run.Total} checks passed{(run.TimedOut || run.Fatal is not null ? " before it stopped" : "")}.");
    }

    private static string Minutes(TimeSpan span) => $"{(int)span.TotalMinutes} min {span.Seconds} s";
}
