using MlCourse.Core.Data;
using MlCourse.DeepLearning.Exercises;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>The numeric answers of week 11's training-in-practice quiz items (w11-q20 on) are what the library computes.</summary>
public sealed class Week11ScalingQuizTests
{
    private static readonly Quiz Week11Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-3-deep-learning", "week-11-training-deep-networks", "quiz.json"));

    [Fact]
    public void The_clipping_answer_is_the_reference_clip() =>
        AssertAccepted(Week11Quiz, "w11-q21", Week11ScalingSolutions.ClipByNorm([[3.0], [4.0]], 1.0)[0][0]);

    [Fact]
    public void The_warmup_answer_is_the_reference_rate_of_step_zero() =>
        AssertAccepted(Week11Quiz, "w11-q22", Week11ScalingSolutions.Warmup(0, 4, 0.1));

    [Fact]
    public void The_bf16_answer_is_what_libtorch_rounds_to()
    {
        using var value = tensor(1 + Math.Pow(2, -9), dtype: ScalarType.BFloat16);
        AssertAccepted(Week11Quiz, "w11-q26", value.to_type(ScalarType.Float64).item<double>());
    }
}
