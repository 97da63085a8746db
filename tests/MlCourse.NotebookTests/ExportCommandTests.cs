using MlCourse.Cli.Cli;
using MlCourse.Cli.Commands;
using MlCourse.NotebookTests.Support;
using static MlCourse.NotebookTests.Support.TestNotebook;

namespace MlCourse.NotebookTests;

/// <summary><c>course export</c>, run in-process with captured output.</summary>
public sealed class ExportCommandTests
{
    private static async Task<(int ExitCode, string Out, string Error)> Course(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandTable.Default.DispatchAsync(args, new CliConsole(output, error, interactive: false));
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export", "week-99")]
    [InlineData("export", "3")]
    [InlineData("export", "tests/MlCourse.NotebookTests/Fixtures/succeeds.ipynb")]
    [InlineData("export", "all", "--outptu", "x")]
    [InlineData("export", "all", "--output")]
    [InlineData("export", "all", "--output", "Directory.Build.props")]
    [InlineData("export", "all", "extra")]
    [InlineData("exprot", "all")]
    public async Task Bad_input_exits_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        // Relative paths in the cases are from the repository root.
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(TestPaths.RepositoryRoot);
        try
        {
            var (exitCode, output, error) = await Course(args);

            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Equal("", output);
            var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("course: ", line);
            Assert.DoesNotContain("   at ", line);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task Export_writes_one_app_per_notebook_mirroring_the_tree_and_prints_how_to_run_it()
    {
        var outputFolder = Directory.CreateTempSubdirectory("course-export-").FullName;

        var (exitCode, output, error) = await Course("export", "export-features", "--notebooks", TestPaths.FixturesFolder, "--output", outputFolder);

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Equal("", error);
        var app = Path.Combine(outputFolder, "export-features.cs");
        Assert.Contains("#:project ", File.ReadAllText(app));
        Assert.Contains("[1/1] export-features.ipynb", output);
        Assert.Contains($"    dotnet run --file {app}\n", output.Replace("\r\n", "\n"));
        Assert.Contains("1 of 1 notebook(s) exported.", output);
    }

    [Fact]
    public async Task Export_exits_1_lists_each_problem_and_still_exports_the_other_notebooks()
    {
        var tree = Directory.CreateTempSubdirectory("course-export-tree-").FullName;
        var outputFolder = Directory.CreateTempSubdirectory("course-export-").FullName;
        File.WriteAllText(Path.Combine(tree, "a-redeclares.ipynb"), Json(Code("var x = 1;"), Code("var x = 2;")));
        File.WriteAllText(Path.Combine(tree, "b-fine.ipynb"), Json(Code("var x = 1;")));

        var (exitCode, output, _) = await Course("export", "all", "--notebooks", tree, "--output", outputFolder);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("    not exported (1 problem(s)):", output);
        Assert.Contains("      - 'x' is declared at the top level of cell 1 (code cell 1) (line 1) and again in cell 2 (code cell 2) (line 1)", output);
        Assert.False(File.Exists(Path.Combine(outputFolder, "a-redeclares.cs")));
        Assert.True(File.Exists(Path.Combine(outputFolder, "b-fine.cs")));
        Assert.Contains("1 of 2 notebook(s) exported.", output);
        Directory.Delete(tree, recursive: true);
    }

    [Fact]
    public async Task Help_lists_export_and_its_options()
    {
        Assert.Contains("  export ", (await Course("--help")).Out);
        var (exitCode, output, _) = await Course("export", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--output DIR", output);
        Assert.Contains("Exit codes:", output);
    }
}
