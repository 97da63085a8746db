using System.Globalization;
using System.Text.RegularExpressions;

namespace MlCourse.Notebook;

/// <summary>
/// Grades answers against <see cref="QuizQuestion"/>s with no display involved, so the notebook
/// (<see cref="Quiz.Answer(string, int)"/>) and the command-line quiz share one grader.
/// </summary>
public static partial class QuizGrader
{
    // Guards the inclusive tolerance edge against binary rounding: 0.26 - 0.25 is 0.010000000000000009.
    private const double EdgeSlack = 1e-9;

    /// <summary>A choice index (0-based) for multiple choice, or a whole number for a numeric question.</summary>
    public static GradeResult Grade(QuizQuestion question, int choice)
    {
        ArgumentNullException.ThrowIfNull(question, nameof(question));
        return question.Type switch
        {
            QuestionType.MultipleChoice => GradeChoice(question, choice),
            QuestionType.Numeric => GradeNumber(question, choice),
            _ => throw WrongKind(question, nameof(choice)),
        };
    }

    public static GradeResult Grade(QuizQuestion question, double value)
    {
        ArgumentNullException.ThrowIfNull(question, nameof(question));
        return question.Type == QuestionType.Numeric ? GradeNumber(question, value) : throw WrongKind(question, nameof(value));
    }

    /// <summary>Text for a short answer; a letter ("C") for multiple choice; a number as text for numeric.</summary>
    public static GradeResult Grade(QuizQuestion question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question, nameof(question));
        ArgumentNullException.ThrowIfNull(answer, nameof(answer));
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

    private static GradeResult GradeText(QuizQuestion question, string answer)
    {
        var words = Words(answer);
        var lowered = answer.ToLowerInvariant();
        var results = question.KeyPoints.Select(point =>
        {
            var missing = point.Terms.Where(term => !term.Split('|').Any(alternative => Mentions(words, lowered, alternative))).ToList();
            return new KeyPointResult(point.Point, missing.Count == 0, missing);
        }).ToList();
        var found = results.Count(r => r.Found);
        return new GradeResult
        {
            QuestionId = question.Id, Type = question.Type, IsCorrect = found == results.Count, Score = (double)found / results.Count,
            Given = answer.Trim(), Expected = question.ModelAnswer!, ModelAnswer = question.ModelAnswer, Explanation = question.Explanation,
            KeyPoints = results,
            Feedback = $"Your answer covers {found} of {results.Count} key points. Compare it with the model answer.",
        };
    }

    /// <summary>
    /// Whether the answer mentions an alternative: its words must appear in order as prefixes of
    /// consecutive words of the answer. Alternatives without letters or digits (a symbol such as
    /// "∇") are looked up as plain text.
    /// </summary>
    private static bool Mentions(IReadOnlyList<string> words, string loweredAnswer, string alternative)
    {
        var needed = Words(alternative);
        if (needed.Count == 0) return loweredAnswer.Contains(alternative.Trim().ToLowerInvariant(), StringComparison.Ordinal);
        for (var start = 0; start + needed.Count <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < needed.Count && all; k++) all = words[start + k].StartsWith(needed[k], StringComparison.Ordinal);
            if (all) return true;
        }
        return false;
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    private static ArgumentException WrongKind(QuizQuestion question, string argument) => new(question.Type switch
    {
        QuestionType.MultipleChoice => $"{question.Id} is multiple-choice: answer with the 0-based index of a choice (an int) or its letter (\"A\").",
        QuestionType.Numeric => $"{question.Id} is numeric: answer with a number.",
        _ => $"{question.Id} is a short-answer question: answer with text (a string).",
    }, argument);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
