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

    /// <summary>
    /// A solution that is <paramref name="sourcePath"/> (a drill's reference) with each edit applied, in a
    /// scratch file: one precise mistake, right in every other way and in step with the reference.
    /// </summary>
    public static string Mutated(string sourcePath, params (string Right, string Wrong)[] edits)
    {
        var text = File.ReadAllText(sourcePath);
        foreach (var (right, wrong) in edits)
        {
            var at = text.IndexOf(right, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(right, at + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidOperationException($"'{right}' must occur exactly once in {sourcePath}.");
            text = text.Replace(right, wrong, StringComparison.Ordinal);
        }
        var file = Path.Combine(Directory.CreateTempSubdirectory("mlcourse-test-").FullName, "Solution.cs");
        File.WriteAllText(file, text);
        return file;
    }
}
