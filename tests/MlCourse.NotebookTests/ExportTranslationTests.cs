using MlCourse.NotebookRunner.Export;
using MlCourse.NotebookRunner.Notebooks;
using MlCourse.NotebookTests.Support;
using static MlCourse.NotebookTests.Support.TestNotebook;

namespace MlCourse.NotebookTests;

/// <summary>Notebook → file-based app translation, checked on small in-memory notebooks.</summary>
public sealed class ExportTranslationTests
{
    // Where the app is said to go: four folders below the root, like output/apps/month-1-x/week-01-y/.
    private static readonly string AppPath = TestPaths.FromRoot("output/test-apps/month-x/week-y/app.cs");

    private static string Translate(NotebookFile notebook) => NotebookExporter.Translate(notebook, AppPath).Text;

    private static NotebookExportException Refused(NotebookFile notebook) =>
        Assert.Throws<NotebookExportException>(() => NotebookExporter.Translate(notebook, AppPath));

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void A_nuget_reference_becomes_a_package_directive()
    {
        var text = Translate(InFixtures(Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nusing MathNet.Numerics;")));

        Assert.Contains("#:package MathNet.Numerics@5.0.0", Lines(text));
        Assert.DoesNotContain("#r", text);
    }

    [Fact]
    public void A_course_library_reference_becomes_a_project_directive_relative_to_the_app()
    {
        var text = Translate(InFixtures(Code("#r \"../../../artifacts/lib/MlCourse.Core.dll\"")));

        var directive = Assert.Single(Lines(text), l => l.StartsWith("#:project ", StringComparison.Ordinal));
        Assert.Equal("#:project ../../../../lib/MlCourse.Core/MlCourse.Core.csproj", directive);
        // The relative path, resolved from the app's folder, is the real project.
        var resolved = Path.GetFullPath(directive["#:project ".Length..], Path.GetDirectoryName(AppPath)!);
        Assert.Equal(TestPaths.FromRoot("lib/MlCourse.Core/MlCourse.Core.csproj"), resolved);
        Assert.True(File.Exists(resolved));
    }

    [Theory]
    [InlineData("#r \"/usr/lib/some/Other.dll\"", "neither a NuGet package nor a course library")]
    [InlineData("#r \"../../../artifacts/lib/MlCourse.Missing.dll\"", "does not exist")]
    [InlineData("#r \"nuget: MathNet.Numerics\"", "has no version")]
    [InlineData("#r \"nuget: MathNet.Numerics, 5.*\"", "not an exact version")]
    [InlineData("#!time", "magic command")]
    [InlineData("#i \"nuget: https://example.org/feed\"", "magic command")]
    public void A_reference_or_magic_command_without_a_translation_is_refused_naming_the_cell(string line, string expected)
    {
        var error = Refused(InFixtures(Markdown("# Title"), Code("var a = 1;"), Code($"// setup\n{line}")));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("cell 3 (code cell 2), line 2: ", problem);
        Assert.Contains(expected, problem);
        Assert.Contains("in-memory.ipynb", error.Message);
    }

    [Fact]
    public void Two_versions_of_one_package_are_refused_naming_both_cells()
    {
        var error = Refused(InFixtures(Code("#r \"nuget: MathNet.Numerics, 5.0.0\""), Code("#r \"nuget: MathNet.Numerics, 4.15.0\"")));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("5.0.0 in cell 1 (code cell 1)", problem);
        Assert.Contains("4.15.0 in cell 2 (code cell 2)", problem);
    }

    [Fact]
    public void Using_directives_of_every_cell_appear_once_above_the_first_statement()
    {
        var text = Translate(InFixtures(
            Code("using System.Globalization;\nusing System.Linq;\nvar n = 3;"),
            Code("using System.Globalization;\nusing static System.Math;\nConsole.WriteLine(Sqrt(n).ToString(CultureInfo.InvariantCulture));")));

        var lines = Lines(text);
        Assert.Single(lines, l => l == "using System.Globalization;");
        Assert.Single(lines, l => l == "using System.Linq;");
        Assert.Single(lines, l => l == "using static System.Math;");
        var lastUsing = Array.FindLastIndex(lines, l => l.StartsWith("using ", StringComparison.Ordinal));
        Assert.True(lastUsing < Array.FindIndex(lines, l => l.StartsWith("var n = 3;", StringComparison.Ordinal)));
        Assert.Empty(InMemoryCompiler.Errors(text));
    }

    [Fact]
    public void Type_declarations_move_after_every_statement_and_the_program_compiles()
    {
        var notebook = InFixtures(
            Code("record Point(double X, double Y);\nvar p = new Point(3, 4);"),
            Code("enum Norm { L1, L2 }\ndouble Length(Point q, Norm norm) => norm == Norm.L2 ? Math.Sqrt(q.X * q.X + q.Y * q.Y) : Math.Abs(q.X) + Math.Abs(q.Y);"),
            Code("Console.WriteLine(Length(p, Norm.L2));"));

        var text = Translate(notebook);

        // Cell order of statements is kept; the types come after the last statement.
        var lines = Lines(text);
        int record = Array.FindIndex(lines, l => l.StartsWith("record Point", StringComparison.Ordinal));
        int enumLine = Array.FindIndex(lines, l => l.StartsWith("enum Norm", StringComparison.Ordinal));
        int lastStatement = Array.FindIndex(lines, l => l.StartsWith("Console.WriteLine(Length(p", StringComparison.Ordinal));
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("var p =", StringComparison.Ordinal)) < lastStatement);
        Assert.True(lastStatement < record && record < enumLine, text);
        // Left in place, the record would break the program (CS8803); moved, it compiles.
        Assert.Empty(InMemoryCompiler.Errors(text));
    }

