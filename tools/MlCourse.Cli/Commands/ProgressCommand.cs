using MlCourse.Cli.Cli;
using MlCourse.Learning.Progress;
using MlCourse.Learning.Store;

namespace MlCourse.Cli.Commands;

/// <summary><c>course progress</c>: per week, what ran, how the quiz went, which drills passed, what is due.</summary>
public sealed class ProgressCommand : ICourseCommand
{
    public string Name => "progress";

    public string Summary => "Per week: notebooks run, quiz accuracy, drills passed and best time, questions due.";

    public string Help => """
        Usage: course progress [--repair]

        Reads .course/progress.db (written by 'course run', 'course quiz' and 'course drill check')
        and prints one line per week: notebooks that ran successfully (of those in the week), quiz
        answers right (of those answered; every answer counts, repeats included), drills passed
        with your best time from 'drill start' to a passing check, and quiz questions due for review.

        Options:
          --repair    recover a damaged .course/progress.db: tables that were lost are recreated
                      empty and every other record is kept; a file that is not a database at all
                      is kept aside as progress.db.damaged-<time> and a new store is started

        Exit codes: 0 success, 1 the store could not be written, 2 bad input or a damaged store.
        """;

    public Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var repair = args.TakeFlag("--repair");
        args.EnsureNothingLeft(Name);
        var root = CourseLocation.RepositoryRootOrExplain();
        if (repair)
        {
            console.Out.WriteLine(ProgressStore.Repair(ProgressStore.DefaultPath(root)));
            return Task.FromResult(ExitCodes.Success);
        }
        using var store = ProgressStore.Open(ProgressStore.DefaultPath(root));
        var weeks = ProgressReport.Build(root, store, DateTimeOffset.Now);
        console.Out.WriteLine($"{"week",-5} {"notebooks",-10} {"quiz right",-16} {"drills",-7} {"best drill",-11} {"due"}");
        foreach (var w in weeks)
        {
            var quiz = w.QuizAnswered == 0 ? $"- (of {w.QuizQuestions})" : $"{w.QuizRight}/{w.QuizAnswered} ({100.0 * w.QuizRight / w.QuizAnswered:0}%)";
            var best = w.BestDrillTime is { } t ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : "-";
            console.Out.WriteLine($"{w.Week,-5:00} {$"{w.NotebooksRun}/{w.Notebooks}",-10} {quiz,-16} {$"{w.DrillsPassed}/{w.Drills}",-7} {best,-11} {w.DueForReview}");
        }
        if (weeks.Count == 0) console.Out.WriteLine("No weeks yet.");
        return Task.FromResult(ExitCodes.Success);
    }
}
