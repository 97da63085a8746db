namespace MlCourse.Notebook;

/// <summary>
/// The verdict on one answer. For short answers <see cref="Score"/> is the share of key points
/// covered and <see cref="IsCorrect"/> means all of them were; the learner should still compare
/// with <see cref="ModelAnswer"/>, since matching terms is not understanding.
/// </summary>
public sealed record GradeResult
{
    public required string QuestionId { get; init; }
    public required QuestionType Type { get; init; }
    public required bool IsCorrect { get; init; }

    /// <summary>1 or 0 for multiple choice and numeric; covered key points / all key points for short answer.</summary>
    public required double Score { get; init; }

    /// <summary>The answer as understood ("B. Ridge", "0.26", or the text).</summary>
    public required string Given { get; init; }

    /// <summary>The correct answer ("C. Lasso", "0.25 ± 0.01", or the model answer).</summary>
    public required string Expected { get; init; }

    /// <summary>One sentence: right or wrong and by how much.</summary>
    public required string Feedback { get; init; }

    public required string Explanation { get; init; }
    public IReadOnlyList<KeyPointResult> KeyPoints { get; init; } = [];
    public string? ModelAnswer { get; init; }
}

/// <summary>Whether a short answer covers one key point, and which terms it lacks.</summary>
public sealed record KeyPointResult(string Point, bool Found, IReadOnlyList<string> MissingTerms);
