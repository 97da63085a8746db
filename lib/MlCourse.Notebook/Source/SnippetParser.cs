using System.Text.RegularExpressions;

namespace MlCourse.Notebook;

/// <summary>Finds the snippets of one source file. Snippets may nest; each marker must be on a line of its own.</summary>
internal static partial class SnippetParser
{
    public static List<Snippet> Parse(string relativePath, IReadOnlyList<string> lines)
    {
        var open = new Stack<(string Name, int MarkerLine, List<(int Line, string Text)> Body)>();
        var snippets = new List<Snippet>();
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            var start = StartMarker().Match(lines[i]);
            if (start.Success)
            {
                var name = start.Groups["name"].Value.Trim();
                if (name.Length == 0) throw new InvalidOperationException($"{relativePath}:{lineNumber}: a snippet marker needs a non-empty name.");
                open.Push((name, lineNumber, []));
                continue;
            }
            if (EndMarker().IsMatch(lines[i]))
            {
                if (open.Count == 0)
                    throw new InvalidOperationException($"{relativePath}:{lineNumber}: '// </snippet>' without a matching '// <snippet name=\"...\">' above it.");
                var (name, markerLine, body) = open.Pop();
                snippets.Add(Build(relativePath, name, markerLine, body));
                continue;
            }
            foreach (var snippet in open) snippet.Body.Add((lineNumber, lines[i]));
        }
        if (open.Count > 0)
        {
            var (name, markerLine, _) = open.Peek();
            throw new InvalidOperationException($"{relativePath}:{markerLine}: snippet '{name}' is never closed with '// </snippet>'.");
        }
        return snippets;
    }

    private static Snippet Build(string relativePath, string name, int markerLine, List<(int Line, string Text)> body)
    {
        var first = body.FindIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        var last = body.FindLastIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        if (first < 0) throw new InvalidOperationException($"{relativePath}:{markerLine}: snippet '{name}' is empty.");
        var kept = body.GetRange(first, last - first + 1);
        var indent = kept.Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .Min(l => l.Text.Length - l.Text.TrimStart().Length);
        var code = kept.Select(l => string.IsNullOrWhiteSpace(l.Text) ? "" : l.Text[indent..].TrimEnd());
        return new Snippet(name, relativePath, kept[0].Line, kept[^1].Line, string.Join("\n", code))
        {
            LineNumbers = kept.Select(l => l.Line).ToList(),
            MarkerLine = markerLine,
        };
    }

    [GeneratedRegex("""^\s*//\s*<snippet\s+name\s*=\s*"(?<name>[^"]*)"\s*>\s*$""")]
    private static partial Regex StartMarker();

    [GeneratedRegex(@"^\s*//\s*</snippet\s*>\s*$")]
    private static partial Regex EndMarker();
}
