using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Decomposition;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Decomposition;

public class TsneTests
{
    private static Matrix<double> First60Digits() => Week07Reference.Digits().SubMatrix(0, 60, 0, 64);

    [Theory]
    [InlineData(5.0)]
    [InlineData(10.0)]
    [InlineData(30.0)]
    public void Binary_search_reaches_the_target_perplexity_in_every_row(double perplexity)
    {
        // Definition: Perp(P_i) = exp(H(P_i)); the search stops when |H − ln Perp| ≤ 1e-5 nats.
        var (p, beta) = Tsne.ConditionalProbabilities(First60Digits(), perplexity);
        for (int i = 0; i < 60; i++)
        {
            Assert.Equal(0.0, p[i, i]);
            Expect.Close(1.0, p.Row(i).Sum(), 1e-12, $"row {i} sums to 1");
            Expect.Close(perplexity, Tsne.PerplexityOf(p.Row(i)), perplexity * 2e-5, $"row {i}");
            Assert.True(beta[i] > 0);
        }
    }

    [Fact]
    public void Joint_probabilities_match_scikit_learn()
    {
        // Expected: squareform(_joint_probabilities(sqeuclidean distances, 10, 0)), recorded by week07_unsupervised.py.
        // scikit-learn casts distances to float32 and stops its own bisection within 1e-5 nats, so agreement is ~1e-5 relative.
        var expected = Week07Reference.Matrix("tsne", "P");
        var actual = Tsne.JointProbabilities(First60Digits(), 10.0);
        double scale = expected.Enumerate().Max();
        Expect.Close(expected, actual, 1e-4 * scale, "joint P");
        Expect.Close(1.0, actual.Enumerate().Sum(), 1e-12, "P sums to 1");
        Expect.Close(actual, actual.Transpose(), 0.0, "P is symmetric");
    }

    [Fact]
    public void Kl_divergence_and_gradient_match_scikit_learn()
    {
        // Expected: _kl_divergence(Y, P, 1, 60, 2) at a fixed random Y, same script; same P on both sides, so exact up to rounding.
        var p = Week07Reference.Matrix("tsne", "P");
        var y = Week07Reference.Matrix("tsne", "Y");
        var (kl, grad) = Tsne.KlAndGradient(p, y);
        Expect.Close(Week07Reference.Get("tsne").GetProperty("kl").GetDouble(), kl, 1e-10);
        Expect.Close(Week07Reference.Matrix("tsne", "grad"), grad, 1e-10);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences_of_the_kl()
    {
        // Independent check: ∂KL/∂y_ic ≈ (KL(y + h e) − KL(y − h e)) / 2h.
        var p = Tsne.JointProbabilities(First60Digits().SubMatrix(0, 25, 0, 64), 6.0);
        var rng = MlCourse.Core.Randomness.Seeded.Random(5);
        var y = Matrix<double>.Build.Dense(25, 2, (_, _) => MlCourse.Core.Randomness.Seeded.NextGaussian(rng));
        var (_, grad) = Tsne.KlAndGradient(p, y);
        const double h = 1e-6;
        foreach (var (i, c) in new[] { (0, 0), (3, 1), (11, 0), (24, 1) })
        {
            var plus = y.Clone(); plus[i, c] += h;
            var minus = y.Clone(); minus[i, c] -= h;
            double numeric = (Tsne.KlAndGradient(p, plus).Kl - Tsne.KlAndGradient(p, minus).Kl) / (2 * h);
            Expect.Close(numeric, grad[i, c], 1e-6, $"dKL/dy[{i},{c}]");
        }
    }

    [Fact]
    public void Optimisation_lowers_the_kl_after_early_exaggeration_and_separates_digits()
    {
        // Property: after exaggeration stops, gradient descent with gains must end lower than where it started.
        var x = Week07Reference.Digits().SubMatrix(0, 150, 0, 64);
        var tsne = new Tsne(perplexity: 20, maxIter: 400, exaggerationIter: 100);
        var y = tsne.FitTransform(x);
        var history = tsne.KlHistory;
        double afterExaggeration = history.First(h => h.Iteration > 100).Kl;
        Assert.True(history[^1].Kl < afterExaggeration, $"KL {history[^1].Kl} should end below {afterExaggeration}.");
        Assert.Equal(150, y.RowCount);
        Assert.True(y.Enumerate().All(double.IsFinite));
    }

    [Fact]
    public void Rejects_a_perplexity_too_large_for_the_sample()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(perplexity: 30).FitTransform(First60Digits().SubMatrix(0, 20, 0, 64)));
        Assert.Equal("perplexity", ex.ParamName);
        Assert.Contains("less than n − 1 = 19", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(perplexity: -1));
        Assert.Throws<MlCourse.Core.Validation.NotFittedException>(() => new Tsne().Embedding);
    }
}
