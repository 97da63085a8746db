namespace MlCourse.Learning.Mock;

/// <summary>One thing an interviewer scores: what it means for the candidate, and what the interviewer listens for.</summary>
public sealed record RubricDimension(string Name, string ForCandidate, string ForInterviewer);

/// <summary>
/// The scoring sheet of an interview question, each dimension 0 (missing), 1 (partly) or 2 (fully).
/// notebooks/interview-prep/mock-interviews/rubrics.md explains each with examples; a test keeps the two in step.
/// </summary>
public static class MockRubric
{
    public const int MaxPerDimension = 2;

    public static IReadOnlyList<RubricDimension> Interview { get; } =
    [
        new("Correctness",
            "Your central claim, derivation or recommendation agrees with the model answer.",
            "Is the core answer right? A fluent wrong answer scores 0 here whatever else it does."),
        new("Structure",
            "You gave the answer first, then the reasons, in an order someone could follow and repeat.",
            "Could you summarise the answer after the first minute? Did it start from what was asked?"),
        new("Depth and trade-offs",
            "You said when it holds and when it does not, what it costs, and what you would use instead.",
            "Listen for conditions, costs and alternatives, not just a definition."),
        new("Follow-ups and pitfalls",
            "You could answer the follow-ups shown above and made none of the common mistakes.",
            "Ask one or two of the follow-ups; note any common mistake the candidate made."),
    ];

    /// <summary>The share of the maximum, in [0, 1].</summary>
    public static double Score(IReadOnlyList<int> points) =>
        points.Count == 0 ? 0 : points.Sum() / (double)(points.Count * MaxPerDimension);

    /// <summary>At or above this score an item moves up a review box; below, it comes back first.</summary>
    public const double Solid = 0.75;
}
