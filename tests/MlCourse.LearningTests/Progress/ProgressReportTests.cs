using MlCourse.Learning.Progress;
using MlCourse.Learning.Store;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Progress;

public class ProgressReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("month-1-foundations/week-01-ml-fundamentals/01-linear-regression.ipynb", 1)]
    [InlineData("week-04-roc-auc", 4)]
    [InlineData("setup/check-environment.ipynb", null)]
    [InlineData("month-1-foundations/weekly-review.ipynb", null)]
    public void The_week_is_read_from_a_week_NN_segment(string path, int? week) => Assert.Equal(week, ProgressReport.WeekOf(path));

    [Fact]
    public void Week_one_counts_quiz_answers_passed_drills_with_the_best_time_and_due_questions()
    {
        using var store = ProgressStore.Open(Path.Combine(Directory.CreateTempSubdirectory("mlcourse-progress-").FullName, "progress.db"));
        store.RecordAnswer(new("w01-q01", 1, true, 1, Now), new("w01-q01", 1, 2, Now.AddDays(2)));
        store.RecordAnswer(new("w01-q02", 1, false, 0, Now), new("w01-q02", 1, 1, Now));
        store.RecordAnswer(new("w01-q02", 1, true, 1, Now), new("w01-q02", 1, 2, Now.AddDays(2)));
        store.RecordAnswer(new("w01-q03", 1, false, 0, Now), new("w01-q03", 1, 1, Now.AddMinutes(-1)));
        store.RecordDrillAttempt(new("week-01-linear-regression", false, 3, 7, TimeSpan.FromMinutes(12), Now));
        store.RecordDrillAttempt(new("week-01-linear-regression", true, 7, 7, TimeSpan.FromMinutes(25), Now));
        store.RecordDrillAttempt(new("week-01-linear-regression", true, 7, 7, TimeSpan.FromMinutes(19), Now));
        var notebook = Directory.EnumerateFiles(Path.Combine(Repo.Root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals"), "*.ipynb").First();
        store.RecordNotebookRun(new(Path.GetRelativePath(Path.Combine(Repo.Root, "notebooks"), notebook).Replace('\\', '/'), true, 40, Now));

        var week1 = ProgressReport.Build(Repo.Root, store, Now).Single(w => w.Week == 1);

        Assert.Equal((2, 4), (week1.QuizRight, week1.QuizAnswered));
        Assert.Equal(1, week1.DrillsPassed);
        Assert.Equal(TimeSpan.FromMinutes(19), week1.BestDrillTime);   // the failing 12-minute attempt does not count
        Assert.Equal(1, week1.DueForReview);                           // only w01-q03 is due at Now
        Assert.Equal(1, week1.NotebooksRun);
    }
}
