using MlCourse.Learning.Mock;
using MlCourse.Learning.Review;
using MlCourse.Learning.Store;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Mock;

/// <summary>Parts built from the real Week 1 quiz and interview questions, a fresh store and a clock the test moves.</summary>
internal static class MockFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static ProgressStore NewStore() =>
        ProgressStore.Open(Path.Combine(Directory.CreateTempSubdirectory("mlcourse-mock-").FullName, "progress.db"));

    public static ConceptPart Concept(string id) =>
        new(QuizBank.Load(Path.Combine(Repo.Root, "notebooks")).Questions.Single(q => q.Question.Id == id), MockPlanner.ConceptTime);

    public static InterviewPart Interview(string id) =>
        new(InterviewQuestionBank.Load(Path.Combine(Repo.Root, "notebooks")).Single(q => q.Id == id), MockPlanner.InterviewTime);

    public static MockPlan Plan(params MockPart[] parts) => new(parts, Seed: 1, Scope: "test", Notes: []);

    /// <summary>Runs a plan on <paramref name="typed"/>; the clock advances <paramref name="perRead"/> every time it is read.</summary>
    public static (MockResult Result, string Output) Run(ProgressStore store, MockPlan plan, string typed, bool partner = false, TimeSpan? perRead = null)
    {
        var output = new StringWriter();
        var time = Now;
        var step = perRead ?? TimeSpan.Zero;
        DateTimeOffset Clock() { var t = time; time += step; return t; }
        var session = new MockSession(new StringReader(typed), output, store, Clock, new MockSessionSettings(Path.GetTempPath(), partner));
        var id = session.Begin(plan);
        var result = session.RunAsync(plan, id).GetAwaiter().GetResult();
        return (result, output.ToString());
    }
}
