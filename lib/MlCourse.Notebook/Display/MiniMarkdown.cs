using System.Text;
using System.Text.RegularExpressions;

namespace MlCourse.Notebook;

/// <summary>
/// The small part of Markdown that quiz prompts, explanations and check messages use:
/// paragraphs, bullet and numbered lists, fenced code, inline code, bold, italic and links.
/// TeX (<c>$...$</c>, <c>$$...$$</c>) is kept verbatim, delimiters included, and shielded from
/// emphasis parsing (<c>x_i * y_i</c> must not turn italic): Jupyter typesets it in HTML output,
/// other front ends show the source.
/// </summary>
internal static partial class MiniMarkdown
{
    public static string ToHtml(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? listTag = null;

        void FlushParagraph()
        {
            if (paragraph.Count == 0) return;
            html.Append("<p style=\"margin:4px 0\">").Append(Inline(string.Join(" ", paragraph))).Append("</p>");
            paragraph.Clear();
        }
        void CloseList()
        {
            if (listTag is null) return;
            html.Append($"</{listTag}>");
            listTag = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```"))
            {
                FlushParagraph(); CloseList();
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith("```"); i++) code.Add(lines[i]);
                html.Append($"<pre style=\"background:#f6f8fa;padding:8px;border-radius:4px;font-family:{Html.MonoFamily};font-size:12px;overflow-x:auto\"><code>")
                    .Append(Html.Encode(string.Join("\n", code))).Append("</code></pre>");
                continue;
            }
            var bullet = BulletItem().Match(line);
            var numbered = NumberedItem().Match(line);
            if (bullet.Success || numbered.Success)
            {
                FlushParagraph();
                var tag = bullet.Success ? "ul" : "ol";
                if (listTag != tag) { CloseList(); html.Append($"<{tag} style=\"margin:4px 0\">"); listTag = tag; }
                html.Append("<li>").Append(Inline((bullet.Success ? bullet : numbered).Groups["text"].Value)).Append("</li>");
                continue;
            }
            if (trimmed.Length == 0) { FlushParagraph(); CloseList(); continue; }
            if (listTag is not null && char.IsWhiteSpace(line[0]))
            {
                // An indented continuation line belongs to the previous list item.
                html.Insert(html.Length - "</li>".Length, " " + Inline(trimmed));
                continue;
            }
            CloseList();
            paragraph.Add(trimmed);
        }
        FlushParagraph(); CloseList();
        return html.ToString();
    }

    /// <summary>Inline Markdown of one paragraph or list item.</summary>
    public static string Inline(string text)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (Match protectedSpan in CodeOrMath().Matches(text))
        {
            html.Append(Emphasis(text[position..protectedSpan.Index]));
            var value = protectedSpan.Value;
            html.Append(value.StartsWith('`')
                ? $"<code style=\"font-family:{Html.MonoFamily};background:#f6f8fa;padding:0 3px;border-radius:3px\">{Html.Encode(value.Trim('`'))}</code>"
                : Html.Encode(value));
            position = protectedSpan.Index + protectedSpan.Length;
        }
        html.Append(Emphasis(text[position..]));
        return html.ToString();
    }

    private static string Emphasis(string plain)
    {
        var encoded = Html.Encode(plain);
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Italic().Replace(encoded, "<em>$1</em>");
        encoded = Link().Replace(encoded, "<a href=\"$2\">$1</a>");
        return encoded;
    }

    [GeneratedRegex(@"`[^`]+`|\$\$.+?\$\$|\$[^$\n]+?\$")]
    private static partial Regex CodeOrMath();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    // Only *single stars* mark italics: underscores are common in identifiers (learning_rate).
    [GeneratedRegex(@"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?![\*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^\s)]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*[-*]\s+(?<text>.*)$")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^\s*\d+[.)]\s+(?<text>.*)$")]
    private static partial Regex NumberedItem();
}
