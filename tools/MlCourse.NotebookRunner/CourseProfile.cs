namespace MlCourse.NotebookRunner;

/// <summary>
/// The course's two budgets (docs/conventions.md, "Budgets"): notebooks read
/// <see cref="EnvironmentVariable"/> through MlCourse.Notebook's Profile and size their work by it.
/// </summary>
public enum CourseProfile
{
    /// <summary>The default in tests and CI: each notebook within about a minute on 2 cores.</summary>
    Fast,

    /// <summary>Longer training for better results; same code.</summary>
    Full,
}

public static class CourseProfiles
{
    public const string EnvironmentVariable = "MLCOURSE_PROFILE";

    /// <summary>The value written to <see cref="EnvironmentVariable"/>: "fast" or "full".</summary>
    public static string ToVariableValue(this CourseProfile profile) => profile switch
    {
        CourseProfile.Fast => "fast",
        CourseProfile.Full => "full",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Expected Fast or Full."),
    };

    /// <summary>Parses "fast" or "full" (any case); anything else is false.</summary>
    public static bool TryParse(string? text, out CourseProfile profile)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "fast": profile = CourseProfile.Fast; return true;
            case "full": profile = CourseProfile.Full; return true;
            default: profile = CourseProfile.Fast; return false;
        }
    }
}
