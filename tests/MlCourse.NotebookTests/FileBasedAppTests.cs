using MlCourse.NotebookRunner;
using MlCourse.NotebookRunner.Export;
using MlCourse.NotebookTests.Support;
using Xunit.Abstractions;
using static MlCourse.NotebookTests.Support.TestNotebook;

namespace MlCourse.NotebookTests;

/// <summary>
/// The second way to run a notebook: exported as a .NET 10 file-based app and started with
/// 'dotnet run --file', in a child process, as a learner would without the notebook engine.
/// </summary>
public sealed class FileBasedAppTests(ITestOutputHelper output)
{
    // Generous: the first run of an app restores and builds it and the course libraries it references.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    /// <summary>Apps written by tests (git-ignored, like output/apps/).</summary>
    private static readonly string AppsFolder = TestPaths.FromRoot("output/test-apps");

    [Theory]
    [CourseNotebooks]
    public async Task Every_notebook_runs_as_a_file_based_app(string notebook)
    {
        var fullPath = TestPaths.FromRoot(notebook);
        var app = NotebookExporter.Export(fullPath, Path.Combine(AppsFolder, Path.ChangeExtension(TestPaths.Notebooks.RelativePath(fullPath), ".cs")));

        var result = await FileBasedAppRun.RunAsync(app.AppPath, RunLimit);

        output.WriteLine($"{notebook}: {app.RunCommand} took {result.Duration.TotalSeconds:0.0} s (restore and build included)");
        output.WriteLine(result.Output);
        Assert.True(result.Succeeded, result.Describe());
    }

    [Fact]
    public async Task The_export_fixture_runs_as_an_app_and_prints_what_each_translated_cell_shows()
    {
        var fixture = TestPaths.Fixture("export-features.ipynb");
        // The fixture is a real notebook: it runs in the notebook kernel first.
        var kernelRun = await NotebookExecutor.RunAsync(fixture, new NotebookRunOptions());
        Assert.True(kernelRun.Succeeded, kernelRun.Describe());
        var app = NotebookExporter.Export(fixture, Path.Combine(AppsFolder, "fixtures", "export-features.cs"));

        AppRunResult result;
        var previous = Environment.GetEnvironmentVariable(CourseProfiles.EnvironmentVariable);
        Environment.SetEnvironmentVariable(CourseProfiles.EnvironmentVariable, "full");
        try
        {
            result = await FileBasedAppRun.RunAsync(app.AppPath, RunLimit);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CourseProfiles.EnvironmentVariable, previous);
        }

        output.WriteLine($"{app.RunCommand}: {result.Duration.TotalSeconds:0.0} s");
        Assert.True(result.Succeeded, result.Describe());
        var lines = result.Output.Replace("\r\n", "\n").Split('\n');
        // Each expected line is what the fixture's cell computes: |(3, 4)| = 5, 5 * 2, 6 * 7.
        Assert.Equal(
            ["norm=5", "Scaled(origin.Norm, 2) = 10", "void call shown once",
             "await Task.FromResult((6 * 7).ToString(CultureInfo.Invari... = 42",
             "first loop 0", "first loop 1", "second loop 0", "second loop 1", "folder=Fixtures", "profile=Full", ""],
            lines);
    }

    [Fact]
    public async Task Without_the_course_libraries_an_app_runs_outside_the_repository_and_prints_trailing_values()
    {
        var folder = OutsideTheRepository("plain");
        var notebook = Path.Combine(folder, "plain.ipynb");
        File.WriteAllText(notebook, Json(Code("var answer = 40;"), Code("answer + 2")));

        var app = NotebookExporter.Export(notebook, Path.Combine(folder, "app", "plain.cs"));
        var result = await FileBasedAppRun.RunAsync(app.AppPath, RunLimit);

        output.WriteLine($"{app.RunCommand}: {result.Duration.TotalSeconds:0.0} s");
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("42\n", result.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task A_failing_app_reports_the_exit_code_and_the_compiler_output()
    {
        var folder = OutsideTheRepository("broken");
        var notebook = Path.Combine(folder, "broken.ipynb");
        File.WriteAllText(notebook, Json(Code("int n = \"not a number\";")));
        var app = NotebookExporter.Export(notebook, Path.Combine(folder, "broken.cs"));

        var result = await FileBasedAppRun.RunAsync(app.AppPath, RunLimit);

        Assert.False(result.Succeeded);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("CS0029", result.Describe());
        Assert.Contains(app.AppPath, result.Describe());
    }

    [Fact]
    public async Task An_app_that_exceeds_its_time_limit_is_stopped_and_reported()
    {
        var folder = OutsideTheRepository("sleeps");
        var notebook = Path.Combine(folder, "sleeps.ipynb");
        File.WriteAllText(notebook, Json(Code("System.Threading.Thread.Sleep(600_000);")));
        var app = NotebookExporter.Export(notebook, Path.Combine(folder, "sleeps.cs"));

        // Half a second is less than even an up-to-date 'dotnet run' needs, so the limit always strikes.
        var result = await FileBasedAppRun.RunAsync(app.AppPath, TimeSpan.FromMilliseconds(500));

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Contains("did not finish within", result.Describe());
        Assert.True(result.Duration < TimeSpan.FromSeconds(30), $"stopping took {result.Duration}");
    }

    /// <summary>
    /// An emptied folder under the temp directory, the same path on every run: the SDK keeps a
    /// build folder per app path (under ~/.local/share/dotnet/runfile), so a fresh path per run
    /// would leave a new one behind each time.
    /// </summary>
    private static string OutsideTheRepository(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlcourse-export-tests", name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Directory.CreateDirectory(folder).FullName;
    }
}
