namespace MlCourse.Notebook;

/// <summary>
/// A quiz file that breaks the format (docs/quiz-format.md). The message names the file and
/// lists every problem found, each with the question id, so one run shows all fixes needed.
/// </summary>
public sealed class QuizFormatException : FormatException
{
    public QuizFormatException(string source, IReadOnlyList<string> problems)
        : base(Describe(source, problems))
    {
        FileName = source;
        Problems = problems;
    }

    /// <summary>The quiz file's path (or the name given to <see cref="Quiz.Parse"/>).</summary>
    public string FileName { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string source, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"Quiz file '{source}': {problems[0]}"
            : $"Quiz file '{source}' has {problems.Count} problems:\n" + string.Join("\n", problems.Select(p => "  - " + p));
}
