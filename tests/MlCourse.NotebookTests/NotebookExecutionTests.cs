using MlCourse.NotebookRunner;
using MlCourse.NotebookTests.Support;
using Xunit.Abstractions;

namespace MlCourse.NotebookTests;

/// <summary>
/// Every course notebook runs top to bottom, headlessly, in the engine a learner's VS Code or Jupyter starts: the
/// dotnet-interactive tool pinned in .config/dotnet-tools.json, a fresh process per notebook. It loads only what the
/// notebook's own #r lines reference, so a missing reference, an assembly conflict or a native-library failure fails here.
/// </summary>
public sealed class NotebookExecutionTests(ITestOutputHelper output)
{
    [Theory]
    [CourseNotebooks]
    public async Task Every_notebook_executes_without_error(string notebook)
    {
        var fullPath = TestPaths.FromRoot(notebook);
        var options = new NotebookRunOptions
        {
            OutputPath = Path.Combine(TestPaths.OutputFolder, TestPaths.Notebooks.RelativePath(fullPath)),
            Profile = ProfileFromEnvironment(),
            Engine = NotebookEngine.Kernel,
        };

        var result = await NotebookExecutor.RunAsync(fullPath, options);

        output.WriteLine($"{notebook}: {result.Duration.TotalSeconds:0.0} s wall time (engine {result.Engine.ToOptionValue()}, kernel start {result.KernelStartDuration.TotalSeconds:0.0} s, " +
                         $"{result.Cells.Count}/{result.CodeCellCount} code cells, profile {result.Profile.ToVariableValue()})");
        foreach (var cell in result.Cells)
            output.WriteLine($"    {cell.Label}: {cell.Duration.TotalSeconds:0.00} s");
        output.WriteLine($"executed copy: {result.OutputPath}");
        Assert.True(result.Succeeded, result.Describe());
    }

    // CI runs the fast profile; MLCOURSE_PROFILE=full dotnet test runs the full one.
    private static CourseProfile ProfileFromEnvironment() =>
        CourseProfiles.TryParse(Environment.GetEnvironmentVariable(CourseProfiles.EnvironmentVariable), out var profile)
            ? profile
            : CourseProfile.Fast;
}
