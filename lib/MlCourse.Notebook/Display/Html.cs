using System.Net;
using System.Text.RegularExpressions;

namespace MlCourse.Notebook;

/// <summary>
/// HTML building blocks shared by the helpers. Styles are inline because a notebook front end
/// may render each output in isolation, where a stylesheet from another output does not apply.
/// </summary>
internal static partial class Html
{
    public const string FontFamily = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";
    public const string MonoFamily = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A coloured box: green for success, red for failure, amber for "not yet".</summary>
    public static string Box(BoxKind kind, string innerHtml)
    {
        var (border, background) = kind switch
        {
            BoxKind.Success => ("#1a7f37", "#dafbe1"),
            BoxKind.Failure => ("#cf222e", "#ffebe9"),
            BoxKind.Pending => ("#9a6700", "#fff8c5"),
            _ => ("#57606a", "#f6f8fa"),
        };
        return $"<div style=\"border-left:4px solid {border};background:{background};padding:8px 12px;margin:6px 0;" +
               $"border-radius:4px;font-family:{FontFamily};font-size:14px;max-width:860px\">{innerHtml}</div>";
    }

    /// <summary>Readable text from HTML, for the plain-text form of an output when none was given.</summary>
    public static string ToPlainText(string html)
    {
        var text = ScriptOrStyle().Replace(html, "");
        text = LineBreakingTag().Replace(text, "\n");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|tr|li|h[1-6]|pre|table|caption)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakingTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex BlankLines();
}

internal enum BoxKind { Neutral, Success, Failure, Pending }
