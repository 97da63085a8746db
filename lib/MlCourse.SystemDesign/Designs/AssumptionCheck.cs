using System.Reflection;

namespace MlCourse.SystemDesign.Designs;

/// <summary>
/// Validates a design's assumptions record before any arithmetic, so a mistyped assumption is
/// reported by its own name ("FeedAssumptions.DailyActiveUsers must be ...") rather than by the
/// parameter name of whichever calculator first received it. Every number must be positive and
/// finite; a property whose name ends in Share or Rate is a fraction in [0, 1], one ending in
/// Utilization a fraction in (0, 1].
/// </summary>
internal static class AssumptionCheck
{
    public static T Valid<T>(T assumptions, string argumentName) where T : class
    {
        ArgumentNullException.ThrowIfNull(assumptions, argumentName);
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