    [Fact]
    public void Each_code_cell_is_introduced_by_its_label_and_markdown_is_kept_whole_as_comments()
    {
        var text = Translate(InFixtures(
            Markdown("# Linear regression\n\nThe loss is $\\frac{1}{n}\\lVert Xw - y \\rVert^2$.\n"),
            Code("var w = 1.0;"),
            Markdown("Second *text*.")));

        var lines = Lines(text);
        int header = Array.IndexOf(lines, "// ---- cell 1 (markdown) ----");
        Assert.True(header >= 0, text);
        Assert.Equal(["// # Linear regression", "//", "// The loss is $\\frac{1}{n}\\lVert Xw - y \\rVert^2$."], lines[(header + 1)..(header + 4)]);
        int code = Array.IndexOf(lines, "// ---- cell 2 (code cell 1) ----");
        Assert.Equal("var w = 1.0;", lines[code + 1]);
        Assert.True(Array.IndexOf(lines, "// ---- cell 3 (markdown) ----") > code);
        Assert.Contains("// Second *text*.", lines);
    }

    [Fact]
    public void The_app_is_built_like_the_notebook_kernel_compiles_and_for_this_platform_only()
    {
        var properties = Lines(Translate(InFixtures(Code("var a = 1;")))).Where(l => l.StartsWith("#:property ", StringComparison.Ordinal));

        Assert.Equal(
            ["#:property ImplicitUsings=disable", "#:property Nullable=disable", "#:property ManagePackageVersionsCentrally=false",
             "#:property PublishAot=false", $"#:property RuntimeIdentifier={System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}"],
            properties);
    }

