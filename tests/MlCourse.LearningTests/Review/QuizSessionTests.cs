using MlCourse.Learning.Review;
using MlCourse.Learning.Store;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Review;

/// <summary>The terminal quiz on the real Week 1 bank, answered from a string as if piped.</summary>
public class QuizSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<BankQuestion> Week1(params string[] ids)
    {
        var all = QuizBank.Load(Path.Combine(Repo.Root, "notebooks")).Questions;
        return ids.Select(id => all.Single(q => q.Question.Id == id)).ToList();
    }

    private static ProgressStore NewStore() =>
        ProgressStore.Open(Path.Combine(Directory.CreateTempSubdirectory("mlcourse-quiz-").FullName, "progress.db"));

    [Fact]
    public void Piped_answers_are_graded_explained_and_stored_with_their_leitner_box()
    {
        // w01-q01: the answer is B (the affine functions); w01-q02: the MSE of errors 1, 0, 3 is 10/3.
        using var store = NewStore();
        var output = new StringWriter();
        var session = new QuizSession(new StringReader("B\n0.25\n"), output, store, () => Now);
        var result = session.Run(Week1("w01-q01", "w01-q02"));

        Assert.Equal((2, 1), (result.Asked, result.Correct));
        Assert.Equal(["w01-q02"], result.Missed);
        var text = output.ToString();
        Assert.Contains("Correct: B.", text);
        Assert.Contains("Why: The errors are 1, 0, 3", text);   // TeX shown as text, without its dollars
        var states = store.Leitner();
        Assert.Equal(2, states["w01-q01"].Box);
        Assert.Equal((1, Now), (states["w01-q02"].Box, states["w01-q02"].DueAt));
        Assert.Equal([true, false], store.Answers().Select(a => a.Correct));
    }

    [Fact]
    public void Every_question_of_the_bank_is_printed_without_raw_tex()
    {
        using var store = NewStore();
        foreach (var question in QuizBank.Load(Path.Combine(Repo.Root, "notebooks")).Questions)
        {
            var output = new StringWriter();
            new QuizSession(new StringReader("q\n"), output, store, () => Now).Run([question]);
            var shown = output.ToString();
            Assert.DoesNotMatch(@"\\[a-zA-Z]{2,}|\$[^$\s]", shown);   // no \frac, \hat ..., no $x$
            Assert.DoesNotContain("underbrace", shown);
        }
    }

    [Fact]
    public void An_invalid_answer_is_explained_and_asked_again_and_q_stops_keeping_earlier_answers()
    {
        using var store = NewStore();
        var output = new StringWriter();
        var result = new QuizSession(new StringReader("Z\nB\nq\n"), output, store, () => Now).Run(Week1("w01-q01", "w01-q02"));

        Assert.True(result.Quit);
        Assert.Equal((1, 1), (result.Asked, result.Correct));
        Assert.Contains("answer with a letter A-D", output.ToString());
        Assert.Single(store.Answers());
    }

    [Fact]
    public void Input_ending_early_stops_the_session_without_an_answer()
    {
        using var store = NewStore();
        var result = new QuizSession(new StringReader(""), new StringWriter(), store, () => Now).Run(Week1("w01-q01"));
        Assert.Equal((0, true), (result.Asked, result.Quit));
        Assert.Empty(store.Answers());
    }

    [Fact]
    public void A_contradictory_short_answer_is_marked_by_the_learner_and_never_called_correct()
    {
        using var store = NewStore();
        var output = new StringWriter();
        // The answer reverses the key points; the learner, shown the model answer, marks two points missed.
        var input = "Degree 15 has high bias and low variance\nn\nn\ny\n";
        var result = new QuizSession(new StringReader(input), output, store, () => Now).Run(Week1("w01-q14"));

        Assert.Equal((1, 0), (result.Asked, result.Correct));
        var text = output.ToString();
        Assert.DoesNotContain("correct", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Model answer: The degree-15 family is flexible enough", text);
        Assert.Contains("By your own marking, your answer made 1 of 3 key points", text);
        Assert.Contains("Box 1: this question comes back first next time.", text);
        var answer = Assert.Single(store.Answers());
        Assert.False(answer.Correct);
        Assert.Equal(1.0 / 3, answer.Score, 12);
        Assert.Equal(1, store.Leitner()["w01-q14"].Box);
    }

    [Fact]
    public void Every_key_point_marked_made_moves_the_short_answer_up_a_box()
    {
        using var store = NewStore();
        var output = new StringWriter();
        // "maybe" is not a mark: asked again.
        var result = new QuizSession(new StringReader("low bias, high variance; regularise\ny\nmaybe\ny\ny\n"), output, store, () => Now).Run(Week1("w01-q14"));
        Assert.Equal((1, 1), (result.Asked, result.Correct));
        Assert.Contains("Type y if your answer made this point", output.ToString());
        Assert.Equal(2, store.Leitner()["w01-q14"].Box);
    }

    [Fact]
    public void Stopping_while_marking_records_nothing_for_that_question()
    {
        using var store = NewStore();
        var result = new QuizSession(new StringReader("an answer\ny\nq\n"), new StringWriter(), store, () => Now).Run(Week1("w01-q14"));
        Assert.True(result.Quit);
        Assert.Empty(store.Answers());
    }
}
