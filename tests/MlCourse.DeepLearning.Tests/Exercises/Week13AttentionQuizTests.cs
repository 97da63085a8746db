using MlCourse.Core.Data;
using MlCourse.DeepLearning.Scratch.Attention;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>The numeric answers of the Week 13 attention quiz (items w13-q01..w13-q19) are what the course library or TorchSharp computes.</summary>
public sealed class Week13AttentionQuizTests
{
    private static readonly Quiz Week13Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-4-advanced-architectures", "week-13-attention", "quiz.json"));

    private static IEnumerable<QuizQuestion> Attention => Week13Quiz.Questions.Where(q => string.CompareOrdinal(q.Id, "w13-q20") < 0);

    [Fact]
    public void The_attention_items_are_at_least_eight_of_every_type_and_difficulty()
    {
        Assert.True(Attention.Count() >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Attention.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Attention.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_two_key_weight_is_the_scratch_attention_s()
    {
        var pass = ScaledDotProductAttention.Forward([1, 0], [1, 0, 0, 1], [0, 0], new AttentionShape(1, 1, 1, 2, 2, 1));
        AssertAccepted(Week13Quiz, "w13-q03", pass.Weights[0]);
    }

    [Fact]
    public void The_parameter_count_is_nn_MultiheadAttention_s()
    {
        using var mha = nn.MultiheadAttention(512, 8);
        AssertAccepted(Week13Quiz, "w13-q07", mha.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void The_uniform_entropy_is_the_library_s() =>
        AssertAccepted(Week13Quiz, "w13-q10", ScoreScaling.SoftmaxEntropy(new double[16]));

    [Fact]
    public void The_memory_answer_is_a_float32_tensor_of_L_by_L()
    {
        using var weights = zeros(1024, 1024, ScalarType.Float32);
        AssertAccepted(Week13Quiz, "w13-q11", weights.numel() * weights.element_size() / (double)(1 << 20));
    }
}
