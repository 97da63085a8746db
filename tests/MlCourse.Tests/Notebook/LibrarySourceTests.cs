using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

public sealed class LibrarySourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlc-snippets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
        return path;
    }

    private const string Ridge = """
        namespace Demo;

        public static class Ridge
        {
            public static double[] Fit(double[,] x, double[] y, double alpha)
            {
                // <snippet name="ridge-closed-form">
                // w = (X^T X + alpha I)^-1 X^T y
                var gram = Gram(x, alpha);

                return Solve(gram, y);
                // </snippet>
            }
        }
        """;

    [Fact]
    public void A_snippet_is_found_dedented_with_its_file_and_lines()
    {
        Write("lib/Demo/Ridge.cs", Ridge);
        var snippet = new SnippetIndex(_root).Get("ridge-closed-form");
        Assert.Equal("lib/Demo/Ridge.cs", snippet.File);
        Assert.Equal((8, 11), (snippet.StartLine, snippet.EndLine));
        Assert.Equal("// w = (X^T X + alpha I)^-1 X^T y\nvar gram = Gram(x, alpha);\n\nreturn Solve(gram, y);", snippet.Code);
        Assert.Equal("lib/Demo/Ridge.cs, lines 8-11", snippet.Caption);
    }

    [Fact]
    public void Nested_snippets_leave_marker_lines_out_of_the_outer_code()
    {
        Write("lib/Demo/Steps.cs", """
            // <snippet name="outer">
            var a = 1;
            // <snippet name="inner">
            var b = 2;
            // </snippet>
            var c = 3;
            // </snippet>
            """);
        var index = new SnippetIndex(_root);
        Assert.Equal("var a = 1;\nvar b = 2;\nvar c = 3;", index.Get("outer").Code);
        Assert.Equal([2, 4, 6], index.Get("outer").LineNumbers);
        Assert.Equal("var b = 2;", index.Get("inner").Code);
        Assert.Equal(["inner", "outer"], index.Names);
    }

    [Fact]
    public void Files_under_bin_and_obj_are_ignored()
    {
        Write("lib/Demo/Ridge.cs", Ridge);
        Write("lib/Demo/obj/Debug/Copy.cs", Ridge);
        Write("lib/Demo/bin/Debug/Copy.cs", Ridge);
        Assert.Equal("lib/Demo/Ridge.cs", new SnippetIndex(_root).Get("ridge-closed-form").File);
    }

    [Fact]
    public void A_changed_file_is_read_again()
    {
        var path = Write("lib/Demo/Ridge.cs", Ridge);
        var index = new SnippetIndex(_root);
        Assert.Contains("Solve(gram, y)", index.Get("ridge-closed-form").Code);
        File.WriteAllText(path, Ridge.Replace("Solve(gram, y)", "SolveCholesky(gram, y)"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("SolveCholesky(gram, y)", index.Get("ridge-closed-form").Code);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_names_nearest_first()
    {
        Write("lib/Demo/Names.cs", """
            // <snippet name="sigmoid-stable">
            a();
            // </snippet>
            // <snippet name="ridge-closed-form">
            b();
            // </snippet>
            // <snippet name="ridge-gradient">
            c();
            // </snippet>
            """);
        var error = Assert.Throws<KeyNotFoundException>(() => new SnippetIndex(_root).Get("ridge-closed"));
        Assert.Contains("No snippet named 'ridge-closed'", error.Message);
        Assert.EndsWith("Known names, nearest first: ridge-closed-form, ridge-gradient, sigmoid-stable.", error.Message);

        var typo = Assert.Throws<KeyNotFoundException>(() => new SnippetIndex(_root).Get("sigmoid-stabel"));
        Assert.EndsWith("nearest first: sigmoid-stable, ridge-gradient, ridge-closed-form.", typo.Message);
    }

    [Fact]
    public void A_name_used_in_two_files_is_rejected_naming_both()
    {
        Write("lib/A/First.cs", "// <snippet name=\"shared\">\nx();\n// </snippet>\n");
        Write("lib/B/Second.cs", "\n\n// <snippet name=\"shared\">\ny();\n// </snippet>\n");
        var error = Assert.Throws<InvalidOperationException>(() => new SnippetIndex(_root).Get("shared"));
        Assert.Contains("Snippet name 'shared' is used twice: lib/A/First.cs line 1 and lib/B/Second.cs line 3.", error.Message);
    }

    [Fact]
    public void Unbalanced_markers_are_reported_with_file_and_line()
    {
        Write("lib/Bad.cs", "class C {\n// <snippet name=\"open\">\nint x;\n}\n");
        var unclosed = Assert.Throws<InvalidOperationException>(() => new SnippetIndex(_root).Names);
        Assert.Equal("lib/Bad.cs:2: snippet 'open' is never closed with '// </snippet>'.", unclosed.Message);

        Write("lib/Bad.cs", "int x;\n// </snippet>\n");
        var stray = Assert.Throws<InvalidOperationException>(() => new SnippetIndex(_root).Names);
        Assert.StartsWith("lib/Bad.cs:2: '// </snippet>' without a matching", stray.Message);
    }

    [Fact]
    public void Show_renders_highlighted_code_under_its_caption()
    {
        Write("lib/Demo/Ridge.cs", Ridge);
        var snippet = new SnippetIndex(_root).Get("ridge-closed-form");
        using var notebook = CaptureSink.Notebook();
        LibrarySource.Show(snippet);
        var output = notebook.Single;
        Assert.Contains("<figcaption", output.Html);
        Assert.Contains("lib/Demo/Ridge.cs, lines 8-11</figcaption>", output.Html);
        Assert.Contains("<span style=\"color:#cf222e\">var</span>", output.Html);     // keyword
        Assert.Contains("<span style=\"color:#cf222e\">return</span>", output.Html);
        Assert.Contains("<span style=\"color:#6e7781\">// w = (X^T X + alpha I)^-1 X^T y</span>", output.Html); // comment
        Assert.Contains(">11</span>", output.Html);                                      // line-number gutter
        Assert.DoesNotContain("<script", output.Html);
        Assert.Equal("// lib/Demo/Ridge.cs, lines 8-11\n" + snippet.Code, output.PlainText);
    }

    [Fact]
    public void The_highlighter_colours_strings_and_numbers_and_escapes_html()
    {
        var lines = CSharpHighlighter.ToHtmlLines("var s = $\"<{x}>\"; // done\nvar n = 1e-5 * 2.5;");
        Assert.Equal(
            "<span style=\"color:#cf222e\">var</span> s = <span style=\"color:#0a3069\">$&quot;&lt;{x}&gt;&quot;</span>; " +
            "<span style=\"color:#6e7781\">// done</span>",
            lines[0]);
        Assert.Equal(
            "<span style=\"color:#cf222e\">var</span> n = <span style=\"color:#0550ae\">1e-5</span> * <span style=\"color:#0550ae\">2.5</span>;",
            lines[1]);
    }

    [Fact]
    public void A_missing_lib_folder_is_a_clear_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new SnippetIndex(Path.Combine(_root, "nowhere")).Get("x"));
        Assert.Contains("nowhere", error.Message);
    }
}
