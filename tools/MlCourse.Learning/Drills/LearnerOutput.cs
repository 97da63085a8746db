namespace MlCourse.Learning.Drills;

/// <summary>
/// What the learner's code printed during a check, kept short: the first lines, each cut at a width,
/// with a count of what was cut so the report can say so. Also notes the runtime's own last words
/// ("Stack overflow.", "Out of memory."), which may come after the lines kept.
/// </summary>
public sealed class LearnerOutput
{
    public const int MaxLines = 40;
    public const int MaxLineLength = 300;

    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Lines printed beyond <see cref="MaxLines"/>, not kept.</summary>
    public int LinesCut { get; private set; }

    /// <summary>Kept lines that were longer than <see cref="MaxLineLength"/> and were shortened.</summary>
    public int LinesShortened { get; private set; }

    public bool SawStackOverflow { get; private set; }

    public bool SawOutOfMemory { get; private set; }

    public void Add(string line)
    {
        lock (_lines)
        {
            if (line.StartsWith("Stack overflow.", StringComparison.Ordinal)) SawStackOverflow = true;
            if (line.StartsWith("Out of memory.", StringComparison.Ordinal) || line.Contains("System.OutOfMemoryException", StringComparison.Ordinal)) SawOutOfMemory = true;
            if (_lines.Count >= MaxLines) { LinesCut++; return; }
            if (line.Length > MaxLineLength)
            {
                LinesShortened++;
                line = line[..MaxLineLength] + " …";
            }
            _lines.Add(line);
        }
    }

    /// <summary>"" when nothing was cut, otherwise what was, in words for the report.</summary>
    public string CutNote()
    {
        var parts = new List<string>();
        if (LinesCut > 0) parts.Add($"{LinesCut} more line{(LinesCut == 1 ? "" : "s")} not shown");
        if (LinesShortened > 0) parts.Add($"{LinesShortened} line{(LinesShortened == 1 ? "" : "s")} cut at {MaxLineLength} characters (…)");
        return parts.Count == 0 ? "" : $"output cut: {string.Join("; ", parts)}";
    }
}
