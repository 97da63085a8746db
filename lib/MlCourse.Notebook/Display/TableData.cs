using System.Collections;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// A table reduced to what any renderer needs: headers, the first rows (cells still typed, so
/// numbers can be formatted and aligned), and how many rows there were in all.
/// </summary>
internal sealed record TableData(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows, long TotalRows, string? Title)
{
    public static TableData FromDataFrame(DataFrame frame, int maxRows, string? title)
    {
        Guard.NotNull(frame, nameof(frame));
        var headers = frame.Columns.Select(c => c.Name).ToList();
        var shown = (int)Math.Min(frame.Rows.Count, maxRows);
        var rows = new List<IReadOnlyList<object?>>(shown);
        for (long i = 0; i < shown; i++)
            rows.Add(frame.Columns.Select(c => c[i]).ToList());
        return new TableData(headers, rows, frame.Rows.Count, title);
    }

    /// <summary>
    /// One column per public property (then public field, which covers value tuples) of the row
    /// type; a sequence of plain values (numbers, strings) becomes a single "value" column.
    /// </summary>
    public static TableData FromRecords<T>(IEnumerable<T> records, int maxRows, string? title)
    {
        Guard.NotNull(records, nameof(records));
        var all = records.ToList();
        var rowType = typeof(T);
        if (rowType == typeof(object) || rowType.IsInterface || rowType.IsAbstract)
            rowType = all.FirstOrDefault(r => r is not null)?.GetType() ?? rowType;

        if (IsPlainValue(rowType))
            return new TableData(["value"], all.Take(maxRows).Select(r => (IReadOnlyList<object?>)[r]).ToList(), all.Count, title);

        var properties = rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToList();
        var fields = rowType.GetFields(BindingFlags.Public | BindingFlags.Instance).ToList();
        if (properties.Count == 0 && fields.Count == 0)
            throw new ArgumentException($"records: the row type {rowType.Name} has no public properties or fields to show as columns.", nameof(records));

        var headers = properties.Select(p => p.Name).Concat(fields.Select(f => f.Name)).ToList();
        var rows = all.Take(maxRows).Select(record => (IReadOnlyList<object?>)(record is null
            ? headers.Select(_ => (object?)null).ToList()
            : properties.Select(p => p.GetValue(record)).Concat(fields.Select(f => f.GetValue(record))).ToList())).ToList();
        return new TableData(headers, rows, all.Count, title);
    }

    public static TableData FromRows(IEnumerable<string> headers, IEnumerable<IEnumerable> rows, int maxRows, string? title)
    {
        Guard.NotNull(headers, nameof(headers));
        Guard.NotNull(rows, nameof(rows));
        var headerList = headers.ToList();
        Guard.NotEmpty(headerList, nameof(headers), "column name");
        var shown = new List<IReadOnlyList<object?>>();
        long total = 0;
        foreach (var row in rows)
        {
            if (row is null) throw new ArgumentException($"rows[{total}] is null.", nameof(rows));
            var cells = row.Cast<object?>().ToList();
            if (cells.Count != headerList.Count)
                throw new ArgumentException($"rows[{total}] has {cells.Count} values but there are {headerList.Count} headers.", nameof(rows));
            if (shown.Count < maxRows) shown.Add(cells);
            total++;
        }
        return new TableData(headerList, shown, total, title);
    }

    public static TableData FromMatrix(Matrix<double> matrix, IEnumerable<string>? columnNames, IEnumerable<string>? rowNames, int maxRows, string? title)
    {
        Guard.NotNull(matrix, nameof(matrix));
        var columns = columnNames?.ToList() ?? Enumerable.Range(0, matrix.ColumnCount).Select(j => j.ToString()).ToList();
        Guard.Length(columns.Count, matrix.ColumnCount, nameof(columnNames), $"one name per column of the matrix");
        var names = rowNames?.ToList();
        if (names is not null) Guard.Length(names.Count, matrix.RowCount, nameof(rowNames), $"one name per row of the matrix");

        var headers = new List<string> { "" };
        headers.AddRange(columns);
        var rows = Enumerable.Range(0, Math.Min(matrix.RowCount, maxRows))
            .Select(i => (IReadOnlyList<object?>)new object?[] { names?[i] ?? i.ToString() }.Concat(matrix.Row(i).Select(x => (object?)x)).ToList())
            .ToList();
        return new TableData(headers, rows, matrix.RowCount, title);
    }

    private static bool IsPlainValue(Type type) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(TimeSpan);
}
