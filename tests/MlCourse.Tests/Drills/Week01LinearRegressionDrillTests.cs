using Drills.Week01;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Data;

namespace MlCourse.Tests.Drills;

public class Week01LinearRegressionDrillTests
{
    private static (double[][] X, double[] y) Diabetes()
    {
        var d = Datasets.Diabetes();
        return (d.X.ToRowArrays(), d.Y.ToArray());
    }

    [Fact]
    public void Closed_form_matches_MathNet_QR_least_squares_on_diabetes()
    {
        var (X, y) = Diabetes();
        var drill = new LinearRegressionDrill().FitClosedForm(X, y);

        // Independent reference: MathNet's Householder QR solve of [X | 1] θ ≈ y.
        var A = Matrix<double>.Build.DenseOfRowArrays(X.Select(r => r.Append(1.0).ToArray()));
        var theta = A.QR().Solve(Vector<double>.Build.DenseOfArray(y));

        for (int j = 0; j < drill.W.Length; j++) Assert.Equal(theta[j], drill.W[j], 1e-6);
        Assert.Equal(theta[^1], drill.B, 1e-6);
    }

    [Fact]
    public void Gradient_descent_on_standardised_features_converges_to_the_closed_form()
    {
        var (raw, y) = Diabetes();
        int d = raw[0].Length;
        var mean = Enumerable.Range(0, d).Select(j => raw.Average(r => r[j])).ToArray();
        var std = Enumerable.Range(0, d).Select(j => Math.Sqrt(raw.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])))).ToArray();
        var X = raw.Select(r => r.Select((v, j) => (v - mean[j]) / std[j]).ToArray()).ToArray();

        var closed = new LinearRegressionDrill().FitClosedForm(X, y);
        var gd = new LinearRegressionDrill().FitGradientDescent(X, y, lr: 0.1, epochs: 20000);

        // Same convex problem, so the same minimiser; the tolerance reflects the slow directions
        // of the diabetes features (s1, s2 are strongly correlated), not an accepted bias.
        for (int j = 0; j < d; j++) Assert.Equal(closed.W[j], gd.W[j], 1e-2);
        Assert.Equal(closed.B, gd.B, 1e-6);
    }

    [Fact]
    public void Predict_returns_the_fitted_line_on_exact_data()
    {
        // y = 3 x0 - 2 x1 + 5 exactly, so least squares recovers it to rounding.
        double[][] X = [[0, 0], [1, 0], [0, 1], [2, 3], [4, 1]];
        var y = X.Select(r => 3 * r[0] - 2 * r[1] + 5).ToArray();
        var m = new LinearRegressionDrill().FitClosedForm(X, y);
        Assert.Equal(3.0, m.W[0], 1e-10);
        Assert.Equal(-2.0, m.W[1], 1e-10);
        Assert.Equal(5.0, m.B, 1e-10);
        Assert.Equal(3 * 7 - 2 * 8 + 5, m.Predict([7, 8]), 1e-9);
    }

    [Fact]
    public void Collinear_features_get_a_clear_error()
    {
        double[][] X = [[1, 2], [2, 4], [3, 6]];
        var ex = Assert.Throws<InvalidOperationException>(() => new LinearRegressionDrill().FitClosedForm(X, [1, 2, 3]));
        Assert.Contains("singular", ex.Message);
    }

    [Fact]
    public void The_interview_questions_page_shows_exactly_the_tested_reference()
    {
        var root = CoursePaths.Root;
        var code = File.ReadAllText(Path.Combine(root, "drills", "week-01-linear-regression", "Reference.cs")).ReplaceLineEndings("\n").Trim();
        var page = File.ReadAllText(Path.Combine(root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals", "interview-questions.md")).ReplaceLineEndings("\n");
        Assert.Contains(code, page);
    }
}
