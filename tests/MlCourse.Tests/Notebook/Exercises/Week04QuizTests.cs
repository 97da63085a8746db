using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Classical.ModelSelection;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 4 quiz are recomputed with the course library, so an answer cannot drift from the
/// definitions the notebook teaches.
/// </summary>
public class Week04QuizTests
{
    private static readonly Quiz Week04Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-1-foundations", "week-04-evaluation", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week04Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week04Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week04Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_F1_answer_is_the_library_F1()
    {
        // TP = 40, FP = 10, FN = 20 (TN = 30, any value): labels and predictions that produce those counts.
        var y = V(Enumerable.Repeat(1.0, 60).Concat(Enumerable.Repeat(0.0, 40)).ToArray());
        var yHat = V(Enumerable.Repeat(1.0, 40).Concat(Enumerable.Repeat(0.0, 20)).Concat(Enumerable.Repeat(1.0, 10)).Concat(Enumerable.Repeat(0.0, 30)).ToArray());
        AssertAccepted(Week04Quiz, "w04-q01", ClassificationMetrics.F1(y, yHat));
    }

    [Fact]
    public void The_AUC_answer_is_the_library_AUC() => AssertAccepted(Week04Quiz, "w04-q04", RocCurve.Auc(V(1, 1, 0, 0), V(0.9, 0.4, 0.6, 0.2)));

    [Fact]
    public void The_sample_size_answer_is_the_library_formula_rounded_up() =>
        AssertAccepted(Week04Quiz, "w04-q07", Math.Ceiling(SampleSize.TwoProportions(0.10, 0.12)));

    [Fact]
    public void The_sample_size_tolerance_accepts_two_decimal_z_values_and_rejects_a_one_sided_test_or_both_arms()
    {
        // The same formula by hand with table values: z = 1.96 and 0.84 give 3836.5, rounded up 3837.
        static double PerArm(double zAlpha, double zBeta) =>
            Math.Pow(zAlpha * Math.Sqrt(2 * 0.11 * 0.89) + zBeta * Math.Sqrt(0.10 * 0.90 + 0.12 * 0.88), 2) / (0.02 * 0.02);
        AssertAccepted(Week04Quiz, "w04-q07", Math.Ceiling(PerArm(1.96, 0.84)));
        Assert.False(Week04Quiz.Grade("w04-q07", Math.Ceiling(PerArm(1.645, 0.8416))).IsCorrect, "a one-sided z passed");
        Assert.False(Week04Quiz.Grade("w04-q07", 2 * Math.Ceiling(SampleSize.TwoProportions(0.10, 0.12))).IsCorrect, "both arms passed");
    }

    [Fact]
    public void The_Brier_answer_is_the_library_Brier_score() => AssertAccepted(Week04Quiz, "w04-q08", ProbabilisticMetrics.BrierScore(V(1, 0), V(0.8, 0.3)));


    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
}
