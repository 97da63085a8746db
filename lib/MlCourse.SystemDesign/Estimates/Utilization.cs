namespace MlCourse.SystemDesign.Estimates;

/// <summary>The one check Guard lacks here: a share in (0, 1] (a target utilisation, a model FLOP utilisation).</summary>
internal static class Utilization
{
    public static void Check(double value, string name)
    {
        if (!(value > 0 && value <= 1))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be above 0 and at most 1 (a share of peak), but is {value}.");
    }
}
