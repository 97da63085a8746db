using MlCourse.Learning.Drills;
using MlCourse.Learning.Progress;
using MlCourse.Learning.Review;

namespace MlCourse.Learning.Mock;

/// <summary>
/// Everything a mock can ask, discovered from the repository: the quiz bank, the interview questions,
/// the complete drills, and which month each week folder sits in (notebooks/month-N-.../week-NN-...).
/// </summary>
public sealed record MockContent(
    IReadOnlyList<BankQuestion> Concepts,
    IReadOnlyList<InterviewQuestion> Interviews,
    IReadOnlyList<(Drill Drill, int Week)> Drills,
    IReadOnlyDictionary<int, int> MonthOfWeek)
{
    /// <exception cref="MlCourse.Notebook.QuizFormatException">A quiz.json breaks the format.</exception>
    public static MockContent Load(string repositoryRoot)
    {
        var notebooks = Path.Combine(repositoryRoot, "notebooks");
        var months = new Dictionary<int, int>();
        if (Directory.Exists(notebooks))
            foreach (var folder in Directory.EnumerateDirectories(notebooks, "week-*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(notebooks, folder).Replace('\\', '/');
                if (ProgressReport.WeekOf(relative) is { } week && InterviewQuestionBank.MonthOf(relative) is { } month) months[week] = month;
            }
        var drills = new DrillCatalog(repositoryRoot).All()
            .Where(d => d.Problems().Count == 0)
            .Select(d => (Drill: d, Week: ProgressReport.WeekOf(d.Name)))
            .Where(d => d.Week is not null)
            .Select(d => (d.Drill, d.Week!.Value))
            .ToList();
        return new MockContent(QuizBank.Load(notebooks).Questions, InterviewQuestionBank.Load(notebooks), drills, months);
    }

    /// <summary>The weeks that have anything to ask, in order.</summary>
    public IReadOnlyList<int> Weeks =>
        Concepts.Select(q => q.Week).Concat(Interviews.Select(q => q.Week)).Concat(Drills.Select(d => d.Week)).Distinct().Order().ToList();

    public IReadOnlyList<int> Months => Weeks.Where(MonthOfWeek.ContainsKey).Select(w => MonthOfWeek[w]).Distinct().Order().ToList();
}
