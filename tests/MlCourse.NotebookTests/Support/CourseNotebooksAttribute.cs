using System.Reflection;
using Xunit.Sdk;

namespace MlCourse.NotebookTests.Support;

/// <summary>
/// Theory data: one row per notebook under notebooks/ (a path relative to the repository root),
/// optionally followed by the runner fixtures. <see cref="NotebookDiscoveryTests"/> checks that discovery finds every
/// notebook the folders hold, so a theory over this data cannot pass by finding none.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CourseNotebooksAttribute : DataAttribute
{
    /// <summary>Also yield the runner fixtures (committed notebooks too, so format and pin rules apply to them).</summary>
    public bool IncludeFixtures { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Paths().Select(path => new object[] { path });

    private IReadOnlyList<string> Paths()
    {
        var notebooks = TestPaths.Notebooks.Notebooks().AsEnumerable();
        if (IncludeFixtures)
            notebooks = notebooks.Concat(Directory.GetFiles(TestPaths.FixturesFolder, "*.ipynb").Order(StringComparer.Ordinal));
        return notebooks.Select(TestPaths.RelativeToRoot).ToArray();
    }
}
