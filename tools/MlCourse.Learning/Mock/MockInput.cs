namespace MlCourse.Learning.Mock;

/// <summary>
/// Reads the learner's typing for a mock. Every read returns null when the learner types q or the
/// input ends (a closed pipe, Ctrl-D), which ends the round with what was answered kept.
/// </summary>
internal sealed class MockInput(TextReader input, TextWriter output, bool echo)
{
    public string? Line(string prompt)
    {
        output.Write(prompt);
        var line = input.ReadLine();
        // Piped answers are not shown by a terminal; echoing them keeps the transcript readable.
        if (echo) output.WriteLine(line ?? "");
        if (line is null || line.Trim() is "q" or "quit") { if (!echo) output.WriteLine(); return null; }
        return line.Trim();
    }

    /// <summary>Lines until an empty one; an empty first line means "I answered out loud".</summary>
    public IReadOnlyList<string>? Lines(string prompt)
    {
        output.WriteLine(prompt);
        var lines = new List<string>();
        while (true)
        {
            var line = Line("> ");
            if (line is null) return null;
            if (line.Length == 0) return lines;
            lines.Add(line);
        }
    }

    public bool? YesNo(string prompt)
    {
        while (true)
        {
            var line = Line($"{prompt} [y/n] ");
            if (line is null) return null;
            if (line.ToLowerInvariant() is "y" or "yes") return true;
            if (line.ToLowerInvariant() is "n" or "no") return false;
            output.WriteLine("Type y or n (q stops the mock).");
        }
    }

    public int? Points(string prompt, int max)
    {
        while (true)
        {
            var line = Line($"{prompt} [0-{max}] ");
            if (line is null) return null;
            if (int.TryParse(line, out var points) && points >= 0 && points <= max) return points;
            output.WriteLine($"Type a whole number from 0 to {max} (q stops the mock).");
        }
    }
}
