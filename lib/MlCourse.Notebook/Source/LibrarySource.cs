using System.Text;
using MlCourse.Core.Data;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// Shows the library's own, tested code in a notebook: the learner reads what the tests run,
/// never a copy. Mark code in lib/ with <c>// &lt;snippet name="ridge-closed-form"&gt;</c> ...
/// <c>// &lt;/snippet&gt;</c>, then <c>LibrarySource.Show("ridge-closed-form");</c>
/// Taught in every week's "Implementation" section.
/// </summary>
public static class LibrarySource
{
    private static readonly object Lock = new();
    private static SnippetIndex? _index;

    /// <summary>The index over <see cref="CoursePaths.Root"/>/lib, created on first use.</summary>
    public static SnippetIndex Index
    {
        get
        {
            lock (Lock) return _index ??= new SnippetIndex(CoursePaths.Root);
        }
    }

    public static Snippet Get(string name) => Index.Get(name);

    public static IReadOnlyList<string> Names => Index.Names;

    /// <summary>Displays the snippet as highlighted code under a "lib/...cs, lines a-b" caption.</summary>
    public static void Show(string name) => Show(Get(name));

    public static void Show(Snippet snippet)
    {
        Guard.NotNull(snippet, nameof(snippet));
        DisplaySinks.Display(new DisplayOutput($"// {snippet.Caption}\n{snippet.Code}", Html: ToHtml(snippet)));
    }

    internal static string ToHtml(Snippet snippet)
    {
        var lines = CSharpHighlighter.ToHtmlLines(snippet.Code);
        var numbers = snippet.LineNumbers.Count == lines.Count
            ? snippet.LineNumbers
            : Enumerable.Range(snippet.StartLine, lines.Count).ToList();
        var width = numbers.Max().ToString().Length + 1;
        var html = new StringBuilder();
        html.Append("<figure style=\"margin:8px 0;max-width:980px\">");
        html.Append($"<figcaption style=\"font-family:{Html.FontFamily};font-size:12px;color:#57606a;margin-bottom:3px\">")
            .Append(Html.Encode(snippet.Caption)).Append("</figcaption>");
        html.Append("<pre style=\"background:#f6f8fa;color:#1f2328;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px 8px 0;margin:0;" +
                    $"overflow-x:auto;font-family:{Html.MonoFamily};font-size:12.5px;line-height:1.45\"><code>");
        for (var k = 0; k < lines.Count; k++)
        {
            // user-select:none keeps line numbers out of copied code.
            html.Append($"<span style=\"display:inline-block;min-width:{width}ch;padding:0 12px 0 8px;text-align:right;color:#8c959f;user-select:none\">")
                .Append(numbers[k]).Append("</span>").Append(lines[k]).Append('\n');
        }
        html.Append("</code></pre></figure>");
        return html.ToString();
    }
}
