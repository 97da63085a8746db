using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 2 quiz are recomputed with the course library, so an answer cannot drift from the
/// definitions the notebook teaches or from what it computes (w02-q10 uses the notebook's data and settings).
/// </summary>
public class Week02QuizTests
{
    private static readonly Quiz Week02Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-1-foundations", "week-02-linear-models", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week02Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week02Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week02Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_log_odds_answer_is_the_library_sigmoid() => AssertAccepted(Week02Quiz, "w02-q01", Sigmoid.Of(Math.Log(3)));

    [Fact]
    public void The_cross_entropy_answer_is_the_library_loss() =>
        AssertAccepted(Week02Quiz, "w02-q03", BinaryCrossEntropy.FromProbabilities(V(1), V(0.25)));

    [Fact]
    public void The_gradient_answer_is_the_library_logit_gradient() =>
        AssertAccepted(Week02Quiz, "w02-q04", BinaryCrossEntropy.LogitGradient(V(1), V(0))[0]);   // one sample: no 1/n to undo

    [Fact]
    public void The_softmax_answer_is_the_library_softmax() =>
        AssertAccepted(Week02Quiz, "w02-q06", SoftmaxFunctions.Softmax(V(1000, 1000 + Math.Log(2), 1000 + Math.Log(5)))[2]);

    [Fact]
    public void The_L1_answer_is_what_the_notebook_fits_on_breast_cancer()
    {
        // Section 4.3: standardised breast cancer, L1, alpha = 1/(0.1·569), proximal gradient, tolerance 1e-6.
        var data = Datasets.BreastCancer();
        var x = new StandardScaler().Fit(data.X).Transform(data.X);
        var model = new LogisticRegression(LogisticPenalty.L1, 1.0 / (0.1 * 569), solver: LogisticSolver.GradientDescent,
            maxIterations: 30_000, tolerance: 1e-6).Fit(x, data.Y);
        Assert.True(model.Converged);
        AssertAccepted(Week02Quiz, "w02-q10", model.Coefficients.Count(v => v != 0));
    }


    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
}
