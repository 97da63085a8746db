using MlCourse.Learning.Drills;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Drills;

/// <summary>'drill start' copies the stub and never loses the learner's file.</summary>
public class DrillWorkspaceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Start_copies_the_stub_and_records_the_start_time()
    {
        var workspace = new DrillWorkspace(Directory.CreateTempSubdirectory("mlcourse-ws-").FullName);
        var drill = Repo.Week01Drill;
        Assert.Null(workspace.Start(drill, force: false, Monday));
        Assert.Equal(File.ReadAllText(drill.StubPath), File.ReadAllText(workspace.SolutionPath(drill)));
        Assert.Equal(Monday, workspace.StartedAt(drill));
    }

    [Fact]
    public void Start_refuses_to_overwrite_and_force_keeps_the_old_file_as_a_backup()
    {
        var workspace = new DrillWorkspace(Directory.CreateTempSubdirectory("mlcourse-ws-").FullName);
        var drill = Repo.Week01Drill;
        workspace.Start(drill, force: false, Monday);
        const string mine = "// my half-finished solution\n";
        File.WriteAllText(workspace.SolutionPath(drill), mine);

        var refused = Assert.Throws<InvalidOperationException>(() => workspace.Start(drill, force: false, Monday.AddHours(1)));
        Assert.Contains("--force", refused.Message);
        Assert.Equal(mine, File.ReadAllText(workspace.SolutionPath(drill)));
        Assert.Equal(Monday, workspace.StartedAt(drill));

        var backup = workspace.Start(drill, force: true, Monday.AddHours(1));
        Assert.Equal(mine, File.ReadAllText(backup!));
        Assert.Equal(File.ReadAllText(drill.StubPath), File.ReadAllText(workspace.SolutionPath(drill)));
        Assert.Equal(Monday.AddHours(1), workspace.StartedAt(drill));
    }
}
