using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch.Attention;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch.Attention;

/// <summary>
/// Scratch Bahdanau attention against central finite differences (every input and parameter) and against the same formula
/// written in TorchSharp float64 ops with autograd; the padding rule; a plausible mistake (the softmax over the queries
/// instead of the keys) caught.
/// </summary>
public sealed class AdditiveAttentionTests
{
    private const int B = 2, L = 3, S = 4, Dq = 5, Dk = 3, A = 6, Dv = 2;

    private static double[] Draw(int n, int seed)
    {
        var rng = Seeded.Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
    }

    private sealed record Problem(AdditiveAttentionWeights W, double[] Q, double[] K, double[] V, double[] R, bool[]? Padding)
    {
        public AdditivePass Forward() => AdditiveAttention.Forward(W, Q, K, V, B, L, S, Dv, Padding);
        public double Loss() => Forward().Context.Zip(R, (c, r) => c * r).Sum();   // L = Σ c ⊙ R, so ∂L/∂c = R
    }

    private static Problem Make(bool pad, int seed = 1) => new(AdditiveAttentionWeights.Random(Dq, Dk, A, seed),
        Draw(B * L * Dq, seed + 1), Draw(B * S * Dk, seed + 2), Draw(B * S * Dv, seed + 3), Draw(B * L * Dv, seed + 4),
        pad ? [false, false, false, false, false, true, false, true] : null);   // (B, S): batch 1 pads keys 1 and 3

    private static void Close(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < tolerance, $"{what}: largest difference {worst:g3}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_gradient_matches_central_finite_differences(bool pad)
    {
        var p = Make(pad);
        var g = AdditiveAttention.Backward(p.W, p.Forward(), p.R);
        var cases = new[]
        {
            (p.Q, g.Query, "dQ"), (p.K, g.Key, "dK"), (p.V, g.Value, "dV"), (p.W.QueryWeight, g.QueryWeight, "dW_q"),
            (p.W.KeyWeight, g.KeyWeight, "dW_k"), (p.W.Bias, g.Bias, "db"), (p.W.Score, g.Score, "dv"),
        };
        foreach (var (values, gradient, name) in cases)
        {
            var numeric = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                double keep = values[i];
                values[i] = keep + 1e-6; double up = p.Loss();
                values[i] = keep - 1e-6; double down = p.Loss();
                values[i] = keep;
                numeric[i] = (up - down) / 2e-6;
            }
            Close(numeric, gradient, 1e-8, name);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forward_and_backward_match_TorchSharp_autograd_in_float64(bool pad)
    {
        var p = Make(pad, seed: 7);
        var pass = p.Forward();
        var g = AdditiveAttention.Backward(p.W, pass, p.R);

        using var scope = NewDisposeScope();
        Tensor Leaf(double[] x, long[] dims) => TensorConversion.ToTensor(x, dims).requires_grad_(true);
        var q = Leaf(p.Q, [B, L, Dq]);
        var k = Leaf(p.K, [B, S, Dk]);
        var v = Leaf(p.V, [B, S, Dv]);
        var wq = Leaf(p.W.QueryWeight, [A, Dq]);
        var wk = Leaf(p.W.KeyWeight, [A, Dk]);
        var bias = Leaf(p.W.Bias, [A]);
        var score = Leaf(p.W.Score, [A]);
        // e_ij = vᵀ tanh(W_q q_i + W_k k_j + b), broadcast over (B, L, S, A).
        var hidden = (matmul(q, wq.t()).unsqueeze(2) + matmul(k, wk.t()).unsqueeze(1) + bias).tanh();       // (B, L, S, A)
        var scores = matmul(hidden, score);                                                                  // (B, L, S)
        if (p.Padding is not null) scores = scores.masked_fill(tensor(p.Padding, [B, 1, S]), double.NegativeInfinity);
        var alpha = scores.softmax(-1);                                                                      // (B, L, S)
        var context = matmul(alpha, v);                                                                      // (B, L, d_v)
        (context * TensorConversion.ToTensor(p.R, [B, L, Dv])).sum().backward();

        Close(TensorConversion.ToDoubles(alpha), pass.Weights, 1e-13, "weights");
        Close(TensorConversion.ToDoubles(context), pass.Context, 1e-13, "context");
        foreach (var (leaf, mine, name) in new[] { (q, g.Query, "dQ"), (k, g.Key, "dK"), (v, g.Value, "dV"), (wq, g.QueryWeight, "dW_q"),
                     (wk, g.KeyWeight, "dW_k"), (bias, g.Bias, "db"), (score, g.Score, "dv") })
            Close(TensorConversion.ToDoubles(leaf.grad!), mine, 1e-12, name);
    }

    [Fact]
    public void Weights_sum_to_one_over_the_keys_and_padded_keys_get_none()
    {
        var pass = Make(pad: true).Forward();
        for (int row = 0; row < B * L; row++) Assert.Equal(1.0, pass.Weights.Skip(row * S).Take(S).Sum(), 12);
        for (int i = 0; i < L; i++)
        {
            Assert.Equal(0.0, pass.Weights[(L + i) * S + 1]);
            Assert.Equal(0.0, pass.Weights[(L + i) * S + 3]);
        }
    }

    [Fact]
    public void A_softmax_over_the_queries_instead_of_the_keys_is_caught()
    {
        // The plausible mistake: normalising each key's column over the L queries. Its rows no longer sum to one.
        var pass = Make(pad: false).Forward();
        var wrong = new double[pass.Scores.Length];
        for (int b = 0; b < B; b++)
            for (int j = 0; j < S; j++)
            {
                double sum = Enumerable.Range(0, L).Sum(i => Math.Exp(pass.Scores[(b * L + i) * S + j]));
                for (int i = 0; i < L; i++) wrong[(b * L + i) * S + j] = Math.Exp(pass.Scores[(b * L + i) * S + j]) / sum;
            }
        Assert.True(wrong.Zip(pass.Weights, (x, y) => Math.Abs(x - y)).Max() > 1e-2);
    }

    [Fact]
    public void Every_key_padded_gives_a_zero_context_and_no_gradient()
    {
        var w = AdditiveAttentionWeights.Random(2, 2, 3);
        var pass = AdditiveAttention.Forward(w, [1, 2], [1, 0, 0, 1], [3, 4], 1, 1, 2, 1, [true, true]);
        Assert.Equal([0.0], pass.Context);
        var g = AdditiveAttention.Backward(w, pass, [1]);
        Assert.All(g.Query.Concat(g.Key).Concat(g.QueryWeight).Concat(g.Score), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Bad_shapes_name_the_argument_and_the_expected_shape()
    {
        var w = AdditiveAttentionWeights.Random(Dq, Dk, A);
        var e = Assert.Throws<ArgumentException>(() => AdditiveAttention.Forward(w, new double[B * L * Dq], new double[7], new double[B * S * Dv], B, L, S, Dv));
        Assert.Equal("key", e.ParamName);
        Assert.Contains("(2, 4, 3)", e.Message);
        var s = Assert.Throws<ArgumentException>(() => new AdditiveAttentionWeights(Dq, Dk, A, new double[A * Dq], new double[A * Dk], new double[A], new double[A + 1]));
        Assert.Equal("score", s.ParamName);
    }
}
