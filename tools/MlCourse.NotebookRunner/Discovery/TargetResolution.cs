namespace MlCourse.NotebookRunner.Discovery;

/// <summary>
/// What a run target ("week-01", "month-2", "all", a path) stands for: the notebooks to run, or
/// an error that says what was wrong and which valid names are nearest.
/// </summary>
public sealed record TargetResolution
{
    private TargetResolution(string target, string description, IReadOnlyList<string> notebooks, string? error, IReadOnlyList<string> suggestions)
    {
        Target = target;
        Description = description;
        Notebooks = notebooks;
        Error = error;
        Suggestions = suggestions;
    }

    public string Target { get; }

    /// <summary>What the target matched, e.g. "week-01 (month-1-foundations/week-01-ml-fundamentals)".</summary>
    public string Description { get; }

    /// <summary>Full paths, in run order; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<string> Notebooks { get; }

    /// <summary>One sentence saying why the target is not valid; null on success.</summary>
    public string? Error { get; }

    /// <summary>Valid targets nearest to what was typed (possibly empty).</summary>
    public IReadOnlyList<string> Suggestions { get; }

    public bool Succeeded => Error is null;

    /// <summary>The error and the suggestions on one line, for a command-line message.</summary>
    public string ErrorLine => Error is null
        ? throw new InvalidOperationException($"Target '{Target}' resolved; there is no error to show.")
        : Suggestions.Count == 0 ? Error : $"{Error} Did you mean: {string.Join(", ", Suggestions)}?";

    internal static TargetResolution Success(string target, string description, IReadOnlyList<string> notebooks) =>
        new(target, description, notebooks, null, []);

    internal static TargetResolution Failure(string target, string error, IReadOnlyList<string>? suggestions = null) =>
        new(target, "", [], error, suggestions ?? []);
}
