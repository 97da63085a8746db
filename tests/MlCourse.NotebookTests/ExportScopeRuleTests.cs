using MlCourse.NotebookRunner.Export;
using MlCourse.NotebookTests.Support;
using static MlCourse.NotebookTests.Support.TestNotebook;

namespace MlCourse.NotebookTests;

/// <summary>
/// The exporter decides from syntax alone whether two cells' names clash once they share one
/// program. These cases hold it to the compiler: it must refuse exactly the pairs of cells whose
/// plain concatenation the C# compiler rejects with a scope error, and accept the others.
/// </summary>
public sealed class ExportScopeRuleTests
{
    private static readonly string[] ScopeErrors = ["CS0128", "CS0136", "CS1931"];

    [Theory]
    // clashes
    [InlineData("var x = 1;", "var x = 2;")]
    [InlineData("object o = 1;\nif (o is int i) { }", "var i = 3;")]
    [InlineData("object o = 1;\nwhile (o is int i) { break; }", "var i = 3;")]
    [InlineData("var x = 1;", "foreach (var x in new int[0]) { }")]
    [InlineData("foreach (var x in new int[0]) { }", "var x = 1;")]
    [InlineData("var k = 2;", "for (int k = 0; k < 1; k++) { }")]
    [InlineData("var e = 1;", "try { } catch (Exception e) { }")]
    [InlineData("{ var y = 1; }", "var y = 2;")]
    [InlineData("var x = 1;", "var q = from x in new int[0] select x;")]
    [InlineData("object o = 1;\nvar r = o switch { int i => i, _ => 0 };", "var i = 2;")]
    [InlineData("var a = 1;", "{ var (a, b) = (1, 2); }")]
    [InlineData("int.TryParse(\"1\", out var n);", "var n = 2;")]
    [InlineData("var (p, q) = (1, 2);", "var q = 3;")]
    [InlineData("int F(int a) => a;", "int F(string s) => s.Length;")]
    [InlineData("var F = 1;", "void F() { }")]
    [InlineData("using var s = new System.IO.MemoryStream();", "var s = 2;")]
    // a name that leaks out of its statement clashes with a nested one as well
    [InlineData("object o = 1;\nif (o is int i) { }", "foreach (var i in new int[0]) { }")]
    [InlineData("int.TryParse(\"1\", out var n);", "{ var n = 1; }")]
    // no clash
    [InlineData("var x = 1;", "Func<int, int> f = x => x;")]
    [InlineData("var x = 1;", "Action f = () => { var x = 2; };")]
    [InlineData("var x = 1;", "void F() { var x = 2; }")]
    [InlineData("var x = 1;", "int G(int x) => x;")]
    [InlineData("var x = 1;", "Func<object> f = () => from x in new int[0] select x;")]
    [InlineData("{ var y = 1; }", "{ var y = 2; }")]
    [InlineData("foreach (var x in new int[0]) { }", "foreach (var x in new int[0]) { }")]
    [InlineData("Func<bool> f = () => int.TryParse(\"1\", out var n);", "var n = 2;")]
    [InlineData("var total = 0;", "total = 5;")]
    // names that stay inside their statement or expression do not meet each other
    [InlineData("object o = 1;\nvar r = o switch { int i => i, _ => 0 };", "{ var i = 1; }")]
    [InlineData("object o = 1;\nwhile (o is int i) { break; }", "{ var i = 1; }")]
    [InlineData("var q = from x in new int[0] select x;", "{ var x = 1; }")]
    [InlineData("try { } catch (Exception e) { }", "foreach (var e in new int[0]) { }")]
    public void The_exporter_refuses_exactly_the_cells_the_compiler_rejects_as_one_program(string first, string second)
    {
        var compilerErrors = InMemoryCompiler.ErrorIds($"using System;\nusing System.Linq;\n{first}\n{second}\n");
        bool compilerRejects = compilerErrors.Intersect(ScopeErrors).Any();
        Assert.True(compilerErrors.Except(ScopeErrors).ToArray() is [], $"the case itself is broken: {string.Join(", ", compilerErrors)}");

        var notebook = InFixtures(Code("using System;\nusing System.Linq;"), Code(first), Code(second));
        NotebookExportException? refusal = null;
        try
        {
            NotebookExporter.Translate(notebook, TestPaths.FromRoot("output/test-apps/scope.cs"));
        }
        catch (NotebookExportException e)
        {
            refusal = e;
        }

        Assert.True(compilerRejects == (refusal is not null),
            $"compiler: {(compilerRejects ? string.Join(", ", compilerErrors) : "accepts")}; exporter: {refusal?.Message ?? "accepts"}");
    }
}
