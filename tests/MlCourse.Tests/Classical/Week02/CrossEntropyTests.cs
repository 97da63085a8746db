using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Optimization;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week02;

public class CrossEntropyTests
{
    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    [Fact]
    public void Binary_cross_entropy_from_logits_is_finite_and_exact_at_plus_and_minus_1000()
    {
        // softplus(z) − yz: right and confident costs 0; wrong and confident costs |z| (closed form:
        // −log σ(−1000) = 1000 to double precision). The naive −log σ(z) gives +∞ for the wrong ones.
        Assert.Equal(0.0, BinaryCrossEntropy.FromLogits(V(1, 0), V(1000, -1000)));
        Assert.Equal(1000.0, BinaryCrossEntropy.FromLogits(V(1, 0), V(-1000, 1000)));
        Assert.Equal(500.0, BinaryCrossEntropy.FromLogits(V(1, 1), V(1000, -1000)));
        var g = BinaryCrossEntropy.LogitGradient(V(1, 0, 1, 0), V(1000, -1000, -1000, 1000));
        Assert.Equal([0.0, 0.0, -0.25, 0.25], g.ToArray());   // (σ(z) − y)/n with σ at its limits 0 and 1
    }

    [Fact]
    public void Binary_cross_entropy_from_logits_equals_the_probability_form_on_moderate_logits()
    {
        var y = V(1, 0, 1, 0, 1, 0.3);                       // a soft label too
        var z = V(2.5, -0.3, -1.7, 0.9, 0.0, 4.0);
        double expected = 0;
        for (int i = 0; i < y.Count; i++)
        {
            double p = 1 / (1 + Math.Exp(-z[i]));             // naive σ is accurate at these logits
            expected -= y[i] * Math.Log(p) + (1 - y[i]) * Math.Log(1 - p);
        }
        expected /= y.Count;
        Expect.Close(expected, BinaryCrossEntropy.FromLogits(y, z), 1e-14);
        Expect.Close(expected, BinaryCrossEntropy.FromProbabilities(y, Sigmoid.Of(z)), 1e-14);
    }

    [Fact]
    public void Binary_cross_entropy_gradient_matches_finite_differences()
    {
        var y = V(1, 0, 1, 0, 0.25);
        var z = V(0.4, -2.0, -3.0, 1.2, 0.1);
        var numeric = FiniteDifference.Gradient(t => BinaryCrossEntropy.FromLogits(y, t), z);
        Assert.True(FiniteDifference.RelativeError(numeric, BinaryCrossEntropy.LogitGradient(y, z)) < 1e-8);
    }

    [Fact]
    public void Binary_cross_entropy_from_probabilities_exactly_0_and_1_matches_scikit_learn_log_loss()
    {
        // Recorded: sklearn.metrics.log_loss(y, p) (eps="auto" = float64 eps) by tests/reference/week02_logistic.py.
        // Exactly right (p = 1, y = 1 or p = 0, y = 0) costs 0; exactly wrong costs −log ε = 36.04, not +∞ or NaN.
        var reference = Week02Data.Reference.GetProperty("log_loss");
        var y = Week02Data.Vector(reference.GetProperty("y"));
        var p = Week02Data.Vector(reference.GetProperty("p"));
        Assert.Equal(BinaryCrossEntropy.DefaultEpsilon, reference.GetProperty("eps").GetDouble());   // our clip equals scikit-learn's eps
        Expect.Close(reference.GetProperty("value").GetDouble(), BinaryCrossEntropy.FromProbabilities(y, p), 1e-12);
        Assert.Equal(0.0, BinaryCrossEntropy.FromProbabilities(V(1, 0), V(1, 0)));
    }

    [Fact]
    public void Categorical_cross_entropy_from_logits_is_finite_at_plus_and_minus_1000()
    {
        var logits = Matrix<double>.Build.DenseOfArray(new[,] { { 1000.0, 0.0, -1000.0 }, { 1000.0, 0.0, -1000.0 } });
        // Row 1 labelled 0: logsumexp − z₀ = 1000 − 1000 = 0. Row 2 labelled 2: 1000 − (−1000) = 2000. Mean 1000.
        Assert.Equal(1000.0, CategoricalCrossEntropy.FromLogits(V(0, 2), logits));
        var g = CategoricalCrossEntropy.LogitGradient(V(0, 2), logits);
        Assert.Equal(new[,] { { 0.0, 0.0, 0.0 }, { 0.5, 0.0, -0.5 } }, g.ToArray());   // (softmax − one-hot)/n
    }

    [Fact]
    public void Categorical_cross_entropy_matches_the_naive_formula_and_finite_differences()
    {
        var rng = MlCourse.Core.Randomness.Seeded.Random(5);
        var z = Matrix<double>.Build.Dense(6, 4, (_, _) => 3 * (rng.NextDouble() - 0.5));
        var y = V(0, 3, 1, 2, 2, 0);
        double naive = 0;
        for (int i = 0; i < 6; i++) naive -= Math.Log(Math.Exp(z[i, (int)y[i]]) / z.Row(i).Map(Math.Exp).Sum());
        Expect.Close(naive / 6, CategoricalCrossEntropy.FromLogits(y, z), 1e-14);
        Expect.Close(naive / 6, CategoricalCrossEntropy.FromProbabilities(y, SoftmaxFunctions.SoftmaxRows(z)), 1e-14);
        // Gradient vs central differences over all 24 logits (flattened column-major).
        var numeric = FiniteDifference.Gradient(t => CategoricalCrossEntropy.FromLogits(y, Matrix<double>.Build.DenseOfColumnMajor(6, 4, t.ToArray())),
            Vector<double>.Build.DenseOfArray(z.ToColumnMajorArray()));
        var analytic = Vector<double>.Build.DenseOfArray(CategoricalCrossEntropy.LogitGradient(y, z).ToColumnMajorArray());
        Assert.True(FiniteDifference.RelativeError(numeric, analytic) < 1e-8);
    }

    [Fact]
    public void Bad_labels_and_shapes_fail_naming_the_argument()
    {
        var z = Matrix<double>.Build.Dense(2, 3);
        Assert.Contains("y[1] is 3", Assert.Throws<ArgumentException>(() => CategoricalCrossEntropy.FromLogits(V(0, 3), z)).Message);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => CategoricalCrossEntropy.FromLogits(V(0, 1, 2), z)).ParamName);
        Assert.Contains("y[0] is 2", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits(V(2), V(0))).Message);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits(V(1), V(double.NaN))).ParamName);
        Assert.Contains("p[0] is 1.2", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities(V(1), V(1.2))).Message);
        Assert.Contains("y has 2 values and logits has 1", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits(V(1, 0), V(0))).Message);
    }
}
