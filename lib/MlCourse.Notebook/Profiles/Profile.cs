namespace MlCourse.Notebook;

/// <summary>The two run budgets of every notebook (docs/conventions.md, "Budgets").</summary>
public enum RunProfile
{
    /// <summary>The default, used by tests and CI: each notebook within about a minute on 2 cores.</summary>
    Fast,

    /// <summary>Longer training and bigger sizes for better results; same code.</summary>
    Full,
}

/// <summary>
/// Which budget this run uses: <see cref="Override"/> if a settings cell set it, else the
/// environment variable MLCOURSE_PROFILE ("fast" or "full", any case; unset means fast).
/// Sizes and epochs come from <see cref="Pick{T}"/>:
/// <code>var epochs = Profile.Pick(fast: 200, full: 5_000);</code>
/// Taught in week 1, "Running the notebooks".
/// </summary>
public static class Profile
{
    public const string Variable = "MLCOURSE_PROFILE";

    /// <summary>Set in a notebook's settings cell to choose the profile regardless of the environment; null to follow it again.</summary>
    public static RunProfile? Override { get; set; }

    /// <summary>The profile in effect. An unknown MLCOURSE_PROFILE value fails here, naming the variable and the accepted values.</summary>
    public static RunProfile Current => Override ?? Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The value for the current profile.</summary>
    public static T Pick<T>(T fast, T full) => Current == RunProfile.Full ? full : fast;

    /// <summary>Reads a profile name as MLCOURSE_PROFILE holds it: null or blank means Fast.</summary>
    public static RunProfile Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return RunProfile.Fast;
        return value.Trim().ToLowerInvariant() switch
        {
            "fast" => RunProfile.Fast,
            "full" => RunProfile.Full,
            _ => throw new ArgumentException(
                $"{Variable} is '{value}', which is not a profile: use 'fast' (the default) or 'full', or unset it.", nameof(value)),
        };
    }

    /// <summary>A one-line banner for a notebook's first output: which profile runs and how to change it.</summary>
    public static string Describe()
    {
        var current = Current;
        var source = Override is not null ? "set in this notebook" : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } ? $"from {Variable}" : "the default";
        return current == RunProfile.Fast
            ? $"Profile: Fast ({source}): small sizes and few epochs, about a minute per notebook. For longer runs set {Variable}=full or Profile.Override = RunProfile.Full."
            : $"Profile: Full ({source}): longer training for better results. For the quick run set {Variable}=fast or Profile.Override = RunProfile.Fast.";
    }
}
