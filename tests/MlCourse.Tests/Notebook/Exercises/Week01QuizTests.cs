using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 1 quiz are recomputed here with the course library, so a quiz
/// answer cannot drift from what the notebook computes (questions marked "uses this notebook's
/// data") or from the definitions the notebook teaches.
/// </summary>
public class Week01QuizTests
{
    private static readonly Quiz Week01Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week01Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week01Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week01Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_mse_answer_is_the_library_mse()
    {
        // w01-q02: predictions (2, 0, 4), targets (1, 0, 1).
        var mse = new MeanSquaredError().Value(V(1, 0, 1), V(2, 0, 4));
        AssertAccepted(Week01Quiz, "w01-q02", mse);
    }

    [Fact]
    public void The_huber_answer_is_the_library_huber_loss()
    {
        // w01-q04: delta 1, residual 3 (one sample, so the mean is the value itself).
        var huber = new HuberLoss(delta: 1.0).Value(V(0), V(3));
        AssertAccepted(Week01Quiz, "w01-q04", huber);
    }

    [Fact]
    public void The_hat_matrix_trace_answer_is_computed_on_the_diabetes_data()
    {
        // w01-q06: the notebook's section 2 computes P.Trace() for A = [1 | X] on the raw diabetes features.
        var x = Datasets.Diabetes().X;
        var trace = LeastSquaresGeometry.HatMatrix(x).Trace();
        AssertAccepted(Week01Quiz, "w01-q06", trace);
    }

    [Fact]
    public void The_learning_rate_limit_answer_is_computed_on_the_standardised_diabetes_data()
    {
        // w01-q07: the notebook's section 5.2, 2/λmax of (2/n)AᵀA with A = [1 | standardised X].
        var z = new StandardScaler().FitTransform(Datasets.Diabetes().X);
        var a = LeastSquaresGeometry.DesignMatrix(z);
        var hessian = a.TransposeThisAndMultiply(a) * (2.0 / z.RowCount);
        double lambdaMax = hessian.Evd(Symmetricity.Symmetric).D.Diagonal().Maximum();
        AssertAccepted(Week01Quiz, "w01-q07", 2.0 / lambdaMax);
    }

    [Fact]
    public void The_soft_threshold_answer_is_the_library_soft_threshold() =>
        AssertAccepted(Week01Quiz, "w01-q08", LassoRegression.SoftThreshold(-2.0, 0.5));    // w01-q08: z = -2, gamma = 0.5

    [Fact]
    public void The_ridge_answer_is_what_ridge_regression_fits_on_an_orthonormal_design()
    {
        // w01-q09: one orthonormal feature (unit column) whose least-squares weight is z = 3: y = 3·x exactly.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.6 }, { 0.8 } });   // ‖x‖ = 1
        var y = x.Column(0) * 3.0;
        var w = new RidgeRegression(alpha: 2.0, fitIntercept: false).Fit(x, y).Coefficients[0];
        AssertAccepted(Week01Quiz, "w01-q09", w);
    }


    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
}
