using MlCourse.Learning.Drills;
using MlCourse.Learning.Store;

namespace MlCourse.Learning.Mock;

public sealed partial class MockSession
{
    /// <summary>
    /// The drill's stub is copied into this session's own folder (never over the learner's
    /// 'course drill start' workspace); each check the learner asks for runs the drill's hidden
    /// checks and is stored as a drill attempt. The part's score is the best share of checks passed.
    /// </summary>
    private async Task<double?> DoDrillAsync(DrillPart part, long sessionId, DateTimeOffset start)
    {
        var drill = part.Drill;
        var file = Path.Combine(settings.RepositoryRoot, ".course", "mock", $"session-{sessionId}", drill.Name, DrillWorkspace.SolutionFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (!File.Exists(file)) File.Copy(drill.StubPath, file);
        output.WriteLine($"{drill.Title}. Say your approach and its complexity before you code.");
        output.WriteLine($"Prompt: {drill.PromptPath}");
        output.WriteLine($"Edit:   {file}");
        double? best = null;
        while (true)
        {
            var line = _input.Line("Enter runs the hidden checks; s ends this part (q stops): ");
            // Stopping after a check keeps that check's result as the part's score.
            if (line is null) return best;
            if (line.ToLowerInvariant() is "s" or "skip") return best ?? 0;
            if (line.Length > 0) continue;

            var report = await DrillChecker.CheckAsync(drill, file, settings.DrillCheckTimeLimit ?? DrillChecker.DefaultTimeLimit);
            // Out of every check the drill has: a timeout after one passed check is 1 of 7, not 1 of 1.
            int passed = report.Run?.PassedCount ?? 0, total = report.Run?.Total ?? 0;
            var now = clock();
            store.RecordDrillAttempt(new DrillAttemptRecord(drill.Name, report.Passed, passed, total, now - start, now));
            PrintCheck(report);
            var share = report.CompileErrors.Count > 0 || total == 0 ? 0 : passed / (double)total;
            best = Math.Max(best ?? 0, share);
            if (report.Passed) return 1;
        }
    }

    private void PrintCheck(DrillCheckReport report)
    {
        if (report.CompileErrors.Count > 0)
        {
            output.WriteLine($"Does not compile ({report.CompileErrors.Count} error(s)); the first:");
            foreach (var e in report.CompileErrors.Take(3))
                output.WriteLine(e.InChecks ? $"  hidden checks: {e.Id}: {e.Message} (keep the stub's signatures)" : $"  line {e.Line}, column {e.Column}: {e.Id}: {e.Message}");
            return;
        }
        var run = report.Run!;
        foreach (var check in run.Checks.Where(c => !c.Passed).Take(3))
            output.WriteLine(check.Exception is not null
                ? $"  FAIL {check.Name}: threw {check.Exception}"
                : $"  FAIL {check.Name}: expected {check.Expected}, got {check.Actual}");
        if (run.TimedOut) output.WriteLine("  Killed at the time limit: an endless loop?");
        if (run.Fatal is not null) output.WriteLine($"  Stopped: {run.Fatal}");
        output.WriteLine($"{run.PassedCount} of {run.Total} checks passed.");
    }
}
