namespace MlCourse.Notebook;

/// <summary>The three kinds of quiz question; in quiz.json: "multiple-choice", "numeric", "short-answer".</summary>
public enum QuestionType { MultipleChoice, Numeric, ShortAnswer }

/// <summary>In quiz.json: "easy", "medium", "hard".</summary>
public enum Difficulty { Easy, Medium, Hard }

/// <summary>
/// One idea a short answer should contain. The learner marks each point made or missed after
/// reading the model answer; <see cref="Terms"/> (optional in quiz.json, alternatives separated by
/// '|') are the words such an answer tends to use, kept for authors, never used to grade.
/// </summary>
public sealed record KeyPoint(string Point, IReadOnlyList<string> Terms);

/// <summary>
/// One validated question of a week's quiz.json (format: docs/quiz-format.md). Only the members
/// of its <see cref="Type"/> are set: choices and <see cref="CorrectChoice"/> for multiple choice,
/// <see cref="NumericAnswer"/> and <see cref="Tolerance"/> for numeric, <see cref="ModelAnswer"/>
/// and <see cref="KeyPoints"/> for short answer.
/// </summary>
public sealed record QuizQuestion
{
    public required string Id { get; init; }
    public required QuestionType Type { get; init; }
    public required Difficulty Difficulty { get; init; }
    public required string Topic { get; init; }

    /// <summary>Markdown; TeX in $...$ is allowed.</summary>
    public required string Prompt { get; init; }

    /// <summary>Shown after answering, right or wrong: why the answer is what it is.</summary>
    public required string Explanation { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>0-based index into <see cref="Choices"/>; cards label choices A, B, C, ...</summary>
    public int? CorrectChoice { get; init; }

    public double? NumericAnswer { get; init; }

    /// <summary>Absolute: an answer a is right when |a - NumericAnswer| ≤ Tolerance.</summary>
    public double? Tolerance { get; init; }

    public string? ModelAnswer { get; init; }
    public IReadOnlyList<KeyPoint> KeyPoints { get; init; } = [];

    /// <summary>"A", "B", ... for a choice index.</summary>
    public static string ChoiceLetter(int index) => index < 26 ? ((char)('A' + index)).ToString() : (index + 1).ToString();
}
