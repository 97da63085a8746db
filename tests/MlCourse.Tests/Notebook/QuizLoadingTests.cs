using MlCourse.Core.Data;
using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook;

public class QuizLoadingTests
{
    private static readonly string FixturePath =
        Path.Combine(CoursePaths.Root, "tests", "MlCourse.Tests", "Notebook", "Fixtures", "quiz-valid.json");

    private const string Mc = """
        "id": "w01-q01", "type": "multiple-choice", "difficulty": "easy", "topic": "t", "prompt": "p",
        "choices": ["a", "b", "c"], "answer": 1, "explanation": "e"
        """;
    private const string Numeric = """
        "id": "w01-q02", "type": "numeric", "difficulty": "medium", "topic": "t", "prompt": "p",
        "answer": 0.25, "tolerance": 0.01, "explanation": "e"
        """;

    private static string QuizJson(params string[] questions) =>
        "{ \"week\": 1, \"title\": \"T\", \"questions\": [" + string.Join(",", questions.Select(q => "{" + q + "}")) + "] }";

    private static QuizFormatException Rejected(string json) =>
        Assert.Throws<QuizFormatException>(() => Quiz.Parse(json, "week-01/quiz.json"));

    [Fact]
    public void The_fixture_loads_with_every_field()
    {
        var quiz = Quiz.Load(FixturePath);
        Assert.Equal(1, quiz.Week);
        Assert.Equal("ML fundamentals (test fixture)", quiz.Title);
        Assert.Equal(["w01-q01", "w01-q02", "w01-q03"], quiz.Questions.Select(q => q.Id));

        var mc = quiz.Question("w01-q01");
        Assert.Equal(QuestionType.MultipleChoice, mc.Type);
        Assert.Equal(Difficulty.Easy, mc.Difficulty);
        Assert.Equal(4, mc.Choices.Count);
        Assert.Equal(1, mc.CorrectChoice);

        var numeric = quiz.Question("w01-q02");
        Assert.Equal((0.25, 0.001), (numeric.NumericAnswer, numeric.Tolerance));

        var shortAnswer = quiz.Question("w01-q03");
        Assert.Equal(Difficulty.Hard, shortAnswer.Difficulty);
        Assert.Equal("Regularisation", shortAnswer.Topic);
        Assert.Equal(3, shortAnswer.KeyPoints.Count);
        Assert.Equal(["shrink|smaller|penal", "weight|coefficient"], shortAnswer.KeyPoints[0].Terms);
        Assert.StartsWith("The penalty shrinks", shortAnswer.ModelAnswer);
    }

    [Fact]
    public void A_duplicate_id_is_rejected_naming_the_file_and_id()
    {
        var error = Rejected(QuizJson(Mc, Mc));
        Assert.Contains("week-01/quiz.json", error.Message);
        Assert.Contains("question 'w01-q01' (#2): duplicate id; question #1 already uses it", error.Message);
    }

    [Fact]
    public void A_multiple_choice_answer_out_of_range_is_rejected()
    {
        var error = Rejected(QuizJson(Mc.Replace("\"answer\": 1", "\"answer\": 3")));
        Assert.Equal("Quiz file 'week-01/quiz.json': question 'w01-q01': answer index 3 is out of range; the 3 choices are numbered 0 to 2.", error.Message);
    }

    [Fact]
    public void A_numeric_question_without_tolerance_is_rejected()
    {
        var error = Rejected(QuizJson(Numeric.Replace(", \"tolerance\": 0.01", "")));
        Assert.Contains("question 'w01-q02': a numeric question needs \"tolerance\"", error.Message);
        Assert.Contains("week-01/quiz.json", error.Message);
    }

    [Fact]
    public void A_missing_explanation_is_rejected()
    {
        var error = Rejected(QuizJson(Numeric.Replace(", \"explanation\": \"e\"", "")));
        Assert.Contains("question 'w01-q02': missing \"explanation\"", error.Message);
    }

    [Fact]
    public void A_misspelt_field_is_rejected_rather_than_ignored()
    {
        var error = Rejected(QuizJson(Numeric.Replace("\"tolerance\"", "\"tolerence\"")));
        Assert.Contains("question 'w01-q02' (numeric): unknown field \"tolerence\"", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Rejected(QuizJson(
            Mc.Replace("\"difficulty\": \"easy\"", "\"difficulty\": \"trivial\""),
            Numeric.Replace("\"tolerance\": 0.01", "\"tolerance\": 0"),
            """ "id": "w01-q03", "type": "short-answer", "difficulty": "hard", "topic": "t", "prompt": "p", "modelAnswer": "m", "keyPoints": [], "explanation": "e" """,
            """ "type": "essay", "difficulty": "hard", "topic": "t", "prompt": "p", "explanation": "e" """));
        Assert.Equal(5, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("question 'w01-q01': difficulty \"trivial\""));
        Assert.Contains(error.Problems, p => p.StartsWith("question 'w01-q02': \"tolerance\" must be positive"));
        Assert.Contains(error.Problems, p => p.StartsWith("question 'w01-q03': a short-answer question needs \"keyPoints\""));
        Assert.Contains(error.Problems, p => p.StartsWith("question #4: missing \"id\""));
        Assert.Contains(error.Problems, p => p.StartsWith("question #4: type \"essay\" is not one of"));
        Assert.StartsWith("Quiz file 'week-01/quiz.json' has 5 problems:", error.Message);
    }

    [Fact]
    public void Invalid_json_is_reported_with_the_file_name()
    {
        var error = Rejected("{ \"week\": 1, \"title\": ");
        Assert.StartsWith("Quiz file 'week-01/quiz.json': not valid JSON:", error.Message);
    }

    [Fact]
    public void Load_names_the_file_it_rejects()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mlc-quiz-").FullName, "quiz.json");
        File.WriteAllText(path, QuizJson(Mc.Replace("\"answer\": 1", "\"answer\": -1")));
        var error = Assert.Throws<QuizFormatException>(() => Quiz.Load(path));
        Assert.Equal(path, error.FileName);
        Assert.Contains($"'{path}'", error.Message);
        Assert.Contains("question 'w01-q01': answer index -1 is out of range", error.Message);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void A_missing_file_and_an_unknown_question_are_clear_errors()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => Quiz.Load("no-such-folder/quiz.json"));
        Assert.Contains("no-such-folder", missing.Message);
        var quiz = Quiz.Load(FixturePath);
        var unknown = Assert.Throws<KeyNotFoundException>(() => quiz.Question("w01-q09"));
        Assert.Contains("no question 'w01-q09'. Its questions are: w01-q01, w01-q02, w01-q03.", unknown.Message);
    }
}
