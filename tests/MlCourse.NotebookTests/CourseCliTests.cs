using MlCourse.Cli.Cli;
using MlCourse.Cli.Commands;
using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

/// <summary>The <c>course</c> command, run in-process with captured output.</summary>
public sealed class CourseCliTests
{
    private static async Task<(int ExitCode, string Out, string Error)> Course(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandTable.Default.DispatchAsync(args, new CliConsole(output, error, interactive: false));
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("run", "week-99")]
    [InlineData("run", "../../etc")]
    [InlineData("run", "tests/MlCourse.NotebookTests/Fixtures/succeeds.ipynb")]
    [InlineData("run", "all", "--profil", "fast")]
    [InlineData("run", "all", "--profile", "slow")]
    [InlineData("run", "all", "--timeout", "soon")]
    [InlineData("run", "all", "--engine", "jupyter")]
    [InlineData("run")]
    [InlineData("run", "3")]
    [InlineData("runn", "all")]
    [InlineData("list", "extra")]
    [InlineData]
    public async Task Bad_input_exits_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var (exitCode, output, error) = await Course(args);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("course: ", line);
        Assert.DoesNotContain("   at ", line);
    }

    [Fact]
    public async Task An_unknown_option_or_command_suggests_the_nearest_one()
    {
        Assert.Contains("Did you mean --profile?", (await Course("run", "all", "--profil", "fast")).Error);
        Assert.Contains("Did you mean 'run'?", (await Course("runn", "all")).Error);
    }

    [Fact]
    public async Task Run_executes_a_fixture_by_path_and_writes_the_executed_copy()
    {
        var outputFolder = Directory.CreateTempSubdirectory("course-run-").FullName;

        var (exitCode, output, error) = await Course("run", TestPaths.Fixture("succeeds.ipynb"),
            "--notebooks", TestPaths.FixturesFolder, "--output", outputFolder, "--profile", "full");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Equal("", error);
        var copy = new ExecutedNotebook(Path.Combine(outputFolder, "succeeds.ipynb"));
        Assert.Equal(4, copy.ExecutionCount(6));
        Assert.Contains("[1/1] succeeds.ipynb", output);
        Assert.Contains("    code cell 4/4 (cell 6) ok", output);
        Assert.Matches(@"succeeds\.ipynb\s+4/4\s+0\s+\d+\.\d", output);
        Assert.Matches(@"total: 1 notebook\(s\)\s+4/4\s+0", output);
    }

    [Fact]
    public async Task Run_exits_1_and_prints_the_failure_description_when_a_notebook_fails()
    {
        var outputFolder = Directory.CreateTempSubdirectory("course-run-").FullName;

        var (exitCode, output, _) = await Course("run", "throws", "--notebooks", TestPaths.FixturesFolder, "--output", outputFolder);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("FAILED at cell 3 (code cell 2 of 3)", output);
        Assert.Contains("throws.ipynb failed at cell 3 (code cell 2 of 3)", output);
        Assert.Contains("deliberate failure in the runner fixture", output);
        Assert.True(File.Exists(Path.Combine(outputFolder, "throws.ipynb")));
    }

    [Fact]
    public async Task A_notebook_that_throws_in_the_runner_is_reported_and_the_rest_still_run_with_the_summary()
    {
        // The first notebook's executed copy cannot be written (a folder has its name), which the runner throws for.
        var tree = Directory.CreateTempSubdirectory("course-run-tree-").FullName;
        foreach (var name in new[] { "a-first.ipynb", "b-second.ipynb" })
            File.WriteAllText(Path.Combine(tree, name), TestNotebook.Json(TestNotebook.Code($"Console.WriteLine(\"{name}\");")));
        var outputFolder = Directory.CreateTempSubdirectory("course-run-").FullName;
        Directory.CreateDirectory(Path.Combine(outputFolder, "a-first.ipynb"));

        var (exitCode, output, _) = await Course("run", "all", "--notebooks", tree, "--output", outputFolder, "--engine", "in-process");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("a-first.ipynb could not be run: System.UnauthorizedAccessException", output);
        Assert.True(File.Exists(Path.Combine(outputFolder, "b-second.ipynb")), output);
        Assert.Matches(@"total: 2 notebook\(s\)", output);
    }

    [Fact]
    public async Task List_shows_the_notebooks_of_a_tree()
    {
        var (exitCode, output, _) = await Course("list", "--notebooks", TestPaths.FixturesFolder);

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (var fixture in Directory.GetFiles(TestPaths.FixturesFolder, "*.ipynb"))
            Assert.Contains($"    {Path.GetFileName(fixture)}", output);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exitCode, output, _) = await Course("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("  run ", output);
        Assert.Contains("  list ", output);
    }
}
