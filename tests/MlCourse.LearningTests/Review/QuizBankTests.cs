using MlCourse.Learning.Review;
using MlCourse.LearningTests.Support;
using MlCourse.Notebook;

namespace MlCourse.LearningTests.Review;

/// <summary>
/// The whole question bank, across weeks. Each file's own rules (fields, answer index within the
/// choices, distinct choices, ids unique in the file) are checked by the loader and by
/// tests/MlCourse.Tests/Notebook/QuizFilesTests.cs; here: what only the whole bank can break.
/// </summary>
public class QuizBankTests
{
    private static QuizBank Bank() => QuizBank.Load(Path.Combine(Repo.Root, "notebooks"));

    // A learner meets short answers in the notebook first: its quiz section must say they are self-assessed,
    // with a quiz.Assess call that works as written (a short answer's id, one bool per key point).
    [Fact]
    public void Every_notebook_with_short_answers_says_how_to_self_assess_them()
    {
        foreach (var quizFile in Directory.EnumerateFiles(Path.Combine(Repo.Root, "notebooks"), "quiz.json", SearchOption.AllDirectories))
        {
            var quiz = Quiz.Load(quizFile);
            if (quiz.Week > 8) continue;   // weeks 9+ are being written now; their authors add the sentence (issue 8 covers 1-8)
            var shortAnswers = quiz.Questions.Where(q => q.Type == QuestionType.ShortAnswer).ToDictionary(q => q.Id);
            var notebook = Directory.EnumerateFiles(Path.GetDirectoryName(quizFile)!, "*.ipynb").SingleOrDefault();
            if (shortAnswers.Count == 0 || notebook is null) continue;
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(notebook));
            var markdown = string.Join("\n", json.RootElement.GetProperty("cells").EnumerateArray()
                .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
                .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString()))));
            var call = System.Text.RegularExpressions.Regex.Match(markdown, @"quiz\.Assess\(""(w\d\d-q\d\d)"",\s*((?:(?:true|false),\s*)*(?:true|false))\)");
            Assert.True(call.Success, $"{notebook} does not show quiz.Assess(...) for its short answers");
            Assert.True(shortAnswers.TryGetValue(call.Groups[1].Value, out var question), $"{notebook}: {call.Groups[1].Value} is not a short answer");
            Assert.Equal(question!.KeyPoints.Count, call.Groups[2].Value.Split(',').Length);
            Assert.Contains("self-assessed", markdown);
        }
    }

    [Fact]
    public void Question_ids_are_unique_across_the_whole_bank() => Assert.Empty(Bank().DuplicateIds());

    [Fact]
    public void A_repeated_id_in_two_weeks_is_found()
    {
        var folder = Directory.CreateTempSubdirectory("mlcourse-bank-").FullName;
        var week1 = File.ReadAllText(Path.Combine(Repo.Root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals", "quiz.json"));
        foreach (var week in new[] { "week-01-a", "week-02-b" })
        {
            Directory.CreateDirectory(Path.Combine(folder, week));
            File.WriteAllText(Path.Combine(folder, week, "quiz.json"), week == "week-01-a" ? week1 : week1.Replace("\"week\": 1", "\"week\": 2"));
        }
        Assert.Contains("w01-q01", QuizBank.Load(folder).DuplicateIds());
    }

    [Fact]
    public void Every_question_id_names_its_week_and_every_answer_is_consistent_with_its_type()
    {
        foreach (var (question, week) in Bank().Questions)
        {
            Assert.StartsWith($"w{week:00}-", question.Id);
            switch (question.Type)
            {
                case QuestionType.MultipleChoice:
                    Assert.InRange(question.CorrectChoice!.Value, 0, question.Choices.Count - 1);
                    // The right choice graded as a letter must come back correct: ties the file's index to the cards' letters.
                    Assert.True(QuizGrader.Grade(question, QuizQuestion.ChoiceLetter(question.CorrectChoice.Value)).IsCorrect, question.Id);
                    break;
                case QuestionType.Numeric:
                    Assert.True(QuizGrader.Grade(question, question.NumericAnswer!.Value).IsCorrect, question.Id);
                    break;
                default:
                    // Self-assessed: even the model answer is not called right until the learner marks the points.
                    var written = QuizGrader.Grade(question, question.ModelAnswer!);
                    Assert.True(written.AwaitsSelfAssessment && !written.IsCorrect, question.Id);
                    Assert.True(QuizGrader.Assess(question, [.. question.KeyPoints.Select(_ => true)]).IsCorrect, question.Id);
                    break;
            }
        }
    }
}
