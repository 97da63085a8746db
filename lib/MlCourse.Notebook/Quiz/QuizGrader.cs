using System.Globalization;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// Grades answers against <see cref="QuizQuestion"/>s with no display involved, so the notebook
/// (<see cref="Quiz.Answer(string, int)"/>) and the command-line quiz share one grader.
/// </summary>
public static class QuizGrader
{
    // Guards the inclusive tolerance edge against binary rounding: 0.26 - 0.25 is 0.010000000000000009.
    private const double EdgeSlack = 1e-9;

    /// <summary>A choice index (0-based) for multiple choice, or a whole number for a numeric question.</summary>
    public static GradeResult Grade(QuizQuestion question, int choice)
    {
        Guard.NotNull(question, nameof(question));
        return question.Type switch
        {
            QuestionType.MultipleChoice => GradeChoice(question, choice),
            QuestionType.Numeric => GradeNumber(question, choice),
            _ => throw WrongKind(question, nameof(choice)),
        };
    }

    public static GradeResult Grade(QuizQuestion question, double value)
    {
        Guard.NotNull(question, nameof(question));
        return question.Type == QuestionType.Numeric ? GradeNumber(question, value) : throw WrongKind(question, nameof(value));
    }

    /// <summary>Text for a short answer; a letter ("C") for multiple choice; a number as text for numeric.</summary>
    public static GradeResult Grade(QuizQuestion question, string answer)
    {
        Guard.NotNull(question, nameof(question));
        Guard.NotNull(answer, nameof(answer));
        switch (question.Type)
        {
            case QuestionType.MultipleChoice:
                var letter = answer.Trim().TrimEnd('.', ')').ToUpperInvariant();
                var index = letter.Length == 1 && letter[0] is >= 'A' and <= 'Z' ? letter[0] - 'A' : -1;
                if (index < 0 || index >= question.Choices.Count)
                    throw new ArgumentException(
                        $"{question.Id} is multiple-choice: answer with a letter A-{QuizQuestion.ChoiceLetter(question.Choices.Count - 1)} " +
                        $"or a 0-based index, but got \"{answer}\".", nameof(answer));
                return GradeChoice(question, index);
            case QuestionType.Numeric:
                if (!double.TryParse(answer.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw new ArgumentException($"{question.Id} is numeric: answer with a number, but \"{answer}\" is not one.", nameof(answer));
                return GradeNumber(question, value);
            default:
                return GradeText(question, answer);
        }
    }

    private static GradeResult GradeChoice(QuizQuestion question, int choice)
    {
        var count = question.Choices.Count;
        if (choice < 0 || choice >= count)
            throw new ArgumentOutOfRangeException(nameof(choice), choice,
                $"{question.Id} has {count} choices, numbered 0 to {count - 1} (A to {QuizQuestion.ChoiceLetter(count - 1)}), but the answer was {choice}.");
        var correct = question.CorrectChoice!.Value;
        string Describe(int i) => $"{QuizQuestion.ChoiceLetter(i)}. {question.Choices[i]}";
        var isCorrect = choice == correct;
        return new GradeResult
        {
            QuestionId = question.Id, Type = question.Type, IsCorrect = isCorrect, Score = isCorrect ? 1 : 0,
            Given = Describe(choice), Expected = Describe(correct), Explanation = question.Explanation,
            Feedback = isCorrect
                ? $"Correct: {QuizQuestion.ChoiceLetter(correct)}."
                : $"Not quite: you chose {QuizQuestion.ChoiceLetter(choice)}; the answer is {QuizQuestion.ChoiceLetter(correct)}.",
        };
    }

    private static GradeResult GradeNumber(QuizQuestion question, double value)
    {
        var answer = question.NumericAnswer!.Value;
        var tolerance = question.Tolerance!.Value;
        var distance = Math.Abs(value - answer);
        var isCorrect = double.IsFinite(value) && distance <= tolerance + EdgeSlack * Math.Max(1, Math.Abs(answer));
        string F(double x) => ValueFormat.Number(x, 6);
        return new GradeResult
        {
            QuestionId = question.Id, Type = question.Type, IsCorrect = isCorrect, Score = isCorrect ? 1 : 0,
            Given = F(value), Expected = $"{F(answer)} ± {F(tolerance)}", Explanation = question.Explanation,
            Feedback = isCorrect
                ? $"Correct: {F(value)} is within {F(tolerance)} of {F(answer)}."
                : double.IsFinite(value)
                    ? $"Not quite: {F(value)} is {F(distance)} away from the answer {F(answer)} (tolerance {F(tolerance)})."
                    : $"Not quite: {F(value)} is not a finite number; the answer is {F(answer)}.",
        };
    }

    /// <summary>
    /// A written short answer is not graded: the result shows the model answer and the key points
    /// and waits for the learner's own marking (<see cref="Assess"/>). Matching words cannot see a
    /// "not" or a swapped "high"/"low", so the tool never calls a text right or wrong.
    /// </summary>
    private static GradeResult GradeText(QuizQuestion question, string answer) => new()
    {
        QuestionId = question.Id, Type = question.Type, IsCorrect = false, Score = 0, AwaitsSelfAssessment = true,
        Given = answer.Trim(), Expected = question.ModelAnswer!, ModelAnswer = question.ModelAnswer, Explanation = question.Explanation,
        KeyPoints = question.KeyPoints.Select(p => new KeyPointResult(p.Point, null)).ToList(),
        Feedback = $"Compare your answer with the model answer and mark each of the {question.KeyPoints.Count} key points you made.",
    };

    /// <summary>
    /// The learner's own marking of a short answer against its key points, in their order:
    /// <paramref name="hit"/>[i] is true when the answer made point i. All points made counts as right.
    /// </summary>
    public static GradeResult Assess(QuizQuestion question, IReadOnlyList<bool> hit)
    {
        Guard.NotNull(question, nameof(question));
        Guard.NotNull(hit, nameof(hit));
        if (question.Type != QuestionType.ShortAnswer)
            throw new ArgumentException($"{question.Id} is not a short-answer question; only short answers are self-assessed.", nameof(question));
        var points = question.KeyPoints;
        if (hit.Count != points.Count)
            throw new ArgumentException(
                $"{question.Id} has {points.Count} key points, so mark {points.Count} (true = your answer made it), but {hit.Count} marks were given. " +
                $"The points: {string.Join("; ", points.Select((p, i) => $"{i + 1}. {p.Point}"))}.", nameof(hit));
        var made = hit.Count(h => h);
        return new GradeResult
        {
            QuestionId = question.Id, Type = question.Type, IsCorrect = made == points.Count, Score = (double)made / points.Count,
            Given = $"self-assessed: {made} of {points.Count} key points made", Expected = question.ModelAnswer!,
            ModelAnswer = question.ModelAnswer, Explanation = question.Explanation,
            KeyPoints = points.Select((p, i) => new KeyPointResult(p.Point, hit[i])).ToList(),
            Feedback = made == points.Count
                ? $"By your own marking, your answer made all {points.Count} key points."
                : $"By your own marking, your answer made {made} of {points.Count} key points; it comes back for review.",
        };
    }

    private static ArgumentException WrongKind(QuizQuestion question, string argument) => new(question.Type switch
    {
        QuestionType.MultipleChoice => $"{question.Id} is multiple-choice: answer with the 0-based index of a choice (an int) or its letter (\"A\").",
        QuestionType.Numeric => $"{question.Id} is numeric: answer with a number.",
        _ => $"{question.Id} is a short-answer question: answer with text (a string).",
    }, argument);
}
