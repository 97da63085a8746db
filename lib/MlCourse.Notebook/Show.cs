using System.Collections;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// The one way notebooks display things. Inside a notebook each call produces one rich output
/// (HTML or Markdown, with a plain-text twin); in a console program or file-based app the same
/// call prints text, so every notebook also runs as a plain program. Taught in week 1, "How to
/// read these notebooks".
/// </summary>
public static class Show
{
    private static int _significantDigits = 4;
    private static int _maxRows = 20;

    /// <summary>Significant digits for numbers in tables and values (default 4).</summary>
    public static int SignificantDigits
    {
        get => _significantDigits;
        set { ValueFormat.ValidateDigits(value, nameof(SignificantDigits)); _significantDigits = value; }
    }

    /// <summary>Rows a table shows before it summarises the rest as "... n more rows" (default 20).</summary>
    public static int MaxRows
    {
        get => _maxRows;
        set
        {
            Guard.AtLeast(value, 1, nameof(MaxRows));
            _maxRows = value;
        }
    }

    /// <summary>Raw HTML in a notebook; <paramref name="plainTextFallback"/> (or the HTML's text) elsewhere.</summary>
    public static void Html(string html, string? plainTextFallback = null)
    {
        Guard.NotNull(html, nameof(html));
        DisplaySinks.Display(new DisplayOutput(plainTextFallback ?? MlCourse.Notebook.Html.ToPlainText(html), Html: html));
    }

    /// <summary>
    /// Markdown (with LaTeX) rendered by the notebook front end, as a Markdown cell would be;
    /// printed as written elsewhere. Good for sentences that quote computed numbers.
    /// </summary>
    public static void Markdown(string markdown)
    {
        Guard.NotNull(markdown, nameof(markdown));
        DisplaySinks.Display(new DisplayOutput(markdown, Markdown: markdown));
    }

    /// <summary>Plain text, shown as text everywhere.</summary>
    public static void Text(string text)
    {
        Guard.NotNull(text, nameof(text));
        DisplaySinks.Display(new DisplayOutput(text));
    }

    /// <summary>A DataFrame as a clean table (our own rendering, no formatter extension needed).</summary>
    public static void Table(DataFrame frame, string? title = null, int? significantDigits = null, int? maxRows = null) =>
        DisplayTable(TableData.FromDataFrame(frame, Rows(maxRows), title), significantDigits);

    /// <summary>
    /// Records, anonymous objects or tuples as a table: one column per public property or field.
    /// <code>Show.Table(results.Select(r => new { r.Alpha, r.TrainMse, r.TestMse }), "Ridge by alpha");</code>
    /// </summary>
    public static void Table<T>(IEnumerable<T> records, string? title = null, int? significantDigits = null, int? maxRows = null) =>
        DisplayTable(TableData.FromRecords(records, Rows(maxRows), title), significantDigits);

    /// <summary>
    /// Explicit headers and rows; each row is any sequence (object[], double[], List&lt;object&gt;)
    /// with one value per header.
    /// </summary>
    public static void Table(IEnumerable<string> headers, IEnumerable<IEnumerable> rows, string? title = null, int? significantDigits = null, int? maxRows = null) =>
        DisplayTable(TableData.FromRows(headers, rows, Rows(maxRows), title), significantDigits);

    /// <summary>A matrix as a table, rows and columns numbered from 0 unless names are given.</summary>
    public static void Matrix(Matrix<double> matrix, string? title = null, IEnumerable<string>? columnNames = null,
        IEnumerable<string>? rowNames = null, int? significantDigits = null, int? maxRows = null) =>
        DisplayTable(TableData.FromMatrix(matrix, columnNames, rowNames, Rows(maxRows), title), significantDigits);

    /// <summary>
    /// "label = value" for a scalar, vector or short list (numbers formatted), a table for a
    /// matrix or DataFrame. <code>Show.Value("w", model.Weights);</code>
    /// </summary>
    public static void Value(string label, object? value, int? significantDigits = null)
    {
        Guard.NotBlank(label, nameof(label));
        switch (value)
        {
            case Matrix<double> m: Matrix(m, label, significantDigits: significantDigits); return;
            case DataFrame frame: Table(frame, label, significantDigits); return;
        }
        var digits = Digits(significantDigits);
        var text = value is IEnumerable sequence and not string and not IEnumerable<double> and not Vector<double>
            ? ValueFormat.Sequence(sequence, digits)
            : ValueFormat.Format(value, digits);
        var html = $"<div style=\"font-family:{MlCourse.Notebook.Html.MonoFamily};font-size:13px\"><b>{MlCourse.Notebook.Html.Encode(label)}</b> = {MlCourse.Notebook.Html.Encode(text)}</div>";
        DisplaySinks.Display(new DisplayOutput($"{label} = {text}", Html: html));
    }

    /// <summary>
    /// The course's number formatting as a string, for Markdown sentences:
    /// <code>Show.Markdown($"Test MSE: **{Show.Format(mse)}**");</code>
    /// </summary>
    public static string Format(object? value, int? significantDigits = null) => ValueFormat.Format(value, Digits(significantDigits));

    private static void DisplayTable(TableData table, int? significantDigits)
    {
        var digits = Digits(significantDigits);
        DisplaySinks.Display(new DisplayOutput(TableRenderer.ToText(table, digits), Html: TableRenderer.ToHtml(table, digits)));
    }

    private static int Digits(int? significantDigits)
    {
        if (significantDigits is { } digits) ValueFormat.ValidateDigits(digits, nameof(significantDigits));
        return significantDigits ?? _significantDigits;
    }

    private static int Rows(int? maxRows)
    {
        if (maxRows is { } rows) Guard.AtLeast(rows, 1, nameof(maxRows));
        return maxRows ?? _maxRows;
    }
}
