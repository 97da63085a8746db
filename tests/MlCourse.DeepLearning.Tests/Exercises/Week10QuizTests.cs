using MlCourse.Core.Data;
using MlCourse.DeepLearning.Convolution;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>The numeric answers of the week 10 quiz are what the course library computes.</summary>
public sealed class Week10QuizTests
{
    private static readonly Quiz Week10Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-3-deep-learning", "week-10-convolutional-networks", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week10Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week10Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week10Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_output_size_answers_are_the_library_s()
    {
        AssertAccepted(Week10Quiz, "w10-q01", ConvolutionShape.OutputSize(28, 5));
        AssertAccepted(Week10Quiz, "w10-q02", ConvolutionShape.OutputSize(32, 3, padding: 1, stride: 2, dilation: 2));
        AssertAccepted(Week10Quiz, "w10-q10", ConvolutionShape.TransposedOutputSize(16, 4, padding: 1, stride: 2));
    }

    [Fact]
    public void The_parameter_count_answers_are_the_library_s()
    {
        var axes = ConvolutionAxes.Cube(2, kernel: 3, padding: 1);
        AssertAccepted(Week10Quiz, "w10-q03", ConvolutionCost.Standard(64, 128, [32, 32], axes).Parameters);
        double standard = ConvolutionCost.Standard(128, 128, [32, 32], axes, bias: false).Parameters;
        double separable = ConvolutionCost.DepthwiseSeparable(128, 128, [32, 32], axes, bias: false).Parameters;
        AssertAccepted(Week10Quiz, "w10-q04", standard / separable);
    }

    [Fact]
    public void The_receptive_field_answer_is_the_library_s() =>
        AssertAccepted(Week10Quiz, "w10-q07", ReceptiveField.Of([new ReceptiveLayer(3, 1), new ReceptiveLayer(3, 1), new ReceptiveLayer(3, 1)]).Size);
}
