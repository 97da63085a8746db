using MlCourse.Core.Data;
using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

/// <summary>
/// Short answers are self-assessed: the tool shows the model answer and the key points and never
/// calls a text right, so an answer that says the opposite of the key points gets no tick.
/// </summary>
public class QuizShortAnswerTests
{
    private static Quiz Week(string folder) => Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", folder, "quiz.json"));

    private static readonly Quiz Week01 = Week("month-1-foundations/week-01-ml-fundamentals");
    private static readonly Quiz Week05 = Week("month-2-classical-ml/week-05-trees-ensembles");

    // Each uses the key points' own words, with the meaning reversed: keyword matching passed both.
    public static TheoryData<string, string> ContradictoryAnswers() => new()
    {
        { "w01-q14", "Degree 15 has high bias and low variance; regularisation would not help." },
        { "w05-q05", "Averaging reduces bias, not variance; feature sampling makes the trees more correlated, and bootstrap samples are not used." },
    };

    private static Quiz QuizOf(string id) => id.StartsWith("w01", StringComparison.Ordinal) ? Week01 : Week05;

    [Theory]
    [MemberData(nameof(ContradictoryAnswers))]
    public void A_contradictory_short_answer_is_never_shown_as_correct(string id, string answer)
    {
        var quiz = QuizOf(id);
        var result = quiz.Grade(id, answer);
        Assert.False(result.IsCorrect);
        Assert.True(result.AwaitsSelfAssessment);
        Assert.DoesNotContain("correct", result.Feedback, StringComparison.OrdinalIgnoreCase);
        Assert.All(result.KeyPoints, p => Assert.Null(p.Covered));

        using (var notebook = CaptureSink.Notebook())
        {
            quiz.Answer(id, answer);
            var html = notebook.Single.Html!;
            Assert.DoesNotContain("\u2714", html);                       // no tick anywhere
            Assert.Contains("#fff8c5", html);                            // the neutral 'pending' box, not green
            Assert.Contains(quiz.Question(id).ModelAnswer![..40], html.Replace("&#39;", "'"));
            Assert.Contains($"quiz.Assess(&quot;{id}&quot;", html);
        }
        using (var console = CaptureSink.Console())
        {
            quiz.Answer(id, answer);
            var text = console.Single.PlainText;
            Assert.StartsWith($"[mark it yourself] {id}:", text);
            Assert.DoesNotContain("[correct]", text);
            Assert.DoesNotContain("[x]", text);
        }
    }

    [Fact]
    public void The_learners_marks_decide_and_feed_the_score()
    {
        var missed = Week01.GradeAssessment("w01-q14", true, false, true);
        Assert.False(missed.IsCorrect);
        Assert.Equal(2.0 / 3, missed.Score, 12);
        Assert.Equal([true, false, true], missed.KeyPoints.Select(p => p.Covered));
        Assert.Equal("By your own marking, your answer made 2 of 3 key points; it comes back for review.", missed.Feedback);

        var all = Week01.GradeAssessment("w01-q14", hit: [true, true, true]);
        Assert.True(all.IsCorrect);
        Assert.Equal(1, all.Score);
    }

    [Fact]
    public void Assess_with_the_wrong_number_of_marks_lists_the_points()
    {
        var e = Assert.Throws<ArgumentException>(() => Week01.GradeAssessment("w01-q14", true));
        Assert.Contains("w01-q14 has 3 key points, so mark 3", e.Message);
        Assert.Contains("1. The flexible model has high variance", e.Message);
        Assert.Throws<ArgumentException>(() => Week01.GradeAssessment("w01-q01", true));
    }

    [Fact]
    public void Assess_displays_the_marking_with_ticks_only_where_the_learner_put_them()
    {
        using var console = CaptureSink.Console();
        Week01.Assess("w01-q14", true, false, true);
        var text = console.Single.PlainText.Replace("\r\n", "\n");
        Assert.StartsWith("[not correct] w01-q14: By your own marking", text);
        Assert.Contains("  [x] The flexible model has high variance (it fits the noise)\n  [ ] Its bias is low\n", text);
    }

    [Fact]
    public void The_card_lets_the_learner_tick_the_key_points_and_counts_only_the_ticks()
    {
        using var notebook = CaptureSink.Notebook();
        Week01.Show("w01-q14");
        var html = notebook.Single.Html!;
        Assert.Equal(3, html.Split("class=\"mlc-quiz-point\" type=\"checkbox\"").Length - 1);
        Assert.Contains("By your own marking", html);
        Assert.DoesNotContain("Correct", html.Split("mlc-quiz-point")[1]);
    }
}
