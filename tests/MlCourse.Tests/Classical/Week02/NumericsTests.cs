using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week02;

public class NumericsTests
{
    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    [Fact]
    public void Sigmoid_reaches_its_limits_at_logits_of_plus_and_minus_1000_without_NaN()
    {
        // Limits: σ(1000) = 1/(1 + e^−1000) rounds to 1; σ(−1000) = e^−1000 underflows to 0 (below 4.9e-324).
        Assert.Equal(1.0, Sigmoid.Of(1000));
        Assert.Equal(0.0, Sigmoid.Of(-1000));
        // log σ(−1000) = −1000 − log(1 + e^−1000) = −1000 exactly in double; the naive log(σ) would be −∞.
        Assert.Equal(-1000.0, Sigmoid.Log(-1000));
        Assert.Equal(0.0, Sigmoid.Log(1000));
        Assert.True(double.IsNegativeInfinity(Math.Log(1.0 / (1.0 + Math.Exp(1000)))));   // what the naive formula gives
        Assert.Equal(1000.0, Sigmoid.Softplus(1000));
        Assert.Equal(0.0, Sigmoid.Softplus(-1000));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(2.0, 0.8807970779778823)]    // 1/(1 + e^−2), closed form
    [InlineData(-2.0, 0.11920292202211755)]  // 1 − σ(2)
    [InlineData(-40.0, 4.248354255291589e-18)] // e^−40/(1 + e^−40): the value is tiny but representable, and kept
    public void Sigmoid_matches_the_closed_form(double z, double expected) =>
        Assert.Equal(expected, Sigmoid.Of(z), 15);

    [Fact]
    public void Log_sigmoid_keeps_its_relative_accuracy_where_sigma_rounds_to_1()
    {
        // log σ(40) = −log(1 + e^−40) = −e^−40 (1 − e^−40/2 + ...) = −4.248354255291589e-18 to 16 digits
        // (series of log(1 + u), u = e^−40 = 4.248354255291589e-18). Math.Log(1 + u) would return 0 here.
        double u = Math.Exp(-40);
        Assert.Equal(-u, Sigmoid.Log(40), u * 1e-15);
        Assert.Equal(u, Sigmoid.Softplus(-40), u * 1e-15);
        Assert.Equal(-Math.Log(2), Sigmoid.Log(0), 1e-16);
    }

    [Fact]
    public void Sigmoid_is_symmetric_and_its_derivative_is_sigma_times_one_minus_sigma()
    {
        foreach (var z in new[] { -30.0, -3.0, -0.5, 0.0, 0.7, 4.0, 25.0 })
        {
            Expect.Close(1.0, Sigmoid.Of(z) + Sigmoid.Of(-z), 1e-15, $"σ({z}) + σ(−{z})");
            double s = Sigmoid.Of(z);
            Expect.Close(s * (1 - s), MlCourse.Classical.Optimization.FiniteDifference.Derivative(Sigmoid.Of, z), 1e-9, $"σ'({z})");
            // softplus' = σ, checked the same way.
            Expect.Close(s, MlCourse.Classical.Optimization.FiniteDifference.Derivative(Sigmoid.Softplus, z), 1e-9, $"softplus'({z})");
        }
    }

    [Fact]
    public void LogSumExp_at_plus_and_minus_1000_equals_the_closed_form()
    {
        // log(e^a + e^a) = a + log 2, for a = 1000 (naive: log(∞) = ∞) and a = −1000 (naive: log(0) = −∞).
        Assert.Equal(1000 + Math.Log(2), SoftmaxFunctions.LogSumExp(V(1000, 1000)), 12);
        Assert.Equal(-1000 + Math.Log(2), SoftmaxFunctions.LogSumExp(V(-1000, -1000)), 12);
        // Very different logits: the larger dominates, log(e^1000 + e^−1000) = 1000 to double precision.
        Assert.Equal(1000.0, SoftmaxFunctions.LogSumExp(V(1000, -1000)));
    }

