using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 6 quiz are recomputed with the course library, so an answer cannot drift from the
/// definitions the notebook teaches.
/// </summary>
public class Week06QuizTests
{
    private static readonly Quiz Week06Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-2-classical-ml", "week-06-svm-kernels", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week06Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week06Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week06Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_margin_answer_is_two_over_the_norm_of_w() =>
        AssertAccepted(Week06Quiz, "w06-q01", 2 / Vector<double>.Build.DenseOfArray([3.0, 4.0]).L2Norm());

    [Fact]
    public void Deleting_a_point_whose_alpha_is_zero_leaves_the_decision_function_in_place()
    {
        // w06-q02 on the notebook's overlapping pair (versicolor vs virginica, RBF): a point with α = 0 has its dual
        // bound active and y f(x) ≥ 1 − tolerance; refitting without it gives the same f up to SMO's stopping tolerance.
        var iris = Datasets.Iris();
        var rows = Enumerable.Range(0, iris.Y.Count).Where(r => iris.Y[r] > 0).ToArray();
        var x = Matrix<double>.Build.DenseOfRowVectors(rows.Select(r => iris.X.Row(r)));
        var y = Vector<double>.Build.DenseOfEnumerable(rows.Select(r => iris.Y[r] == 2 ? 1.0 : 0.0));
        var full = new SupportVectorClassifier(Kernel.Rbf(0.5), 1.0).Fit(x, y);
        var fFull = full.DecisionFunction(x);
        int removed = Enumerable.Range(0, y.Count).First(r => full.Alpha[r] == 0);
        Assert.True((2 * y[removed] - 1) * fFull[removed] >= 1 - 1e-3);
        var keep = Enumerable.Range(0, y.Count).Where(r => r != removed).ToArray();
        var smaller = new SupportVectorClassifier(Kernel.Rbf(0.5), 1.0).Fit(
            Matrix<double>.Build.DenseOfRowVectors(keep.Select(x.Row)), Vector<double>.Build.DenseOfEnumerable(keep.Select(r => y[r])));
        Assert.True((smaller.DecisionFunction(x) - fFull).AbsoluteMaximum() < 1e-2);
        Assert.True(Week06Quiz.Grade("w06-q02", "A").IsCorrect);
    }

    [Fact]
    public void The_hinge_answer_is_the_library_hinge_loss() => AssertAccepted(Week06Quiz, "w06-q03", HingeLoss.Of(1, 0.3));

    [Fact]
    public void The_kernel_answer_is_the_library_polynomial_kernel() =>
        AssertAccepted(Week06Quiz, "w06-q06", Kernel.Polynomial(2, 1, 1).Compute([1.0, 2.0], [3.0, -1.0]));
}
