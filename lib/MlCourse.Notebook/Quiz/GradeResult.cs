namespace MlCourse.Notebook;

/// <summary>
/// The verdict on one answer. A short answer is never judged by the tool (matching words cannot
/// tell "low bias" from "high bias"): its text gives a result that <see cref="AwaitsSelfAssessment"/>,
/// showing the model answer and the key points; the learner then marks each point covered or
/// missed (<see cref="QuizGrader.Assess"/>), and only that marking sets <see cref="IsCorrect"/>
/// (every point covered) and <see cref="Score"/> (the share covered).
/// </summary>
public sealed record GradeResult
{
    public required string QuestionId { get; init; }
    public required QuestionType Type { get; init; }
    public required bool IsCorrect { get; init; }

    /// <summary>1 or 0 for multiple choice and numeric; key points marked covered / all key points for a self-assessed short answer.</summary>
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

    /// <summary>
    /// True for a short answer that was written but not yet marked: <see cref="IsCorrect"/> is
    /// false and means nothing until the learner marks the key points.
    /// </summary>
    public bool AwaitsSelfAssessment { get; init; }
}

/// <summary>One key point of a short answer, and whether the learner marked it covered (null: not marked yet).</summary>
public sealed record KeyPointResult(string Point, bool? Covered);
