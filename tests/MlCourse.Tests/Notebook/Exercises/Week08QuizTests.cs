using MlCourse.Classical.Imputation;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>The numeric answers of the week 8 quiz are recomputed from their definitions or with the library.</summary>
public class Week08QuizTests
{
    private static readonly Quiz Week08Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-2-classical-ml", "week-08-feature-engineering", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week08Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week08Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week08Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_min_max_answer_is_the_library_scaler_on_a_test_value()
    {
        var scaler = new MlCourse.Classical.Preprocessing.MinMaxScaler().Fit(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfColumnArrays(new double[] { 20, 45, 70 }));
        AssertAccepted(Week08Quiz, "w08-q01", scaler.Transform(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(1, 1, 95))[0, 0]);
    }

    [Fact]
    public void The_target_encoding_answer_is_the_smoothed_mean() => AssertAccepted(Week08Quiz, "w08-q04", (3 + 10 * 0.2) / (5 + 10));

    [Fact]
    public void The_collision_answer_is_the_formula() => AssertAccepted(Week08Quiz, "w08-q06", 1 - Math.Pow(1 - 1.0 / 1000, 1000));

    [Fact]
    public void The_rubin_answer_is_the_library_total_variance() =>
        AssertAccepted(Week08Quiz, "w08-q08", RubinsRules.Pool([1.0, 1.4, 1.2], [0.04, 0.05, 0.06]).Total);
}
