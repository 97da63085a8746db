using Drills.Week13;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Drills;

public class Week13AttentionDrillTests
{
    private static double[,] Draw(int rows, int columns, int seed)
    {
        var rng = Seeded.Random(seed);
        var x = new double[rows, columns];
        for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) x[i, j] = rng.NextGaussian();
        return x;
    }

    [Fact]
    public void Weights_are_the_softmax_of_the_scaled_scores_worked_out_for_two_keys()
    {
        // q = [2, 0], k = [[1, 0], [0, 3]], d_k = 2: scores [2, 0]/√2, so the weights are σ(√2) and 1 − σ(√2).
        var (output, weights) = Attention.ScaledDotProduct(new double[,] { { 2, 0 } }, new double[,] { { 1, 0 }, { 0, 3 } }, new double[,] { { 10 }, { 20 } });
        double p = 1 / (1 + Math.Exp(-Math.Sqrt(2)));
        Assert.Equal(p, weights[0, 0], 14);
        Assert.Equal(1 - p, weights[0, 1], 14);
        Assert.Equal(10 * p + 20 * (1 - p), output[0, 0], 12);
    }

    [Fact]
    public void A_fully_masked_query_gets_zero_weights_and_a_zero_output()
    {
        var (output, weights) = Attention.ScaledDotProduct(Draw(2, 3, 1), Draw(2, 3, 2), Draw(2, 2, 3), new bool[,] { { false, false }, { true, true } });
        Assert.Equal([0.0, 0.0], new[] { weights[0, 0], weights[0, 1] });
        Assert.Equal([0.0, 0.0], new[] { output[0, 0], output[0, 1] });
        Assert.Equal(1.0, weights[1, 0] + weights[1, 1], 14);
    }

    [Fact]
    public void One_head_with_identity_weights_is_plain_scaled_dot_product_self_attention()
    {
        var x = Draw(5, 4, 4);
        var eye = new double[4, 4];
        for (int m = 0; m < 4; m++) eye[m, m] = 1;
        var (expected, _) = Attention.ScaledDotProduct(x, x, x, Attention.Causal(5));
        var actual = Attention.MultiHeadSelfAttention(x, eye, eye, eye, eye, 1, causal: true);
        Assert.Equal(expected.Cast<double>(), actual.Cast<double>());
    }

    [Fact]
    public void Bad_shapes_fail_naming_the_argument()
    {
        Assert.Equal("k", Assert.Throws<ArgumentException>(() => Attention.ScaledDotProduct(new double[2, 3], new double[2, 4], new double[2, 1])).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Attention.ScaledDotProduct(new double[2, 3], new double[2, 3], new double[3, 1])).ParamName);
        Assert.Equal("heads", Assert.Throws<ArgumentException>(() => Attention.MultiHeadSelfAttention(new double[2, 4], new double[4, 4], new double[4, 4], new double[4, 4], new double[4, 4], 3)).ParamName);
        Assert.Equal("wo", Assert.Throws<ArgumentException>(() => Attention.MultiHeadSelfAttention(new double[2, 4], new double[4, 4], new double[4, 4], new double[4, 4], new double[4, 3], 2)).ParamName);
    }

    [Fact]
    public void The_interview_questions_page_shows_exactly_the_tested_reference()
    {
        var root = CoursePaths.Root;
        var code = File.ReadAllText(Path.Combine(root, "drills", "week-13-attention", "Reference.cs")).ReplaceLineEndings("\n").Trim();
        var page = File.ReadAllText(Path.Combine(root, "notebooks", "month-4-advanced-architectures", "week-13-attention", "interview-questions.md")).ReplaceLineEndings("\n");
        Assert.Contains(code, page);
    }
}
