using System.Globalization;
using MlCourse.Cli.Cli;
using MlCourse.Learning.Review;
using MlCourse.Learning.Store;
using MlCourse.Notebook;
using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.Cli.Commands;

/// <summary><c>course quiz</c>: the weeks' quiz.json questions in the terminal, scheduled with Leitner boxes.</summary>
public sealed class QuizCommand : ICourseCommand
{
    public string Name => "quiz";

    public string Summary => "Quiz yourself in the terminal; missed and due questions come first (Leitner boxes).";

    public string Help => """
        Usage: course quiz [--week N] [--topic TEXT] [--count N]

        Asks questions from the weeks' quiz.json files, one at a time: type a letter for multiple
        choice, a number for numeric questions, one line for short answers; q stops (answers so
        far are kept). A short answer is not judged by the tool: you see the model answer and mark
        each key point your answer made (y/n); all points made counts as right. After each answer
        you see the feedback and the explanation; TeX is shown as Unicode text. Questions you
        missed, then questions due for review, then new ones come first; a right answer moves a
        question up a Leitner box (next review in 2, 4, 8, 16 days), a wrong one back to box 1.
        Answers are stored in .course/progress.db. Answers can be piped: course quiz < answers.txt

        Options:
          --week N        only week N's quiz
          --topic TEXT    only questions whose topic contains TEXT (any case), e.g. "ridge"
          --count N       ask at most N questions (default: 10)

        Exit codes: 0 session finished or stopped (a wrong answer is not a failure of the command),
        1 the progress store could not be written, 2 bad input (options, a broken quiz.json, a damaged store).
        """;

    public Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var weekText = args.TakeOption("--week");
        var topic = args.TakeOption("--topic");
        var countText = args.TakeOption("--count");
        args.EnsureNothingLeft(Name);
        var count = ParsePositive(countText, "--count", 10);

        var root = CourseLocation.RepositoryRootOrExplain();
        QuizBank bank;
        try
        {
            bank = QuizBank.Load(Path.Combine(root, "notebooks"));
        }
        catch (QuizFormatException e)
        {
            throw new UsageException(e.Message.ReplaceLineEndings(" "));
        }
        var questions = bank.Questions;
        if (questions.Count == 0) throw new UsageException("There are no quiz.json files under notebooks/ yet.");
        if (weekText is not null)
        {
            var week = ParsePositive(weekText, "--week", 0);
            var weeks = bank.Quizzes.Select(q => q.Week).Distinct().ToList();
            if (!weeks.Contains(week))
                throw new UsageException($"No quiz for week {week}. Weeks with a quiz: {string.Join(", ", weeks)}.");
            questions = questions.Where(q => q.Week == week).ToList();
        }
        if (topic is not null)
        {
            var topics = questions.Select(q => q.Question.Topic).Distinct().ToList();
            questions = questions.Where(q => q.Question.Topic.Contains(topic, StringComparison.OrdinalIgnoreCase)).ToList();
            if (questions.Count == 0)
                throw new UsageException($"No question's topic contains '{topic}'. Nearest topics: {string.Join("; ", NearestNames.Find(topic, topics, 3))}.");
        }

        using var store = ProgressStore.Open(ProgressStore.DefaultPath(root));
        var now = DateTimeOffset.Now;
        var ordered = Leitner.Order(questions, q => q.Question.Id, store.Leitner(), now).Take(count).ToList();
        console.Out.WriteLine($"Quiz: {ordered.Count} of {questions.Count} question(s){(weekText is null ? "" : $", week {weekText}")}{(topic is null ? "" : $", topic '{topic}'")}.");
        // Program.cs hands commands no input reader; the quiz is the one command that reads answers, from stdin.
        var result = new QuizSession(Console.In, console.Out, store, () => DateTimeOffset.Now, echoAnswers: Console.IsInputRedirected).Run(ordered);

        console.Out.WriteLine();
        var percent = result.Asked == 0 ? 0 : 100.0 * result.Correct / result.Asked;
        console.Out.WriteLine($"Score: {result.Correct}/{result.Asked} ({percent.ToString("0", CultureInfo.InvariantCulture)}%)" +
            (result.Missed.Count > 0 ? $"; missed: {string.Join(", ", result.Missed)} (asked first next time)." : "."));
        return Task.FromResult(ExitCodes.Success);
    }

    private static int ParsePositive(string? text, string option, int fallback)
    {
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{option} must be a positive whole number, not '{text}'.");
    }
}
