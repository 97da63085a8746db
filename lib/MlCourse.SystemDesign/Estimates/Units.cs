using System.Globalization;
using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Numbers as an interviewer says them: three significant digits and a decimal prefix
/// ("57.9 k req/s", "1.23 TB", "4.2e22 FLOP" as "42 ZFLOP"). Decimal prefixes throughout (k = 10^3, G = 10^9).
/// </summary>
public static class Units
{
    private static readonly (double Scale, string Prefix)[] Prefixes =
    [
        (1e24, "Y"), (1e21, "Z"), (1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"),
    ];

    /// <summary>
    /// <paramref name="value"/> with a decimal prefix on <paramref name="unit"/>. Units that read
    /// badly with a prefix (ms, h, %, $, "GPUs", "replicas"...) take plain digits with thousands separators.
    /// </summary>
    public static string Format(double value, string unit)
    {
        Guard.NotNull(unit, nameof(unit));
        if (!double.IsFinite(value)) return $"{value.ToString(CultureInfo.InvariantCulture)} {unit}".TrimEnd();
        if (unit == "$") return "$" + Plain(value);
        if (!TakesPrefix(unit)) return $"{Plain(value)} {unit}".TrimEnd();
        var magnitude = Math.Abs(value);
        foreach (var (scale, prefix) in Prefixes)
            if (magnitude >= scale * 0.9995) return $"{Significant(value / scale)} {prefix}{(IsSi(unit) ? "" : " ")}{unit}".TrimEnd();
        return $"{Significant(value)} {unit}".TrimEnd();
    }

    /// <summary>Byte, FLOP and rate units take prefixes; counts of things and times do not.</summary>
    public static bool TakesPrefix(string unit) =>
        unit is "B" or "B/s" or "FLOP" or "FLOP/s" or "req/s" or "items/s" or "reads/s" or "tokens/s" or "events/day" or "req/day" or "";

    /// <summary>SI-style units take the prefix directly (GB, TFLOP/s); counted things after a space (57.9 k req/s).</summary>
    private static bool IsSi(string unit) => unit is "B" or "B/s" or "FLOP" or "FLOP/s";

    /// <summary>Three significant digits, no exponent, invariant culture: 57.9, 1.23, 123.</summary>
    public static string Significant(double value)
    {
        if (value == 0) return "0";
        var digits = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value, Math.Min(digits, 15)).ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>Whole numbers with thousands separators; small fractions with three significant digits.</summary>
    private static string Plain(double value) =>
        Math.Abs(value) >= 100 ? Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture) : Significant(value);
}
