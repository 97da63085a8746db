using MlCourse.NotebookRunner;
using MlCourse.NotebookTests.Support;
using Xunit.Abstractions;

namespace MlCourse.NotebookTests;

/// <summary>Every course notebook runs top to bottom, headlessly, as a learner would run it.</summary>
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
        };

        var result = await NotebookExecutor.RunAsync(fullPath, options);

        output.WriteLine($"{notebook}: {result.Duration.TotalSeconds:0.0} s wall time (kernel start {result.KernelStartDuration.TotalSeconds:0.0} s, " +
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