    [Fact]
    public void Softmax_and_log_softmax_at_plus_and_minus_1000_are_finite_with_the_right_limits()
    {
        var p = SoftmaxFunctions.Softmax(V(1000, 0, -1000));
        Assert.Equal([1.0, 0.0, 0.0], p.ToArray());                // e^−1000 relative to 1: rounds to 0
        var equal = SoftmaxFunctions.Softmax(V(1000, 1000));
        Assert.Equal([0.5, 0.5], equal.ToArray());                 // naive: ∞/∞ = NaN
        var allLow = SoftmaxFunctions.Softmax(V(-1000, -1000, -1000));
        Expect.Close(V(1.0 / 3, 1.0 / 3, 1.0 / 3), allLow, 1e-15); // naive: 0/0 = NaN
        var logP = SoftmaxFunctions.LogSoftmax(V(1000, 0, -1000));
        // log softmax = z − logsumexp(z) = z − 1000 exactly, though softmax itself rounds to 0 for the last two.
        Assert.Equal([0.0, -1000.0, -2000.0], logP.ToArray());
    }

    [Fact]
    public void Softmax_equals_the_naive_formula_on_moderate_logits_and_sums_to_one()
    {
        var rng = MlCourse.Core.Randomness.Seeded.Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var z = Vector<double>.Build.Dense(5, _ => 10 * (rng.NextDouble() - 0.5));
            var naive = z.Map(Math.Exp) / z.Map(Math.Exp).Sum();
            var p = SoftmaxFunctions.Softmax(z);
            Expect.Close(naive, p, 1e-15, "softmax");
            Expect.Close(1.0, p.Sum(), 1e-15, "sum");
            Expect.Close(naive.Map(Math.Log), SoftmaxFunctions.LogSoftmax(z), 1e-13, "log-softmax");
            Expect.Close(Math.Log(z.Map(Math.Exp).Sum()), SoftmaxFunctions.LogSumExp(z), 1e-13, "logsumexp");
        }
    }

    [Fact]
    public void Row_wise_softmax_equals_softmax_of_each_row()
    {
        var z = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0, 3.0 }, { 1000.0, -5.0, 999.0 } });
        var rows = SoftmaxFunctions.SoftmaxRows(z);
        var logRows = SoftmaxFunctions.LogSoftmaxRows(z);
        for (int i = 0; i < 2; i++)
        {
            Expect.Close(SoftmaxFunctions.Softmax(z.Row(i)), rows.Row(i), 0.0);
            Expect.Close(SoftmaxFunctions.LogSoftmax(z.Row(i)), logRows.Row(i), 0.0);
        }
    }

    [Fact]
    public void NaN_inputs_fail_naming_the_argument()
    {
        Assert.Equal("z", Assert.Throws<ArgumentOutOfRangeException>(() => Sigmoid.Of(double.NaN)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => SoftmaxFunctions.Softmax(V(1, double.NaN))).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => SoftmaxFunctions.LogSumExp(V())).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() => SoftmaxFunctions.SoftmaxRows(null!)).ParamName);
    }

    [Fact]
    public void Class_labels_are_validated_with_the_offending_entry_named()
    {
        var nonBinary = Assert.Throws<ArgumentException>(() => ClassLabels.Binary(V(0, 1, 2), "y"));
        Assert.Equal("y", nonBinary.ParamName);
        Assert.Contains("y[2] is 2", nonBinary.Message);
        Assert.Contains("y[1] is 1.5", Assert.Throws<ArgumentException>(() => ClassLabels.Multiclass(V(0, 1.5, 1), "y")).Message);
        Assert.Contains("y[0] is -1", Assert.Throws<ArgumentException>(() => ClassLabels.Multiclass(V(-1, 0, 1), "y")).Message);
        Assert.Contains("label 1 never occurs", Assert.Throws<ArgumentException>(() => ClassLabels.Multiclass(V(0, 2, 2), "y")).Message);
        Assert.Contains("at least two classes", Assert.Throws<ArgumentException>(() => ClassLabels.Multiclass(V(0, 0), "y")).Message);
        Assert.Equal(3, ClassLabels.Multiclass(V(2, 0, 1, 1), "y"));
        Assert.Equal(new[,] { { 0.0, 1.0 }, { 1.0, 0.0 } }, ClassLabels.OneHot(V(1, 0), 2).ToArray());
    }
}
