using MlCourse.Learning.Store;
using MlCourse.Notebook;

namespace MlCourse.Learning.Review;

/// <summary>What one terminal quiz session did.</summary>
public sealed record QuizSessionResult(int Asked, int Correct, IReadOnlyList<string> Missed, bool Quit);

/// <summary>
/// Asks questions on a text reader/writer (the terminal, or piped answers), grades multiple-choice
/// and numeric answers with the notebooks' <see cref="QuizGrader"/>, and has the learner mark a
/// short answer's key points themselves (y/n each, after the model answer), since no word
/// matching can tell a right explanation from its negation. It shows the explanation, and stores
/// the answer and the question's next Leitner box before asking the next one, so quitting loses nothing.
/// TeX in the questions is shown as Unicode text (<see cref="TexText"/>).
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
            output.WriteLine(TexText.ToPlain(question.Prompt));
            for (int c = 0; c < question.Choices.Count; c++) output.WriteLine($"  {QuizQuestion.ChoiceLetter(c)}. {TexText.ToPlain(question.Choices[c])}");
            var result = Ask(question);
            if (result is { AwaitsSelfAssessment: true }) result = SelfAssess(question);
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
            _ => "Answer in one line (you mark it yourself against the model answer next)",
        };
        while (true)
        {
            var line = ReadLine($"{hint} (q to stop): ");
            if (line is null) return null;
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

    /// <summary>Shows the model answer, then asks y/n for each key point; null when the learner stops.</summary>
    private GradeResult? SelfAssess(QuizQuestion question)
    {
        output.WriteLine($"Model answer: {TexText.ToPlain(question.ModelAnswer!)}");
        output.WriteLine("Compare, then mark each key point your answer made:");
        var hit = new List<bool>();
        foreach (var point in question.KeyPoints)
        {
            while (true)
            {
                var line = ReadLine($"  {TexText.ToPlain(point.Point)}? (y/n, q to stop): ");
                if (line is null) return null;
                var mark = line.Trim().ToLowerInvariant();
                if (mark is "y" or "yes") { hit.Add(true); break; }
                if (mark is "n" or "no") { hit.Add(false); break; }
                output.WriteLine("  Type y if your answer made this point, n if it did not.");
            }
        }
        return QuizGrader.Assess(question, hit);
    }

    /// <summary>One line of input; null when the input ends or the learner types q.</summary>
    private string? ReadLine(string prompt)
    {
        output.Write(prompt);
        var line = input.ReadLine();
        // Piped answers are not shown by the terminal; echoing them keeps the transcript readable.
        if (echoAnswers) output.WriteLine(line ?? "");
        if (line is null || line.Trim() is "q" or "quit") { if (!echoAnswers) output.WriteLine(); return null; }
        return line;
    }

    private void Show(GradeResult result)
    {
        output.WriteLine(result.Feedback);
        if (result.Type == QuestionType.ShortAnswer)
            foreach (var point in result.KeyPoints)
                output.WriteLine($"  [{(point.Covered == true ? "x" : " ")}] {TexText.ToPlain(point.Point)}");
        output.WriteLine($"Why: {TexText.ToPlain(result.Explanation)}");
    }
}
