using MlCourse.Core.Data;
using MlCourse.Notebook;
using MlCourse.Tests.Notebook.Support;

namespace MlCourse.Tests.Notebook;

public class QuizGradingTests
{
    private static readonly Quiz Fixture =
        Quiz.Load(Path.Combine(CoursePaths.Root, "tests", "MlCourse.Tests", "Notebook", "Fixtures", "quiz-valid.json"));

    [Fact]
    public void Multiple_choice_right_and_wrong()
    {
        var right = Fixture.Grade("w01-q01", 1);
        Assert.True(right.IsCorrect);
        Assert.Equal(1, right.Score);

        var wrong = Fixture.Grade("w01-q01", 0);
        Assert.False(wrong.IsCorrect);
        Assert.Equal(0, wrong.Score);
        Assert.Equal("A. High bias (underfitting)", wrong.Given);
        Assert.Equal("B. High variance (overfitting)", wrong.Expected);
        Assert.Equal("Not quite: you chose A; the answer is B.", wrong.Feedback);
        Assert.StartsWith("A large gap", wrong.Explanation);
    }

    [Fact]
    public void Multiple_choice_accepts_a_letter()
    {
        Assert.True(Fixture.Grade("w01-q01", "b").IsCorrect);
        Assert.True(Fixture.Grade("w01-q01", " B) ").IsCorrect);
        Assert.False(Fixture.Grade("w01-q01", "C").IsCorrect);
        var bad = Assert.Throws<ArgumentException>(() => Fixture.Grade("w01-q01", "E"));
        Assert.Contains("answer with a letter A-D", bad.Message);
    }

    [Fact]
    public void Multiple_choice_index_out_of_range_names_the_range()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Fixture.Grade("w01-q01", 4));
        Assert.Equal("choice", error.ParamName);
        Assert.Contains("w01-q01 has 4 choices, numbered 0 to 3 (A to D)", error.Message);
    }

    [Theory]
    // Answer 0.25, tolerance 0.001 (fixture): the edge is inclusive.
    [InlineData(0.25, true)]
    [InlineData(0.2505, true)]
    [InlineData(0.251, true)]
    [InlineData(0.249, true)]
    [InlineData(0.2511, false)]
    [InlineData(0.3, false)]
    [InlineData(double.NaN, false)]
    public void Numeric_answers_count_within_the_tolerance(double value, bool expected)
    {
        Assert.Equal(expected, Fixture.Grade("w01-q02", value).IsCorrect);
    }

    [Fact]
    public void Numeric_feedback_says_how_far_off()
    {
        var wrong = Fixture.Grade("w01-q02", 0.3);
        Assert.Equal("Not quite: 0.3 is 0.05 away from the answer 0.25 (tolerance 0.001).", wrong.Feedback);
        Assert.Equal("0.25 ± 0.001", wrong.Expected);
        Assert.True(Fixture.Grade("w01-q02", "0.25").IsCorrect);
    }

    [Fact]
    public void Answering_with_the_wrong_kind_of_value_explains_what_to_give()
    {
        var error = Assert.Throws<ArgumentException>(() => Fixture.Grade("w01-q03", 2));
        Assert.Equal("w01-q03 is a short-answer question: answer with text (a string).", error.Message.Split(" (Parameter")[0]);
        var numeric = Assert.Throws<ArgumentException>(() => Fixture.Grade("w01-q02", "a quarter"));
        Assert.Contains("\"a quarter\" is not one", numeric.Message);
    }

    [Fact]
    public void Answer_displays_feedback_in_a_coloured_box()
    {
        using var notebook = CaptureSink.Notebook();
        Fixture.Answer("w01-q01", 1);
        Fixture.Answer("w01-q02", 0.3);
        Assert.Contains("#dafbe1", notebook.Outputs[0].Html); // green background
        Assert.Contains("#ffebe9", notebook.Outputs[1].Html); // red background
        Assert.StartsWith("[not correct] w01-q02: Not quite: 0.3 is 0.05 away", notebook.Outputs[1].PlainText);
    }

    [Fact]
    public void Show_renders_an_interactive_card_in_a_notebook_and_text_elsewhere()
    {
        using (var notebook = CaptureSink.Notebook())
        {
            Fixture.Show("w01-q01");
            var html = notebook.Single.Html!;
            Assert.Contains("data-answer=\"1\"", html);
            Assert.Equal(4, html.Split("type=\"radio\"").Length - 1);
            Assert.Contains("<strong>99%</strong>", html);
            Assert.Contains("onclick=\"var card=this.closest(&#39;.mlc-quiz&#39;)", html);
        }
        using (var notebook = CaptureSink.Notebook())
        {
            Fixture.Show("w01-q02");
            var html = notebook.Single.Html!;
            Assert.Contains("data-answer=\"0.25\" data-tolerance=\"0.001\"", html);
            // TeX is kept verbatim for the front end, never turned into emphasis.
            Assert.Contains("$\\hat{y} = (1, 2)$", html);
        }
        using (var console = CaptureSink.Console())
        {
            Fixture.Show("w01-q01");
            Assert.Equal(
                "[w01-q01 · easy · Bias-variance trade-off]\n" +
                "A model scores **99%** on training data and 60% on test data. What is the most likely problem?\n" +
                "  A. High bias (underfitting)\n  B. High variance (overfitting)\n  C. Too much regularisation\n  D. A bug in the test metric\n" +
                "Answer in code: quiz.Answer(\"w01-q01\", \"A\"-\"D\" or index 0-3)",
                console.Single.PlainText.Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void ShowAll_shows_a_heading_then_every_question()
    {
        using var notebook = CaptureSink.Notebook();
        Fixture.ShowAll();
        Assert.Equal(4, notebook.Outputs.Count);
        Assert.Equal("Quiz, week 1: ML fundamentals (test fixture) (3 questions)", notebook.Outputs[0].PlainText);
        Assert.Contains("Show model answer", notebook.Outputs[3].Html);
    }
}
