using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// Bahdanau (additive) attention from scratch (Week 13, "Bahdanau attention derived"): for each query q_i and key k_j the
/// score is e_ij = vᵀ tanh(W_q q_i + W_k k_j + b), a one-hidden-layer network that compares the two; α_i = softmax_j(e_ij)
/// (the maximum subtracted) and the context is c_i = Σ_j α_ij v_j. Arrays are batch first: query (B, L, d_q), key (B, S, d_k),
/// value (B, S, d_v). In Bahdanau's decoder the query is the previous decoder state and the keys and values are both the
/// encoder states. Unlike dot-product attention the score needs no 1/√d_k: the tanh bounds it by ‖v‖₁.
/// </summary>
public static class AdditiveAttention
{
    /// <summary><paramref name="keyIsPadding"/> (B, S): true marks a key no query may attend to (nn.MultiheadAttention's convention).
    /// A query whose every key is padding gets zero weights and a zero context, as in <see cref="ScaledDotProductAttention"/>.</summary>
    public static AdditivePass Forward(AdditiveAttentionWeights weights, double[] query, double[] key, double[] value,
        int batch, int queryLength, int keyLength, int valueDim, bool[]? keyIsPadding = null)
    {
        Guard.NotNull(weights, nameof(weights));
        Guard.Positive(batch, nameof(batch));
        Guard.Positive(queryLength, nameof(queryLength));
        Guard.Positive(keyLength, nameof(keyLength));
        Guard.Positive(valueDim, nameof(valueDim));
        var (dq, dk, a) = (weights.QueryDim, weights.KeyDim, weights.AttentionDim);
        Guard.Length(Guard.NotNull(query, nameof(query)).Length, batch * queryLength * dq, nameof(query), $"its shape is (B, L, d_q) = ({batch}, {queryLength}, {dq})");
        Guard.Length(Guard.NotNull(key, nameof(key)).Length, batch * keyLength * dk, nameof(key), $"its shape is (B, S, d_k) = ({batch}, {keyLength}, {dk})");
        Guard.Length(Guard.NotNull(value, nameof(value)).Length, batch * keyLength * valueDim, nameof(value), $"its shape is (B, S, d_v) = ({batch}, {keyLength}, {valueDim})");
        if (keyIsPadding is not null)
            Guard.Length(keyIsPadding.Length, batch * keyLength, nameof(keyIsPadding), $"its shape is (B, S) = ({batch}, {keyLength})");

        // <snippet name="additive-attention-forward">
        var projectedQuery = DenseKernels.LinearForward(query, batch * queryLength, dq, weights.QueryWeight, weights.Bias, a);   // (B, L, A), b added here
        var projectedKey = DenseKernels.LinearForward(key, batch * keyLength, dk, weights.KeyWeight, new double[a], a);         // (B, S, A)
        var hidden = new double[batch * queryLength * keyLength * a];                                                            // (B, L, S, A)
        var scores = new double[batch * queryLength * keyLength];                                                                // (B, L, S)
        var alpha = new double[scores.Length];                                                                                   // (B, L, S)
        var context = new double[batch * queryLength * valueDim];                                                                // (B, L, d_v)
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < queryLength; i++)
            {
                int row = (b * queryLength + i) * keyLength;
                double max = double.NegativeInfinity;
                for (int j = 0; j < keyLength; j++)
                {
                    if (keyIsPadding?[b * keyLength + j] == true) { scores[row + j] = double.NegativeInfinity; continue; }
                    double e = 0;
                    for (int h = 0; h < a; h++)
                    {
                        double u = hidden[(row + j) * a + h] = Math.Tanh(projectedQuery[(b * queryLength + i) * a + h] + projectedKey[(b * keyLength + j) * a + h]);
                        e += weights.Score[h] * u;
                    }
                    scores[row + j] = e;
                    max = Math.Max(max, e);
                }
                if (double.IsNegativeInfinity(max)) continue;   // every key padded: weights and context stay zero
                double sum = 0;
                for (int j = 0; j < keyLength; j++) sum += alpha[row + j] = Math.Exp(scores[row + j] - max);
                for (int j = 0; j < keyLength; j++)
                {
                    double p = alpha[row + j] /= sum;
                    for (int d = 0; d < valueDim; d++) context[(b * queryLength + i) * valueDim + d] += p * value[(b * keyLength + j) * valueDim + d];
                }
            }
        // </snippet>
        return new AdditivePass(batch, queryLength, keyLength, valueDim, query, key, value, hidden, scores, alpha, context);
    }

    /// <summary>
    /// The backward pass for ∂L/∂c = <paramref name="contextGradient"/> (B, L, d_v). Reading the forward pass upwards:
    /// ∂v_j = Σ_i α_ij ∂c_i; ∂α_ij = ∂c_i · v_j; the softmax gives ∂e_ij = α_ij (∂α_ij − Σ_j' α_ij' ∂α_ij'); through
    /// e = vᵀu: ∂v_score += ∂e · u and ∂z = ∂e · v ⊙ (1 − u²) for the pre-activation z = W_q q_i + W_k k_j + b; then
    /// ∂W_q += ∂z q_iᵀ, ∂W_k += ∂z k_jᵀ, ∂b += ∂z, ∂q_i += W_qᵀ ∂z, ∂k_j += W_kᵀ ∂z.
    /// </summary>
    public static AdditiveGradients Backward(AdditiveAttentionWeights weights, AdditivePass pass, double[] contextGradient)
    {
        Guard.NotNull(weights, nameof(weights));
        Guard.NotNull(pass, nameof(pass));
        var (bn, l, s, dv) = (pass.Batch, pass.QueryLength, pass.KeyLength, pass.ValueDim);
        var (dq, dk, a) = (weights.QueryDim, weights.KeyDim, weights.AttentionDim);
        Guard.Length(Guard.NotNull(contextGradient, nameof(contextGradient)).Length, bn * l * dv, nameof(contextGradient), $"its shape is (B, L, d_v) = ({bn}, {l}, {dv})");
        var g = new AdditiveGradients(new double[pass.Query.Length], new double[pass.Key.Length], new double[pass.Value.Length],
            new double[a * dq], new double[a * dk], new double[a], new double[a]);
        var dAlpha = new double[s];
        var dz = new double[a];
        // <snippet name="additive-attention-backward">
        for (int b = 0; b < bn; b++)
            for (int i = 0; i < l; i++)
            {
                int row = (b * l + i) * s, c = (b * l + i) * dv;
                double inner = 0;
                for (int j = 0; j < s; j++)
                {
                    double p = pass.Weights[row + j], acc = 0;
                    for (int d = 0; d < dv; d++)
                    {
                        acc += contextGradient[c + d] * pass.Value[(b * s + j) * dv + d];
                        g.Value[(b * s + j) * dv + d] += p * contextGradient[c + d];
                    }
                    dAlpha[j] = acc;
                    inner += p * acc;
                }
                for (int j = 0; j < s; j++)
                {
                    double de = pass.Weights[row + j] * (dAlpha[j] - inner);
                    if (de == 0) continue;   // a padded key (α = 0) passes no gradient
                    for (int h = 0; h < a; h++)
                    {
                        double u = pass.Hidden[(row + j) * a + h];
                        g.Score[h] += de * u;
                        dz[h] = de * weights.Score[h] * (1 - u * u);
                        g.Bias[h] += dz[h];
                    }
                    for (int h = 0; h < a; h++)
                    {
                        for (int m = 0; m < dq; m++)
                        {
                            g.QueryWeight[h * dq + m] += dz[h] * pass.Query[(b * l + i) * dq + m];
                            g.Query[(b * l + i) * dq + m] += weights.QueryWeight[h * dq + m] * dz[h];
                        }
                        for (int m = 0; m < dk; m++)
                        {
                            g.KeyWeight[h * dk + m] += dz[h] * pass.Key[(b * s + j) * dk + m];
                            g.Key[(b * s + j) * dk + m] += weights.KeyWeight[h * dk + m] * dz[h];
                        }
                    }
                }
            }
        // </snippet>
        return g;
    }
}
