using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Recurrent;
using MlCourse.DeepLearning.Sequence;
using MlCourse.Notebook;
using TorchSharp;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>The numeric answers of the Week 12 recurrent-networks quiz items are what the library and TorchSharp compute.</summary>
public sealed class Week12QuizTests
{
    private static readonly Quiz Week12Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-3-deep-learning", "week-12-sequence-models", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week12Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week12Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week12Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_ten_steps_back_factor_is_what_BPTT_measures_for_half_an_orthogonal_matrix()
    {
        var q = Matrix<double>.Build.Random(6, 6, new MathNet.Numerics.Distributions.Normal(0, 1, Seeded.Random(1))).QR().Q;
        var rnn = new ScratchRnn(new RecurrentWeights(2, 6, 1, new double[12], (0.5 * q).ToRowMajorArray(), new double[6], new double[6]));
        double[] unit = [1, 0, 0, 0, 0, 0];
        var norms = GradientNormsThroughTime.Measure(rnn, new double[11 * 2], 1, 11, unit);   // zero input: the RNN is linear
        AssertAccepted(Week12Quiz, "w12-q02", norms[10] / norms[0]);
    }

    [Fact]
    public void The_LSTM_parameter_count_is_TorchSharp_s()
    {
        TorchNative.EnsureLoaded();
        using var lstm = torch.nn.LSTM(32, 128);
        AssertAccepted(Week12Quiz, "w12-q06", lstm.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void The_uniform_perplexity_is_the_baseline_s()
    {
        var ids = Enumerable.Range(0, 8_001).Select(t => t % 8).ToArray();
        AssertAccepted(Week12Quiz, "w12-q12", CharNGramBaseline.Fit(ids, 8, smoothing: 1e-9).UnigramPerplexity(ids));
    }
}
