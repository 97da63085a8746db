namespace MlCourse.Notebook;

/// <summary>
/// Code between <c>// &lt;snippet name="..."&gt;</c> and <c>// &lt;/snippet&gt;</c> in a library
/// file, with its common indentation removed and marker lines of nested snippets left out.
/// </summary>
/// <param name="Name">The snippet's name from its opening marker.</param>
/// <param name="File">Path relative to the repository root, with '/' separators (lib/MlCourse.Classical/...).</param>
/// <param name="StartLine">1-based line number of the first code line in the file.</param>
/// <param name="EndLine">1-based line number of the last code line in the file.</param>
/// <param name="Code">The code, dedented, lines separated by '\n'.</param>
public sealed record Snippet(string Name, string File, int StartLine, int EndLine, string Code)
{
    /// <summary>The file line number of each line of <see cref="Code"/> (differs from a plain range only around nested markers).</summary>
    public IReadOnlyList<int> LineNumbers { get; init; } = [];

    /// <summary>1-based line of the opening marker, for messages about the marker itself.</summary>
    public int MarkerLine { get; init; }

    /// <summary>"lib/...cs, lines a-b", the caption a notebook shows above the code.</summary>
    public string Caption => StartLine == EndLine ? $"{File}, line {StartLine}" : $"{File}, lines {StartLine}-{EndLine}";
}
