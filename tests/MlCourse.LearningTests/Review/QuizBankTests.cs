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
