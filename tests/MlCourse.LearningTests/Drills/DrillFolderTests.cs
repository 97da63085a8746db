using MlCourse.Learning.Drills;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Drills;

/// <summary>Every drill folder in the repository follows docs/drills.md, and its checks tell the reference from the stub.</summary>
public class DrillFolderTests
{
    public static TheoryData<string> DrillNames()
    {
        var data = new TheoryData<string>();
        foreach (var drill in new DrillCatalog(Repo.Root).All()) data.Add(drill.Name);
        return data;
    }

    [Fact]
    public void The_week_01_drill_is_found_by_a_unique_prefix_and_not_by_an_ambiguous_one()
    {
        var catalog = new DrillCatalog(Repo.Root);
        Assert.Equal("week-01-linear-regression", catalog.TryFind("WEEK-01")?.Name);
        Assert.Null(catalog.TryFind("week-0"));   // week-01 and week-04 both start with it
        Assert.Null(catalog.TryFind("linear"));
    }

    [Theory]
    [MemberData(nameof(DrillNames))]
    public void Every_drill_has_a_time_box_and_a_reference(string name)
    {
        var drill = new DrillCatalog(Repo.Root).TryFind(name)!;
        Assert.NotNull(drill.TimeBox);
        Assert.True(File.Exists(drill.ReferencePath), $"{name} has no Reference.cs");
    }

    [Theory]
    [MemberData(nameof(DrillNames))]
    public async Task Every_drill_with_checks_passes_its_reference_and_fails_its_stub(string name)
    {
        var drill = new DrillCatalog(Repo.Root).TryFind(name)!;
        if (!File.Exists(drill.ChecksPath)) return;   // checks not written yet: 'course drill' refuses it (Problems)
        Assert.Empty(drill.Problems());
        var reference = await DrillChecker.CheckAsync(drill, drill.ReferencePath, TimeSpan.FromSeconds(30));
        Assert.True(reference.Passed, $"{name}: reference fails: {string.Join("; ", reference.CompileErrors.Select(e => e.Message))} " +
            string.Join("; ", reference.Run?.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Actual}{c.Exception}") ?? []));
        var stub = await DrillChecker.CheckAsync(drill, drill.StubPath, TimeSpan.FromSeconds(30));
        Assert.Empty(stub.CompileErrors);
        Assert.All(stub.Run!.Checks, c => Assert.False(c.Passed, $"{name}: the stub passes '{c.Name}', so that check cannot fail"));
    }

    // Beyond the stub: a solution with the mistake candidates really make (tests/MlCourse.LearningTests/
    // Fixtures/Drills/Wrong/<drill>.cs) must fail at least one check, or the checks are too weak.
    [Theory]
    [MemberData(nameof(DrillNames))]
    public async Task Every_drill_with_checks_rejects_a_plausible_wrong_solution(string name)
    {
        var drill = new DrillCatalog(Repo.Root).TryFind(name)!;
        if (!File.Exists(drill.ChecksPath)) return;
        var wrong = Repo.Fixture(Path.Combine("Wrong", name + ".cs"));
        Assert.True(File.Exists(wrong), $"{name} has checks but no wrong solution in Fixtures/Drills/Wrong/{name}.cs");
        var report = await DrillChecker.CheckAsync(drill, wrong, TimeSpan.FromSeconds(30));
        Assert.Empty(report.CompileErrors);
        Assert.False(report.Passed, $"{name}: the wrong solution passes every check");
        Assert.Contains(report.Run!.Checks, c => c.Passed);   // it is wrong in one way, not a stub: some checks pass
    }

    [Theory]
    [InlineData("**Time box:** 20 minutes (from the syllabus)", 20)]
    [InlineData("**Time box:** 45 min", 45)]
    public void The_time_box_line_is_read_in_minutes(string line, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DrillCatalog.ParseTimeBox("# Drill: x\n\n" + line + "\n"));

    [Fact]
    public void A_prompt_without_a_time_box_line_has_none() =>
        Assert.Null(DrillCatalog.ParseTimeBox("# Drill: x\n\nTime box 20 minutes, said in passing.\n"));
}
