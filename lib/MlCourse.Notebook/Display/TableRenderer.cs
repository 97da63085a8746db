using System.Text;

namespace MlCourse.Notebook;

/// <summary>Draws a <see cref="TableData"/> as an HTML table (notebooks) or as aligned text (console).</summary>
internal static class TableRenderer
{
    public static string ToHtml(TableData table, int significantDigits)
    {
        var html = new StringBuilder();
        html.Append($"<div style=\"font-family:{Html.FontFamily};font-size:13px;margin:6px 0\">");
        html.Append("<table style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">");
        if (table.Title is not null)
            html.Append($"<caption style=\"caption-side:top;text-align:left;font-weight:600;padding:4px 0\">{Html.Encode(table.Title)}</caption>");
        html.Append("<thead><tr>");
        foreach (var header in table.Headers)
            html.Append($"<th style=\"text-align:left;padding:4px 10px;border-bottom:2px solid #d0d7de\">{Html.Encode(header)}</th>");
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var background = r % 2 == 1 ? "background:#f6f8fa;" : "";
            html.Append("<tr>");
            foreach (var cell in table.Rows[r])
            {
                var align = ValueFormat.IsNumber(cell) ? "right" : "left";
                html.Append($"<td style=\"{background}text-align:{align};padding:3px 10px;border-bottom:1px solid #eaeef2\">")
                    .Append(Html.Encode(ValueFormat.Format(cell, significantDigits))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        var note = HiddenRowsNote(table);
        if (note is not null) html.Append($"<div style=\"color:#57606a;padding-top:4px\">{Html.Encode(note)}</div>");
        html.Append("</div>");
        return html.ToString();
    }

    public static string ToText(TableData table, int significantDigits)
    {
        var cells = table.Rows.Select(row => row.Select(c => ValueFormat.Format(c, significantDigits)).ToList()).ToList();
        var rightAligned = Enumerable.Range(0, table.Headers.Count)
            .Select(j => table.Rows.Count > 0 && table.Rows.All(row => row[j] is null || ValueFormat.IsNumber(row[j])))
            .ToList();
        var widths = Enumerable.Range(0, table.Headers.Count)
            .Select(j => cells.Select(row => row[j].Length).Append(table.Headers[j].Length).Max())
            .ToList();

        string Line(IReadOnlyList<string> values) => string.Join("  ", values.Select((v, j) =>
            rightAligned[j] ? v.PadLeft(widths[j]) : v.PadRight(widths[j]))).TrimEnd();

        var text = new StringBuilder();
        if (table.Title is not null) text.AppendLine(table.Title);
        text.AppendLine(Line(table.Headers));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells) text.AppendLine(Line(row));
        var note = HiddenRowsNote(table);
        if (note is not null) text.AppendLine(note);
        return text.ToString().TrimEnd('\n', '\r');
    }

    private static string? HiddenRowsNote(TableData table) =>
        table.TotalRows > table.Rows.Count
            ? $"... {table.TotalRows - table.Rows.Count} more rows ({table.TotalRows} in all)"
            : null;
}
