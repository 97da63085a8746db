using System.Globalization;
using MlCourse.Learning.Drills;
using MlCourse.Learning.Store;

namespace MlCourse.Learning.Journal;

/// <summary>
/// A daily-log.md entry in the template's shape (daily-log.md, "Template"): the lines the tool
/// knows (notebooks run, drills, quiz) are filled from today's records, the others keep the
/// template's prompts for the learner to fill in.
/// </summary>
public static class LogEntry
{
    public static string Compose(DateOnly day, int? week, string? weekTitle, ProgressStore store, IReadOnlyList<Drill> drills, string? note)
    {
        bool Today(DateTimeOffset t) => DateOnly.FromDateTime(t.LocalDateTime) == day;
        var runs = store.NotebookRuns().Where(r => Today(r.RanAt)).ToList();
        var answers = store.Answers().Where(a => Today(a.AnsweredAt)).ToList();
        var attempts = store.DrillAttempts().Where(a => Today(a.CheckedAt)).ToList();

        var heading = week is null ? $"### {day:yyyy-MM-dd}" : $"### {day:yyyy-MM-dd} — Week {week:00}: {weekTitle ?? "<week title>"}";
        var notebooks = runs.Count == 0 ? "<which cells ran, anything that surprised you>"
            : string.Join("; ", runs.GroupBy(r => r.Notebook).Select(g => $"{Path.GetFileName(g.Key)} ran {(g.Last().Succeeded ? "ok" : "with a failure")} ({g.Last().Seconds:0} s)"));
        var drillLine = attempts.Count == 0 ? "<drill> — <minutes> min (box <minutes>), pass/fail"
            : string.Join("; ", attempts.GroupBy(a => a.Drill).Select(g => DrillSummary(g.Key, g.ToList(), drills)));
        var quiz = answers.Count == 0 ? "<right>/<asked> (<percent>%), missed: <question ids>"
            : $"{answers.Count(a => a.Correct)}/{answers.Count} ({100.0 * answers.Count(a => a.Correct) / answers.Count:0}%), missed: " +
              (answers.Any(a => !a.Correct) ? string.Join(", ", answers.Where(a => !a.Correct).Select(a => a.QuestionId).Distinct()) : "none");

        return string.Join("\n",
            heading,
            $"- **Studied:** {note ?? "<topics / notebook sections>"}",
            $"- **Notebook:** {notebooks}",
            $"- **Drills:** {drillLine}",
            $"- **Quiz:** {quiz}",
            "- **Explained out loud:** <interview question you answered without notes>",
            "- **To review:** <what to revisit tomorrow, and why>",
            "- **Time spent:** <hours>");
    }

    private static string DrillSummary(string name, List<DrillAttemptRecord> attempts, IReadOnlyList<Drill> drills)
    {
        // The first passing attempt is the honest time; without one, the latest attempt says how far it got.
        var shown = attempts.FirstOrDefault(a => a.Passed) ?? attempts[^1];
        var box = drills.FirstOrDefault(d => d.Name == name)?.TimeBox;
        var minutes = shown.SinceStart is { } t ? t.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) : "?";
        return $"{name} — {minutes} min (box {(box is { } b ? b.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) : "?")}), " +
               (shown.Passed ? "pass" : $"fail ({shown.ChecksPassed}/{shown.ChecksTotal} checks)");
    }
}
