using MlCourse.Core.Data;
using MlCourse.DeepLearning.Scratch;
using MlCourse.DeepLearning.Scratch.Normalization;
using MlCourse.Notebook;
using TorchSharp;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>The numeric answers of the week 11 quiz items w11-q01..q19 (regularisation and normalisation) are what the library and TorchSharp compute.</summary>
public sealed class Week11RegularisationQuizTests
{
    private static readonly Quiz Week11Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-3-deep-learning", "week-11-training-deep-networks", "quiz.json"));

    [Fact]
    public void The_regularisation_items_number_at_least_eight_and_cover_every_type_and_difficulty()
    {
        var mine = Week11Quiz.Questions.Where(q => string.CompareOrdinal(q.Id, "w11-q20") < 0).ToArray();
        Assert.True(mine.Length >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), mine.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), mine.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_survivor_scale_is_the_library_dropout_s_at_p_0_2() =>
        AssertAccepted(Week11Quiz, "w11-q02", ScratchDropout.Forward([1.0, 1, 1, 1, 1, 1, 1, 1], 0.2, training: true).Scale.Max());

    [Fact]
    public void The_running_variance_answer_is_the_scratch_batch_norm_s()
    {
        var layer = new ScratchBatchNorm(1, momentum: 0.1);
        layer.Forward([1.0, 3.0], batch: 2, features: 1);
        AssertAccepted(Week11Quiz, "w11-q08", layer.RunningVariance[0]);
    }

    [Fact]
    public void The_first_step_answers_are_what_torch_Adam_with_L2_and_AdamW_do_to_a_weight_with_zero_gradient()
    {
        AssertAccepted(Week11Quiz, "w11-q05", 2.0 - FirstStep(p => optim.Adam(p, lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.1)));
        AssertAccepted(Week11Quiz, "w11-q06", 2.0 - FirstStep(p => optim.AdamW(p, lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.1)));
    }

    private static double FirstStep(Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> make)
    {
        using var scope = NewDisposeScope();
        var theta = new TorchSharp.Modules.Parameter(tensor(new[] { 2.0 }, float64), requires_grad: true);
        var optimizer = make([theta]);
        theta.grad = zeros_like(theta);   // the loss gradient is zero: only the penalty or the decay moves θ
        optimizer.step();
        return theta.item<double>();
    }
}
