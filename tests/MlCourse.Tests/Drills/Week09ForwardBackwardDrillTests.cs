using Drills.Week09;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Drills;

public class Week09ForwardBackwardDrillTests
{
    private static (TwoLayerNet Net, double[,] X, int[] Y) Problem(int seed)
    {
        var rng = Seeded.Random(seed);
        var w1 = new double[7, 5];
        var w2 = new double[4, 7];
        var x = new double[9, 5];
        for (int j = 0; j < 7; j++) for (int m = 0; m < 5; m++) w1[j, m] = rng.NextGaussian() * 0.6;
        for (int c = 0; c < 4; c++) for (int j = 0; j < 7; j++) w2[c, j] = rng.NextGaussian() * 0.6;
        for (int i = 0; i < 9; i++) for (int m = 0; m < 5; m++) x[i, m] = rng.NextGaussian();
        var b1 = Enumerable.Range(0, 7).Select(j => 0.1 * (j - 3)).ToArray();
        var b2 = new[] { 0.1, -0.2, 0.3, 0.0 };
        return (new TwoLayerNet(w1, b1, w2, b2), x, Enumerable.Range(0, 9).Select(i => i % 4).ToArray());
    }

    // The loss as a function of all parameters flattened (W1, b1, W2, b2), for FiniteDifference.
    private static double Loss(Vector<double> theta, double[,] x, int[] y)
    {
        var t = theta.ToArray();
        int k = 0;
        var w1 = new double[7, 5]; for (int j = 0; j < 7; j++) for (int m = 0; m < 5; m++) w1[j, m] = t[k++];
        var b1 = new double[7]; for (int j = 0; j < 7; j++) b1[j] = t[k++];
        var w2 = new double[4, 7]; for (int c = 0; c < 4; c++) for (int j = 0; j < 7; j++) w2[c, j] = t[k++];
        var b2 = new double[4]; for (int c = 0; c < 4; c++) b2[c] = t[k++];
        return new TwoLayerNet(w1, b1, w2, b2).LossAndGradients(x, y).Loss;
    }

    private static Vector<double> Flatten(double[,] w1, double[] b1, double[,] w2, double[] b2) =>
        Vector<double>.Build.DenseOfEnumerable(w1.Cast<double>().Concat(b1).Concat(w2.Cast<double>()).Concat(b2));

    [Fact]
    public void Every_gradient_matches_central_finite_differences_of_the_loss()
    {
        var (net, x, y) = Problem(seed: 5);
        var g = net.LossAndGradients(x, y);
        var numeric = FiniteDifference.Gradient(theta => Loss(theta, x, y), Flatten(net.W1, net.B1, net.W2, net.B2));
        Assert.True(FiniteDifference.RelativeError(numeric, Flatten(g.DW1, g.DB1, g.DW2, g.DB2)) < 1e-7);
    }

    [Fact]
    public void The_loss_of_uniform_logits_is_ln_K_and_the_output_gradient_is_softmax_minus_one_hot_over_B()
    {
        // Zero weights: logits 0, softmax 1/4 each, loss ln 4; dL/db2 = Σ_i (1/4 − onehot)/B = (1/4 − share of each label).
        var net = new TwoLayerNet(new double[3, 2], new double[3], new double[4, 3], new double[4]);
        var g = net.LossAndGradients(new double[,] { { 1, 2 }, { 3, 4 } }, [0, 0]);
        Assert.Equal(Math.Log(4), g.Loss, 14);
        Assert.Equal([0.25 - 1, 0.25, 0.25, 0.25], g.DB2);
    }

    [Fact]
    public void Gradient_descent_learns_the_sklearn_digits_0_to_3()
    {
        // Real data: the 8x8 digits (pixels scaled by 1/16), classes 0-3 only, first 400 such images.
        var digits = Datasets.Digits();
        var rows = Enumerable.Range(0, digits.Y.Count).Where(i => digits.Y[i] < 4).Take(400).ToArray();
        var x = new double[rows.Length, 64];
        for (int i = 0; i < rows.Length; i++) for (int m = 0; m < 64; m++) x[i, m] = digits.X[rows[i], m] / 16.0;
        var y = rows.Select(i => (int)digits.Y[i]).ToArray();
        var rng = Seeded.Random(1);
        var w1 = new double[32, 64];
        var w2 = new double[4, 32];
        for (int j = 0; j < 32; j++) for (int m = 0; m < 64; m++) w1[j, m] = rng.NextGaussian() * Math.Sqrt(2.0 / 64);   // He
        for (int c = 0; c < 4; c++) for (int j = 0; j < 32; j++) w2[c, j] = rng.NextGaussian() * Math.Sqrt(2.0 / 32);
        var net = new TwoLayerNet(w1, new double[32], w2, new double[4]);
        double first = net.LossAndGradients(x, y).Loss;
        for (int t = 0; t < 200; t++) net.SgdStep(net.LossAndGradients(x, y), 0.5);
        var logits = net.Forward(x);
        double accuracy = Enumerable.Range(0, rows.Length).Count(i => Enumerable.Range(0, 4).MaxBy(c => logits[i, c]) == y[i]) / (double)rows.Length;
        Assert.True(net.LossAndGradients(x, y).Loss < first / 10);
        Assert.True(accuracy > 0.97, $"training accuracy {accuracy}");
    }

    [Fact]
    public void Bad_shapes_fail_naming_the_argument()
    {
        Assert.Equal("w2", Assert.Throws<ArgumentException>(() => new TwoLayerNet(new double[2, 2], new double[2], new double[3, 3], new double[3])).ParamName);
        Assert.Equal("b1", Assert.Throws<ArgumentException>(() => new TwoLayerNet(new double[2, 2], new double[3], new double[3, 2], new double[3])).ParamName);
        var net = new TwoLayerNet(new double[2, 2], new double[2], new double[3, 2], new double[3]);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => net.Forward(new double[1, 3])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => net.LossAndGradients(new double[2, 2], [0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => net.LossAndGradients(new double[1, 2], [3])).ParamName);
    }

    [Fact]
    public void The_interview_questions_page_shows_exactly_the_tested_reference()
    {
        var root = CoursePaths.Root;
        var code = File.ReadAllText(Path.Combine(root, "drills", "week-09-forward-backward", "Reference.cs")).ReplaceLineEndings("\n").Trim();
        var page = File.ReadAllText(Path.Combine(root, "notebooks", "month-3-deep-learning", "week-09-neural-networks", "interview-questions.md")).ReplaceLineEndings("\n");
        Assert.Contains(code, page);
    }
}
