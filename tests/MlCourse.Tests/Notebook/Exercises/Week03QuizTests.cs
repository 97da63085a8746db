using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Schedules;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Classical.Optimization.TestFunctions;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 3 quiz are recomputed with the course library, so an answer cannot drift from the
/// code the notebook teaches.
/// </summary>
public class Week03QuizTests
{
    private static readonly Quiz Week03Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-1-foundations", "week-03-optimization", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week03Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week03Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week03Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_momentum_answer_is_what_the_library_sgd_reaches()
    {
        // Choice C, "about 10 times": the library's momentum step after 200 constant-gradient steps over plain SGD's step.
        var theta = Vector<double>.Build.Dense(1);
        var opt = new Sgd(0.01, momentum: 0.9);
        double before = 0;
        for (int t = 0; t < 200; t++) { before = theta[0]; opt.Step(theta, Vector<double>.Build.DenseOfArray([1.0])); }
        Assert.Equal(10.0, (before - theta[0]) / 0.01, 6);
        Assert.True(Week03Quiz.Grade("w03-q01", "C").IsCorrect);
    }

    [Fact]
    public void The_step_size_limit_answer_is_two_over_the_largest_eigenvalue() =>
        AssertAccepted(Week03Quiz, "w03-q03", 2 / Quadratic.Bowl(10).Eigenvalues[^1]);

    [Fact]
    public void The_missing_bias_correction_answer_is_the_first_step_without_it()
    {
        // Without the correction the first step is lr·m₁/√v₁; the library's corrected step is lr·g/|g|, so the ratio of
        // the uncorrected to the corrected step is (m₁/√v₁)/1 with m₁ = (1 − β₁)g, v₁ = (1 − β₂)g².
        var theta = Vector<double>.Build.Dense(1);
        new Adam(lr: 1.0, eps: 0).Step(theta, Vector<double>.Build.DenseOfArray([5.0]));
        double corrected = -theta[0];
        double uncorrected = 0.1 * 5.0 / Math.Sqrt(0.001 * 25.0);
        AssertAccepted(Week03Quiz, "w03-q04", uncorrected / corrected);
    }

    [Fact]
    public void The_cosine_answer_is_the_library_schedule() => AssertAccepted(Week03Quiz, "w03-q07", new CosineAnnealing(0.1, 100).Rate(50));
}
