namespace MlCourse.Cli.Output;

/// <summary>The table printed after a run: notebook, code cells run/total, failures, seconds, and a total line.</summary>
internal static class SummaryTable
{
    public static void Write(TextWriter output, IReadOnlyList<SummaryRow> rows)
    {
        var failed = rows.Count(r => r.Failed);
        var totalSeconds = rows.Sum(r => r.Seconds ?? 0);
        var lines = new List<string[]> { new[] { "notebook", "cells", "failures", "seconds" } };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Notebook, $"{r.CellsRun}/{r.CodeCells}", r.Failures, r.Seconds is { } s ? s.ToString("0.0") : "-",
        }));
        lines.Add(new[] { $"total: {rows.Count} notebook(s)", $"{rows.Sum(r => r.CellsRun)}/{rows.Sum(r => r.CodeCells)}", failed.ToString(), totalSeconds.ToString("0.0") });

        var widths = Enumerable.Range(0, 4).Select(c => lines.Max(l => l[c].Length)).ToArray();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i == 1 || i == lines.Count - 1)
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            var l = lines[i];
            output.WriteLine($"{l[0].PadRight(widths[0])}  {l[1].PadLeft(widths[1])}  {l[2].PadRight(widths[2])}  {l[3].PadLeft(widths[3])}");
        }
    }
}
