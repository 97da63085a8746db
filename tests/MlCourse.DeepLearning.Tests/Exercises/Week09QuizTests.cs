using MlCourse.Core.Data;
using MlCourse.DeepLearning.Scratch;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>The numeric answers of the week 9 quiz are what the course library computes.</summary>
public sealed class Week09QuizTests
{
    private static readonly Quiz Week09Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-3-deep-learning", "week-09-neural-networks", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week09Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week09Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week09Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_largest_sigmoid_derivative_is_the_library_s_at_zero() =>
        AssertAccepted(Week09Quiz, "w09-q03", Activation.Sigmoid.Derivative(0));

    [Fact]
    public void The_cross_entropy_gradient_answer_is_the_library_s_for_a_batch_of_two()
    {
        var (_, gradient) = ScratchLosses.SoftmaxCrossEntropy([0, Math.Log(3), 0, Math.Log(3)], 2, 2, [1, 1]);
        AssertAccepted(Week09Quiz, "w09-q05", gradient[0]);
    }

    [Fact]
    public void The_He_standard_deviation_answer_is_the_library_s() =>
        AssertAccepted(Week09Quiz, "w09-q07", Initialisation.Std(WeightInit.He, 512, 256));
}
