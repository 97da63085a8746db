using MlCourse.Cli.Cli;
using MlCourse.Learning.Drills;
using MlCourse.Learning.Journal;
using MlCourse.Learning.Progress;
using MlCourse.Learning.Review;
using MlCourse.Learning.Store;

namespace MlCourse.Cli.Commands;

/// <summary><c>course log</c>: appends today's entry, with what the tool recorded, to daily-log.md.</summary>
public sealed class LogCommand : ICourseCommand
{
    public string Name => "log";

    public string Summary => "Append today's entry to daily-log.md, filled with today's runs, drills and quiz.";

    public string Help => """
        Usage: course log [--week N] [--note TEXT]

        Appends an entry in the template's shape at the end of daily-log.md (below '## Entries'):
        the notebooks run, drills checked and quiz answers recorded today are filled in, the rest
        keeps the template's prompts for you to complete. Nothing you wrote is changed.

        Runs at once (two terminals, a script) wait for each other: every entry is appended whole,
        once. A read-only daily-log.md is refused; a daily-log.md that is a symbolic link is
        written through the link.

        Options:
          --week N        the week in the heading, 1 to 24 (default: the week of today's latest quiz answer or drill)
          --note TEXT     fills the 'Studied' line

        Exit codes: 0 appended, 1 the file could not be written, 2 bad input (a read-only or
        malformed daily-log.md, a damaged progress store, a broken quiz.json).
        """;

    public Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var weekText = args.TakeOption("--week");
        var note = args.TakeOption("--note");
        args.EnsureNothingLeft(Name);
        int? week = null;
        if (weekText is not null)
            week = int.TryParse(weekText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= ProgressReport.CourseWeeks
                ? w : throw new UsageException($"--week must be a week of the course, 1 to {ProgressReport.CourseWeeks}, not '{weekText}'.");

        var root = CourseLocation.RepositoryRootOrExplain();
        var path = Path.Combine(root, "daily-log.md");
        if (!File.Exists(path)) throw new UsageException($"{path} does not exist; restore it with 'git checkout -- daily-log.md'.");
        using var store = ProgressStore.Open(ProgressStore.DefaultPath(root));
        var today = DateOnly.FromDateTime(DateTime.Now);
        week ??= LatestWeek(store, today);
        var title = week is null ? null : QuizBank.Load(Path.Combine(root, "notebooks")).Quizzes.FirstOrDefault(q => q.Week == week)?.Title;
        var entry = LogEntry.Compose(today, week, title, store, new DrillCatalog(root).All(), note);
        try
        {
            DailyLog.Append(path, entry);
        }
        // A log without its heading, or made read-only by the learner: their file's state, so bad input.
        catch (Exception e) when (e is InvalidDataException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message);
        }
        console.Out.WriteLine($"Appended to {path}:");
        console.Out.WriteLine();
        console.Out.WriteLine(entry);
        return Task.FromResult(ExitCodes.Success);
    }

    private static int? LatestWeek(ProgressStore store, DateOnly today)
    {
        bool Today(DateTimeOffset t) => DateOnly.FromDateTime(t.LocalDateTime) == today;
        var answer = store.Answers().LastOrDefault(a => Today(a.AnsweredAt));
        var drill = store.DrillAttempts().LastOrDefault(a => Today(a.CheckedAt));
        if (answer is not null && (drill is null || answer.AnsweredAt >= drill.CheckedAt)) return answer.Week;
        return drill is null ? null : ProgressReport.WeekOf(drill.Drill);
    }
}
