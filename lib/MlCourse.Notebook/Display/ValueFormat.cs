using System.Collections;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// Turns values into short, culture-independent text: numbers to a given count of significant
/// digits, vectors and matrices abbreviated. Tables, check messages and quiz feedback all format
/// through here, so a number reads the same wherever the learner meets it.
/// </summary>
internal static class ValueFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const int MaxListValues = 10;
    private const int MaxMatrixRows = 6;

    public static void ValidateDigits(int significantDigits, string name)
    {
        Guard.InRange(significantDigits, 1, 17, name);
    }

    public static string Format(object? value, int significantDigits) => value switch
    {
        null => "null",
        string s => s,
        double d => Number(d, significantDigits),
        float f => Number(f, significantDigits),
        decimal m => Number((double)m, significantDigits),
        bool b => b ? "true" : "false",
        sbyte or byte or short or ushort or int or uint or long or ulong => ((IFormattable)value).ToString(null, Invariant),
        Vector<double> v => List(v, significantDigits),
        Matrix<double> m => Matrix(m, significantDigits),
        IEnumerable<double> xs => List(xs, significantDigits),
        IEnumerable<int> xs => List(xs.Select(x => (double)x), significantDigits),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    /// <summary>True for values a table aligns to the right.</summary>
    public static bool IsNumber(object? value) =>
        value is double or float or decimal or sbyte or byte or short or ushort or int or uint or long or ulong;

    /// <summary>
    /// Integral values below a million print exactly (counts, epochs); other values between 1e-4
    /// and 1e6 print in fixed notation with <paramref name="significantDigits"/> significant digits
    /// and no trailing zeros; everything else in scientific notation.
    /// </summary>
    public static string Number(double x, int significantDigits)
    {
        if (double.IsNaN(x)) return "NaN";
        if (double.IsPositiveInfinity(x)) return "Infinity";
        if (double.IsNegativeInfinity(x)) return "-Infinity";
        if (x == 0) return "0";
        var abs = Math.Abs(x);
        if (abs < 1e6 && x == Math.Round(x)) return x.ToString("0", Invariant);
        var exponent = (int)Math.Floor(Math.Log10(abs));
        if (exponent is >= -4 and < 6)
        {
            var decimals = Math.Clamp(significantDigits - 1 - exponent, 0, 15);
            return TrimZeros(x.ToString("F" + decimals, Invariant));
        }
        var format = significantDigits == 1 ? "0e+00" : "0." + new string('#', significantDigits - 1) + "e+00";
        return x.ToString(format, Invariant);
    }

    private static string TrimZeros(string s)
    {
        if (!s.Contains('.')) return s;
        s = s.TrimEnd('0').TrimEnd('.');
        return s == "-0" ? "0" : s;
    }

    public static string List(IEnumerable<double> values, int significantDigits)
    {
        var all = values as IReadOnlyList<double> ?? values.ToList();
        if (all.Count <= MaxListValues) return "[" + string.Join(", ", all.Select(x => Number(x, significantDigits))) + "]";
        var head = all.Take(MaxListValues - 2).Select(x => Number(x, significantDigits));
        var tail = all.Skip(all.Count - 2).Select(x => Number(x, significantDigits));
        return "[" + string.Join(", ", head) + ", ..., " + string.Join(", ", tail) + $"] ({all.Count} values)";
    }

    public static string Matrix(Matrix<double> m, int significantDigits)
    {
        var shown = Enumerable.Range(0, Math.Min(m.RowCount, MaxMatrixRows)).Select(i => List(m.Row(i), significantDigits));
        var more = m.RowCount > MaxMatrixRows ? $", ... ({m.RowCount - MaxMatrixRows} more rows)" : "";
        return $"{m.RowCount}x{m.ColumnCount} [" + string.Join(", ", shown) + more + "]";
    }

    /// <summary>Any sequence, for messages: each element formatted, abbreviated when long.</summary>
    public static string Sequence(IEnumerable values, int significantDigits)
    {
        var items = values.Cast<object?>().Select(v => Format(v, significantDigits)).ToList();
        return items.Count <= MaxListValues
            ? "[" + string.Join(", ", items) + "]"
            : "[" + string.Join(", ", items.Take(MaxListValues)) + $", ...] ({items.Count} values)";
    }
}
