using MlCourse.Core.Validation;
namespace MlCourse.Notebook;

/// <summary>
/// A week's quiz, loaded from the quiz.json beside its notebook (format: docs/quiz-format.md).
/// <code>
/// var quiz = Quiz.Load("quiz.json");
/// quiz.Show("w01-q03");            // interactive card in a notebook, text elsewhere
/// quiz.Answer("w01-q03", "C");     // graded in code, feedback displayed
/// quiz.Answer("w01-q14", "...");   // a short answer: shows the model answer and its key points
/// quiz.Assess("w01-q14", true, false, true);   // your own marking of each key point
/// </code>
/// Taught in every week's "Quiz" section.
/// </summary>
public sealed class Quiz
{
    private readonly Dictionary<string, QuizQuestion> _byId;

    internal Quiz(int week, string title, IReadOnlyList<QuizQuestion> questions, string source)
    {
        Week = week;
        Title = title;
        Questions = questions;
        Source = source;
        _byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    public int Week { get; }
    public string Title { get; }
    public IReadOnlyList<QuizQuestion> Questions { get; }

    /// <summary>The file it was loaded from (full path), or the name given to <see cref="Parse"/>.</summary>
    public string Source { get; }

    /// <summary>Reads and validates a quiz file; a relative path is relative to the working directory (a notebook's folder).</summary>
    public static Quiz Load(string path)
    {
        Guard.NotBlank(path, nameof(path));
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"Quiz file '{full}' does not exist (path \"{path}\", working directory '{Directory.GetCurrentDirectory()}').", full);
        return QuizParser.Parse(File.ReadAllText(full), full);
    }

    /// <summary>Validates quiz JSON held in memory; <paramref name="sourceName"/> names it in error messages.</summary>
    public static Quiz Parse(string json, string sourceName)
    {
        Guard.NotNull(json, nameof(json));
        Guard.NotBlank(sourceName, nameof(sourceName));
        return QuizParser.Parse(json, sourceName);
    }

    public QuizQuestion Question(string id)
    {
        Guard.NotNull(id, nameof(id));
        return _byId.TryGetValue(id, out var question)
            ? question
            : throw new KeyNotFoundException($"Quiz '{Source}' has no question '{id}'. Its questions are: {string.Join(", ", _byId.Keys)}.");
    }

    /// <summary>Displays one question (an interactive card in a notebook).</summary>
    public void Show(string id)
    {
        var question = Question(id);
        DisplaySinks.Display(new DisplayOutput(QuizCard.ToText(question), Html: QuizCard.ToHtml(question)));
    }

    /// <summary>Displays a heading and every question, in file order.</summary>
    public void ShowAll()
    {
        var heading = $"Quiz, week {Week}: {Title} ({Questions.Count} questions)";
        DisplaySinks.Display(new DisplayOutput(heading, Html: $"<h3 style=\"font-family:{Html.FontFamily}\">{Html.Encode(heading)}</h3>"));
        foreach (var question in Questions) Show(question.Id);
    }

    /// <summary>Grades and displays feedback: a choice index (0-based) for multiple choice, or a whole number for numeric.</summary>
    public void Answer(string id, int choice) => Display(Grade(id, choice));

    /// <summary>Grades and displays feedback for a numeric question.</summary>
    public void Answer(string id, double value) => Display(Grade(id, value));

    /// <summary>
    /// A letter ("C") for multiple choice is graded; a short answer's text is not (no tool can
    /// judge it): it shows the model answer and the key points to mark with <see cref="Assess"/>.
    /// </summary>
    public void Answer(string id, string answer) => Display(Grade(id, answer));

    /// <summary>
    /// Your own marking of a short answer: one bool per key point, in order, true when your answer
    /// made it (e.g. <c>quiz.Assess("w01-q14", hit: new[] { true, false, true })</c>).
    /// </summary>
    public void Assess(string id, params bool[] hit) => Display(GradeAssessment(id, hit));

    // Grade returns the verdict without displaying it (for code: the command-line quiz, tests).
    // Answer returns nothing so that a cell ending in quiz.Answer(...) shows only the feedback.
    public GradeResult Grade(string id, int choice) => QuizGrader.Grade(Question(id), choice);
    public GradeResult Grade(string id, double value) => QuizGrader.Grade(Question(id), value);
    public GradeResult Grade(string id, string answer) => QuizGrader.Grade(Question(id), answer);
    public GradeResult GradeAssessment(string id, params bool[] hit) => QuizGrader.Assess(Question(id), hit);

    private static void Display(GradeResult result) =>
        DisplaySinks.Display(new DisplayOutput(QuizFeedback.ToText(result), Html: QuizFeedback.ToHtml(result)));
}
