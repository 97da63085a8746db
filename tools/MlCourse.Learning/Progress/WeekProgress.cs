using System.Text.RegularExpressions;
using MlCourse.Learning.Drills;
using MlCourse.Learning.Review;
using MlCourse.Learning.Store;

namespace MlCourse.Learning.Progress;

/// <summary>One week's line of <c>course progress</c>.</summary>
public sealed record WeekProgress(
    int Week,
    int NotebooksRun, int Notebooks,
    int QuizRight, int QuizAnswered, int QuizQuestions,
    int DrillsPassed, int Drills, TimeSpan? BestDrillTime,
    int DueForReview);

/// <summary>Builds the per-week summary from the repository (what exists) and the store (what the learner did).</summary>
public static partial class ProgressReport
{
    /// <summary>The syllabus's length: weeks are numbered 1 to 24.</summary>
    public const int CourseWeeks = 24;

    public static IReadOnlyList<WeekProgress> Build(string repositoryRoot, ProgressStore store, DateTimeOffset now)
    {
        var notebooksFolder = Path.Combine(repositoryRoot, "notebooks");
        var notebooks = Directory.Exists(notebooksFolder)
            ? Directory.EnumerateFiles(notebooksFolder, "*.ipynb", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(notebooksFolder, p).Replace('\\', '/'))
                .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
                .ToList()
            : [];
        var bank = QuizBank.Load(notebooksFolder).Questions;
        var drills = new DrillCatalog(repositoryRoot).All();
        var runs = store.NotebookRuns();
        var answers = store.Answers();
        var attempts = store.DrillAttempts();
        var leitner = store.Leitner().Values;

        var weeks = notebooks.Select(WeekOf).Concat(bank.Select(q => (int?)q.Week)).Concat(drills.Select(d => WeekOf(d.Name)))
            .Concat(answers.Select(a => (int?)a.Week))
            .OfType<int>().Distinct().Order();

        return weeks.Select(week =>
        {
            var weekNotebooks = notebooks.Where(n => WeekOf(n) == week).ToHashSet(StringComparer.Ordinal);
            var run = runs.Where(r => r.Succeeded && weekNotebooks.Contains(r.Notebook)).Select(r => r.Notebook).Distinct().Count();
            var weekAnswers = answers.Where(a => a.Week == week).ToList();
            var weekDrills = drills.Where(d => WeekOf(d.Name) == week).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            var passed = attempts.Where(a => a.Passed && weekDrills.Contains(a.Drill)).ToList();
            var times = passed.Where(a => a.SinceStart is not null).Select(a => a.SinceStart!.Value).ToList();
            TimeSpan? best = times.Count == 0 ? null : times.Min();
            return new WeekProgress(week,
                run, weekNotebooks.Count,
                weekAnswers.Count(a => a.Correct), weekAnswers.Count, bank.Count(q => q.Week == week),
                passed.Select(a => a.Drill).Distinct().Count(), weekDrills.Count, best,
                leitner.Count(s => s.Week == week && s.DueAt <= now));
        }).ToList();
    }

    /// <summary>The NN of a "week-NN" path segment or name, or null (setup/, interview-prep/).</summary>
    public static int? WeekOf(string pathOrName)
    {
        var match = WeekSegment().Match(pathOrName);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"(?:^|/)week-(\d{1,2})(?:-|/|$)")]
    private static partial Regex WeekSegment();
}
