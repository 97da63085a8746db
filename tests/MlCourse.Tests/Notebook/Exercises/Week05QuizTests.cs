using MlCourse.Classical.Ensembles;
using MlCourse.Classical.Trees;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 5 quiz are recomputed with the course library, so an answer cannot drift from the
/// definitions the notebook teaches.
/// </summary>
public class Week05QuizTests
{
    private static readonly Quiz Week05Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-2-classical-ml", "week-05-trees-ensembles", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week05Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week05Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week05Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_Gini_answer_is_the_library_Gini() => AssertAccepted(Week05Quiz, "w05-q02", Impurity.Gini([6, 4]));

    [Fact]
    public void The_information_gain_answer_is_the_library_gain() => AssertAccepted(Week05Quiz, "w05-q03", Impurity.InformationGain([3, 1], [1, 3]));

    [Fact]
    public void The_leaf_weight_answer_is_the_library_Newton_leaf() =>
        // g = p − y = (−0.5, −0.5, 0.5), h = 0.25 each, λ = 1.
        AssertAccepted(Week05Quiz, "w05-q06", SecondOrder.LeafWeight(-0.5, 0.75, 1));

    [Fact]
    public void The_variance_answer_follows_the_averaging_formula() =>
        // ρσ² + (1 − ρ)σ²/B with ρ = 0.5, σ² = 1, B = 10, written out from the notebook's derivation.
        AssertAccepted(Week05Quiz, "w05-q07", 0.5 * 1 + (1 - 0.5) * 1 / 10.0);

    [Fact]
    public void The_first_question_matches_the_library_weighted_Gini()
    {
        // Choice B says the weighted Gini falls from 0.5 to 0.32.
        double parent = Impurity.Gini([50, 50]);
        double children = parent - Impurity.Decrease(Impurity.Gini, [40, 10], [10, 40]);
        Assert.Equal(0.5, parent, 1e-12);
        Assert.Equal(0.32, children, 1e-12);
        Assert.True(Week05Quiz.Grade("w05-q01", "B").IsCorrect);
    }
}
