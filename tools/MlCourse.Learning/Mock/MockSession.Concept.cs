using MlCourse.Notebook;

namespace MlCourse.Learning.Mock;

public sealed partial class MockSession
{
    /// <summary>
    /// Multiple choice and numeric answers are graded by the quiz's own grader. A short answer is
    /// scored by the learner: after writing it they see the model answer and say, key point by key
    /// point, whether they made it, and <see cref="QuizGrader.Assess"/> (the quiz's own self-assessment)
    /// turns the marks into the score. Returns the score, or null when the learner stops the round.
    /// TeX is shown as Unicode text, as in 'course quiz'.
    /// </summary>
    private double? AskConcept(ConceptPart part)
    {
        var question = part.Question.Question;
        output.WriteLine(TexText.ToPlain(question.Prompt));
        for (int c = 0; c < question.Choices.Count; c++) output.WriteLine($"  {QuizQuestion.ChoiceLetter(c)}. {TexText.ToPlain(question.Choices[c])}");
        return question.Type == QuestionType.ShortAnswer ? SelfAssessShortAnswer(question) : GradeObjective(question);
    }

    private double? GradeObjective(QuizQuestion question)
    {
        var hint = question.Type == QuestionType.MultipleChoice
            ? $"Answer A-{QuizQuestion.ChoiceLetter(question.Choices.Count - 1)}"
            : "Answer with a number";
        while (true)
        {
            var line = _input.Line($"{hint} (s skips, q stops): ");
            if (line is null) return null;
            if (line.Length == 0) continue;
            if (line.ToLowerInvariant() is "s" or "skip")
            {
                output.WriteLine($"Skipped. Why: {TexText.ToPlain(question.Explanation)}");
                return 0;
            }
            try
            {
                var result = QuizGrader.Grade(question, line);
                output.WriteLine(result.Feedback);
                output.WriteLine($"Why: {TexText.ToPlain(result.Explanation)}");
                return result.Score;
            }
            catch (ArgumentException e)
            {
                // The grader's message says what a valid answer looks like; ask again.
                output.WriteLine(e.Message.Split(" (Parameter")[0]);
            }
        }
    }

    private double? SelfAssessShortAnswer(QuizQuestion question)
    {
        string? answer;
        do
        {
            answer = _input.Line("Your answer in a line or two (s skips, q stops): ");
            if (answer is null) return null;
        } while (answer.Length == 0);
        if (answer.ToLowerInvariant() is "s" or "skip")
        {
            output.WriteLine($"Skipped. Model answer: {TexText.ToPlain(question.ModelAnswer!)}");
            return 0;
        }
        output.WriteLine($"Model answer: {TexText.ToPlain(question.ModelAnswer!)}");
        output.WriteLine("Compare yours with it, key point by key point: did your answer make this point?");
        var hit = new List<bool>();
        foreach (var point in question.KeyPoints)
        {
            var yes = _input.YesNo($"  - {TexText.ToPlain(point.Point)}");
            if (yes is null) return null;
            hit.Add(yes.Value);
        }
        var result = QuizGrader.Assess(question, hit);
        output.WriteLine(result.Feedback);
        output.WriteLine($"Why: {TexText.ToPlain(question.Explanation)}");
        return result.Score;
    }
}
