using System.Text;

namespace MlCourse.Notebook;

/// <summary>
/// Colours C# for display without any JavaScript: comments, strings, numbers and keywords, in
/// GitHub's light palette. A lexer good enough for reading, not a parser: interpolation holes
/// stay string-coloured.
/// </summary>
internal static class CSharpHighlighter
{
    private enum Kind { Plain, Comment, String, Number, Keyword }

    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long",
        "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void",
        "volatile", "while", "var", "record", "init", "required", "get", "set", "value", "yield", "async", "await", "when",
        "where", "and", "or", "not", "with", "nameof", "dynamic", "global", "partial", "file", "scoped",
    ];

    /// <summary>One HTML fragment per line of <paramref name="code"/>, so callers can add a line-number gutter.</summary>
    public static IReadOnlyList<string> ToHtmlLines(string code)
    {
        var lines = new List<StringBuilder> { new() };
        foreach (var (kind, text) in Tokens(code))
        {
            var parts = text.Split('\n');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0) lines.Add(new StringBuilder());
                if (parts[p].Length == 0) continue;
                var encoded = Html.Encode(parts[p]);
                lines[^1].Append(kind == Kind.Plain ? encoded : $"<span style=\"color:{Color(kind)}\">{encoded}</span>");
            }
        }
        return lines.Select(l => l.ToString()).ToList();
    }

    private static string Color(Kind kind) => kind switch
    {
        Kind.Comment => "#6e7781",
        Kind.String => "#0a3069",
        Kind.Number => "#0550ae",
        Kind.Keyword => "#cf222e",
        _ => "inherit",
    };

    private static IEnumerable<(Kind, string)> Tokens(string code)
    {
        var i = 0;
        while (i < code.Length)
        {
            var start = i;
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = IndexOrEnd(code, "\n", i);
                yield return (Kind.Comment, code[start..i]);
            }
            else if (c == '/' && next == '*')
            {
                i = Math.Min(code.Length, IndexOrEnd(code, "*/", i + 2) + 2);
                yield return (Kind.Comment, code[start..i]);
            }
            else if (StringStart(code, i) is { } prefixLength)
            {
                i = StringEnd(code, i, prefixLength);
                yield return (Kind.String, code[start..i]);
            }
            else if (c == '\'')
            {
                i++;
                while (i < code.Length && code[i] != '\'' && code[i] != '\n') i += code[i] == '\\' ? 2 : 1;
                i = Math.Min(code.Length, i + 1);
                yield return (Kind.String, code[start..i]);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next) && (i == 0 || !IsIdentifierChar(code[i - 1]))))
            {
                i++;
                while (i < code.Length && (char.IsAsciiLetterOrDigit(code[i]) || code[i] is '_' or '.' ||
                       (code[i] is '+' or '-' && code[i - 1] is 'e' or 'E')))
                {
                    if (code[i] == '.' && !(i + 1 < code.Length && char.IsAsciiDigit(code[i + 1]))) break;
                    i++;
                }
                yield return (Kind.Number, code[start..i]);
            }
            else if (IsIdentifierChar(c) || (c == '@' && IsIdentifierChar(next)))
            {
                i++;
                while (i < code.Length && IsIdentifierChar(code[i])) i++;
                var word = code[start..i];
                yield return (Keywords.Contains(word) ? Kind.Keyword : Kind.Plain, word);
            }
            else
            {
                i++;
                yield return (Kind.Plain, code[start..i]);
            }
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Length of a string literal's prefix ("\"", "$\"", "@\"", "$@\"", "\"\"\"", ...) starting at i, or null.</summary>
    private static int? StringStart(string code, int i)
    {
        var j = i;
        while (j < code.Length && code[j] is '$' or '@' && j - i < 4) j++;
        return j < code.Length && code[j] == '"' ? j - i : null;
    }

    private static int StringEnd(string code, int i, int prefixLength)
    {
        var prefix = code.Substring(i, prefixLength);
        var j = i + prefixLength;
        if (code.AsSpan(j).StartsWith("\"\"\""))
        {
            var quotes = 0;
            while (j < code.Length && code[j] == '"') { quotes++; j++; }
            var close = code.IndexOf(new string('"', quotes), j, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + quotes;
        }
        var verbatim = prefix.Contains('@');
        j++;
        while (j < code.Length)
        {
            if (!verbatim && code[j] == '\\') { j += 2; continue; }
            if (!verbatim && code[j] == '\n') return j;
            if (code[j] == '"')
            {
                if (verbatim && j + 1 < code.Length && code[j + 1] == '"') { j += 2; continue; }
                return j + 1;
            }
            j++;
        }
        return code.Length;
    }

    private static int IndexOrEnd(string code, string value, int from)
    {
        var index = code.IndexOf(value, from, StringComparison.Ordinal);
        return index < 0 ? code.Length : index;
    }
}
