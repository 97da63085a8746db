using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Classical.Decomposition;
using MlCourse.Core.Metrics;
using MlCourse.Core.Data;
using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// The numeric answers of the week 7 quiz are recomputed with the course library, so an answer cannot drift from the
/// definitions the notebook teaches.
/// </summary>
public class Week07QuizTests
{
    private static readonly Quiz Week07Quiz =
        Quiz.Load(Path.Combine(CoursePaths.Root, "notebooks", "month-2-classical-ml", "week-07-unsupervised", "quiz.json"));

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_every_type_and_difficulty()
    {
        Assert.True(Week07Quiz.Questions.Count >= 8);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), Week07Quiz.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Difficulty>().Order(), Week07Quiz.Questions.Select(q => q.Difficulty).Distinct().Order());
    }

    [Fact]
    public void The_explained_variance_answer_is_the_library_PCA()
    {
        // Six points ±a e1, ±b e2, ±c e3 (already centred): covariance diag(2a², 2b², 2c²)/5 = (6, 3, 1) for a² = 15, b² = 7.5, c² = 2.5.
        double a = Math.Sqrt(15), b = Math.Sqrt(7.5), c = Math.Sqrt(2.5);
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { a, 0, 0 }, { -a, 0, 0 }, { 0, b, 0 }, { 0, -b, 0 }, { 0, 0, c }, { 0, 0, -c } });
        var ratio = new Pca().Fit(x).ExplainedVarianceRatio;
        AssertAccepted(Week07Quiz, "w07-q02", ratio[0] + ratio[1]);
    }

    [Fact]
    public void The_plus_plus_answer_is_the_reference_probability() =>
        AssertAccepted(Week07Quiz, "w07-q03", Week07Solutions.PlusPlusProbabilities([[0], [2], [4]], [[0]])[2]);

    [Fact]
    public void The_silhouette_answer_is_the_library_silhouette()
    {
        // Point 0 with its cluster mate at 2 (a = 2) and the other cluster at 5, 5 (b = 5).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0 }, { 2 }, { 5 }, { 5 } });
        AssertAccepted(Week07Quiz, "w07-q07", ClusteringMetrics.SilhouetteSamples(x, [0, 0, 1, 1])[0]);
    }

    [Fact]
    public void The_Ward_answer_is_the_library_linkage_height()
    {
        // SciPy's Ward height is sqrt(2Δ): the last merge of {0, 2} with {10} gives Δ = h² / 2.
        var z = HierarchicalLinkage.Compute(Matrix<double>.Build.DenseOfArray(new double[,] { { 0 }, { 2 }, { 10 } }), LinkageMethod.Ward);
        AssertAccepted(Week07Quiz, "w07-q12", z[1, 2] * z[1, 2] / 2);
    }
}
