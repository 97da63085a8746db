using MlCourse.Notebook;

namespace MlCourse.Learning.Review;

/// <summary>One question with the week of the quiz it came from.</summary>
public sealed record BankQuestion(QuizQuestion Question, int Week);

/// <summary>Every quiz.json under notebooks/, loaded with the notebook's own validating loader.</summary>
public sealed class QuizBank
{
    private QuizBank(IReadOnlyList<Quiz> quizzes) => Quizzes = quizzes;

    public IReadOnlyList<Quiz> Quizzes { get; }

    public IReadOnlyList<BankQuestion> Questions => Quizzes.SelectMany(q => q.Questions.Select(x => new BankQuestion(x, q.Week))).ToList();

    /// <exception cref="QuizFormatException">A quiz file breaks docs/quiz-format.md.</exception>
    public static QuizBank Load(string notebooksFolder)
    {
        if (!Directory.Exists(notebooksFolder)) return new QuizBank([]);
        var quizzes = Directory.EnumerateFiles(notebooksFolder, "quiz.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Quiz.Load)
            .OrderBy(q => q.Week)
            .ToList();
        return new QuizBank(quizzes);
    }

    /// <summary>Question ids used more than once across the bank (each file alone is already checked by the loader).</summary>
    public IReadOnlyList<string> DuplicateIds() =>
        Questions.GroupBy(q => q.Question.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
}
