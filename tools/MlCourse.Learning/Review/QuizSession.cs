using MlCourse.Learning.Store;
using MlCourse.Notebook;

namespace MlCourse.Learning.Review;

/// <summary>What one terminal quiz session did.</summary>
public sealed record QuizSessionResult(int Asked, int Correct, IReadOnlyList<string> Missed, bool Quit);

/// <summary>
/// Asks questions on a text reader/writer (the terminal, or piped answers), grades each with the
/// notebooks' <see cref="QuizGrader"/>, shows the explanation, and stores the answer and the
/// question's next Leitner box before asking the next one, so quitting loses nothing.
/// </summary>
public sealed class QuizSession(TextReader input, TextWriter output, ProgressStore store, Func<DateTimeOffset> clock, bool echoAnswers = false)
{
    public QuizSessionResult Run(IReadOnlyList<BankQuestion> questions)
    {
        var states = store.Leitner();
        int asked = 0, correct = 0;
        var missed = new List<string>();
        for (int i = 0; i < questions.Count; i++)
        {
            var (question, week) = (questions[i].Question, questions[i].Week);
            output.WriteLine();
            output.WriteLine($"[{i + 1}/{questions.Count}] {question.Id} (week {week}, {question.Topic}, {question.Difficulty.ToString().ToLowerInvariant()})");
            output.WriteLine(question.Prompt);
            for (int c = 0; c < question.Choices.Count; c++) output.WriteLine($"  {QuizQuestion.ChoiceLetter(c)}. {question.Choices[c]}");
            var result = Ask(question);
            if (result is null) return new QuizSessionResult(asked, correct, missed, Quit: true);

            asked++;
            if (result.IsCorrect) correct++; else missed.Add(question.Id);
            Show(result);
            var now = clock();
            states.TryGetValue(question.Id, out var previous);
            var next = Leitner.Next(question.Id, week, previous, result.IsCorrect, now);
            store.RecordAnswer(new QuizAnswerRecord(question.Id, week, result.IsCorrect, result.Score, now), next);
            output.WriteLine(result.IsCorrect
                ? $"Box {next.Box}: next review in {Leitner.Interval(next.Box).TotalDays:0} day(s)."
                : "Box 1: this question comes back first next time.");
        }
        return new QuizSessionResult(asked, correct, missed, Quit: false);
    }

    /// <summary>Reads answers until one can be graded; null when the learner types q or the input ends.</summary>
    private GradeResult? Ask(QuizQuestion question)
    {
        var hint = question.Type switch
        {
            QuestionType.MultipleChoice => $"Answer A-{QuizQuestion.ChoiceLetter(question.Choices.Count - 1)}",
            QuestionType.Numeric => "Answer with a number",
            _ => "Answer in one line",
        };
        while (true)
        {
            output.Write($"{hint} (q to stop): ");
            var line = input.ReadLine();
            // Piped answers are not shown by the terminal; echoing them keeps the transcript readable.
            if (echoAnswers) output.WriteLine(line ?? "");
            if (line is null || line.Trim() is "q" or "quit") { if (!echoAnswers) output.WriteLine(); return null; }
            if (line.Trim().Length == 0) continue;
            try
            {
                return QuizGrader.Grade(question, line);
            }
            catch (ArgumentException e)
            {
                // The grader's message says what a valid answer looks like; ask again.
                output.WriteLine(e.Message.Split(" (Parameter")[0]);
            }
        }
    }

    private void Show(GradeResult result)
    {
        output.WriteLine(result.Feedback);
        foreach (var point in result.KeyPoints)
            output.WriteLine($"  [{(point.Found ? "x" : " ")}] {point.Point}{(point.Found ? "" : $" (missing: {string.Join(", ", point.MissingTerms)})")}");
        if (result.ModelAnswer is not null) output.WriteLine($"Model answer: {result.ModelAnswer}");
        output.WriteLine($"Why: {result.Explanation}");
    }
}
