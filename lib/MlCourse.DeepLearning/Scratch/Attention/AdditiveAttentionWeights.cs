using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// The parameters of Bahdanau (additive) attention (Week 13), score(q, k) = vᵀ tanh(W_q q + W_k k + b): W_q (A x d_q) and
/// W_k (A x d_k) in PyTorch's (out, in) layout, the bias b (A) and the scoring vector v (A), row-major. A is the attention
/// width. Bahdanau et al. (2015) write W_a s_{i−1} + U_a h_j with no bias; b is the sum of the two nn.Linear biases a
/// TorchSharp version usually has (set it to zero for the paper's form).
/// </summary>
public sealed class AdditiveAttentionWeights
{
    public AdditiveAttentionWeights(int queryDim, int keyDim, int attentionDim, double[] queryWeight, double[] keyWeight, double[] bias, double[] score)
    {
        QueryDim = Guard.Positive(queryDim, nameof(queryDim));
        KeyDim = Guard.Positive(keyDim, nameof(keyDim));
        AttentionDim = Guard.Positive(attentionDim, nameof(attentionDim));
        Guard.Length(Guard.NotNull(queryWeight, nameof(queryWeight)).Length, attentionDim * queryDim, nameof(queryWeight), $"its shape is (A, d_q) = ({attentionDim}, {queryDim})");
        Guard.Length(Guard.NotNull(keyWeight, nameof(keyWeight)).Length, attentionDim * keyDim, nameof(keyWeight), $"its shape is (A, d_k) = ({attentionDim}, {keyDim})");
        Guard.Length(Guard.NotNull(bias, nameof(bias)).Length, attentionDim, nameof(bias), $"its shape is (A) = ({attentionDim})");
        Guard.Length(Guard.NotNull(score, nameof(score)).Length, attentionDim, nameof(score), $"its shape is (A) = ({attentionDim})");
        (QueryWeight, KeyWeight, Bias, Score) = (queryWeight, keyWeight, bias, score);
    }

    /// <summary>Seeded weights from U(−1/√fan_in, 1/√fan_in), nn.Linear's default range; the bias nonzero so a test sees it.</summary>
    public static AdditiveAttentionWeights Random(int queryDim, int keyDim, int attentionDim, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(queryDim, nameof(queryDim));
        Guard.Positive(keyDim, nameof(keyDim));
        Guard.Positive(attentionDim, nameof(attentionDim));
        var rng = Seeded.Random(seed);
        double[] Draw(int n, int fanIn) => Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble() - 1) / Math.Sqrt(fanIn)).ToArray();
        return new(queryDim, keyDim, attentionDim, Draw(attentionDim * queryDim, queryDim), Draw(attentionDim * keyDim, keyDim),
            Draw(attentionDim, queryDim), Draw(attentionDim, attentionDim));
    }

    /// <summary>d_q, the width of a query (the decoder state s_{i−1} in Bahdanau's paper).</summary>
    public int QueryDim { get; }
    /// <summary>d_k, the width of a key (an encoder state h_j).</summary>
    public int KeyDim { get; }
    /// <summary>A, the width of the hidden layer inside the score.</summary>
    public int AttentionDim { get; }
    public double[] QueryWeight { get; }
    public double[] KeyWeight { get; }
    public double[] Bias { get; }
    public double[] Score { get; }
}

/// <summary>
/// What <see cref="AdditiveAttention.Forward"/> computed and keeps for the backward pass: the inputs and sizes, tanh of the
/// hidden layer U (B, L, S, A), the scores E (B, L, S), the weights α = softmax_j E (B, L, S) and the context Σ_j α_j v_j (B, L, d_v).
/// </summary>
public sealed record AdditivePass(int Batch, int QueryLength, int KeyLength, int ValueDim, double[] Query, double[] Key, double[] Value,
    double[] Hidden, double[] Scores, double[] Weights, double[] Context);

/// <summary>∂L/∂(every input and parameter) of additive attention, each the shape of its variable.</summary>
public sealed record AdditiveGradients(double[] Query, double[] Key, double[] Value, double[] QueryWeight, double[] KeyWeight, double[] Bias, double[] Score);
