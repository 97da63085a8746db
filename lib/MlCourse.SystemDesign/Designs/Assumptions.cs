using System.Reflection;
using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Designs;

/// <summary>
/// Validates a design's assumptions record before any arithmetic, so a mistyped assumption is
/// reported by its own name ("FeedAssumptions.DailyActiveUsers must be ...") rather than by the
/// parameter name of whichever calculator first received it. Every number must be positive and
/// finite; a property whose name ends in Share or Rate is a fraction in [0, 1], one ending in
/// Utilization a fraction in (0, 1].
/// </summary>
public static class Assumptions
{
    /// <summary>The record's numbers as rows (name, value), in declaration order, for a notebook table.</summary>
    public static IReadOnlyList<AssumptionRow> Rows<T>(T assumptions) where T : class
    {
        Guard.NotNull(assumptions, nameof(assumptions));
        return typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(int))
            .Select(p => new AssumptionRow(p.Name, Convert.ToDouble(p.GetValue(assumptions)).ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static T Valid<T>(T assumptions, string argumentName) where T : class
    {
        Guard.NotNull(assumptions, argumentName);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(double) && property.PropertyType != typeof(int)) continue;
            var value = Convert.ToDouble(property.GetValue(assumptions));
            var name = $"{typeof(T).Name}.{property.Name}";
            var isShare = property.Name.EndsWith("Share", StringComparison.Ordinal) || property.Name.EndsWith("Rate", StringComparison.Ordinal);
            if (isShare && !(value >= 0 && value <= 1))
                throw new ArgumentOutOfRangeException(argumentName, value, $"{name} is a share and must be between 0 and 1, but is {value}.");
            if (property.Name.EndsWith("Utilization", StringComparison.Ordinal) && !(value > 0 && value <= 1))
                throw new ArgumentOutOfRangeException(argumentName, value, $"{name} is a share of peak and must be above 0 and at most 1, but is {value}.");
            if (!isShare && !(value > 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(argumentName, value, $"{name} must be a positive finite number, but is {value}.");
        }
        return assumptions;
    }
}

/// <summary>One assumption as a table shows it.</summary>
public sealed record AssumptionRow(string Assumption, string Value);
