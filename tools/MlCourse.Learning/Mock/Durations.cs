namespace MlCourse.Learning.Mock;

/// <summary>Durations as a person says them: "2 min", "1 min 5 s", "40 s".</summary>
internal static class Durations
{
    public static string Say(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        int minutes = (int)span.TotalMinutes, seconds = span.Seconds;
        return minutes == 0 ? $"{seconds} s" : seconds == 0 ? $"{minutes} min" : $"{minutes} min {seconds} s";
    }
}
