using MlCourse.Core.Data;
using MlCourse.Learning.Drills;

namespace MlCourse.LearningTests.Support;

/// <summary>The real repository's drills, and the broken solutions under Fixtures/.</summary>
internal static class Repo
{
    public static string Root => CoursePaths.Root;

    public static Drill Week01Drill => new DrillCatalog(Root).TryFind("week-01-linear-regression")
        ?? throw new InvalidOperationException("drills/week-01-linear-regression is missing.");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Drills", name);
}