    [Fact]
    public void The_app_starts_in_the_notebook_folder()
    {
        var text = Translate(InFixtures(Code("var a = 1;")));

        var setLine = $"global::System.IO.Directory.SetCurrentDirectory(@\"{TestPaths.FixturesFolder}\");";
        Assert.Contains(setLine, Lines(text));
        Assert.True(text.IndexOf(setLine, StringComparison.Ordinal) < text.IndexOf("var a = 1;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1 + 2", "__NotebookCellValue.Display(\"1 + 2\", () => 1 + 2);")]
    [InlineData("Console.WriteLine(\"void\")", "__NotebookCellValue.Display(\"Console.WriteLine(\\\"void\\\")\", () => Console.WriteLine(\"void\"));")]
    [InlineData("await Task.FromResult(40 + 2)", "await __NotebookCellValue.DisplayAsync(\"await Task.FromResult(40 + 2)\", async () => await Task.FromResult(40 + 2));")]
    [InlineData("1 + 2 // three", "__NotebookCellValue.Display(\"1 + 2\", () => 1 + 2); // three")]
    [InlineData("await Task.Delay(1)", "await __NotebookCellValue.DisplayAsync(\"await Task.Delay(1)\", async () => await Task.Delay(1));")]
    public void A_trailing_expression_becomes_a_display_statement_that_compiles_for_values_void_and_await(string expression, string statement)
    {
        var text = Translate(InFixtures(Code($"var unused = 0;\n{expression}")));

        Assert.Contains(statement, Lines(text));
        Assert.Contains("global::System.Console.WriteLine(value)", text);
        Assert.Empty(InMemoryCompiler.Errors(text));
    }

    [Fact]
    public void With_the_course_display_library_a_trailing_value_goes_through_Show_Value()
    {
        var text = Translate(InFixtures(Code("#r \"../../../artifacts/lib/MlCourse.Notebook.dll\""), Code("2 * 21")));

        Assert.Contains("global::MlCourse.Notebook.Show.Value(expression, value)", text);
    }

    [Fact]
    public void Without_a_trailing_expression_no_display_helper_is_written()
    {
        var text = Translate(InFixtures(Code("var a = 1;\nConsole.WriteLine(a);")));

        Assert.DoesNotContain("__NotebookCellValue", text);
    }

    [Fact]
    public void A_variable_declared_again_in_a_later_cell_is_refused_naming_both_cells()
    {
        var error = Refused(InFixtures(Code("var model = 1;"), Markdown("text"), Code("Console.WriteLine(model);\nvar model = 2;")));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("'model' is declared at the top level of cell 1 (code cell 1) (line 1) and again in cell 3 (code cell 2) (line 2)", problem);
        Assert.Contains("CS0128", problem);
    }

    [Fact]
    public void A_loop_variable_named_like_a_top_level_variable_of_another_cell_is_refused()
    {
        var error = Refused(InFixtures(Code("foreach (var i in new[] { 1, 2 })\n    Console.WriteLine(i);"), Code("var i = 3;")));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("'i' is declared inside a block, loop, switch arm or query in cell 1 (code cell 1) (line 1)", problem);
        Assert.Contains("cell 2 (code cell 2) (line 1) declares it at the top level", problem);
    }

    [Fact]
    public void Every_problem_is_reported_and_the_message_is_one_line()
    {
        var error = Refused(InFixtures(Code("#r \"Other.dll\"\nvar a = 1;"), Code("var a = 2;\nint P => 3;")));

        Assert.Equal(3, error.Problems.Count);
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith("(and 2 more problem(s))", error.Message);
    }

    [Theory]
    [InlineData("int Twice { get; } = 2;", "property")]
    [InlineData("var x = ;", "does not parse as C#")]
    public void A_cell_that_is_not_expressible_as_top_level_statements_is_refused(string cell, string expected)
    {
        var problem = Assert.Single(Refused(InFixtures(Code(cell))).Problems);

        Assert.StartsWith("cell 1 (code cell 1), line 1: ", problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_cell_of_another_kernel_is_refused()
    {
        var fsharp = Code("let x = 1");
        fsharp["metadata"]!["polyglot_notebook"]!["kernelName"] = "fsharp";

        var problem = Assert.Single(Refused(InFixtures(fsharp)).Problems);

        Assert.Contains("'fsharp' kernel", problem);
    }
}
