using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// Scaled dot-product attention from scratch (Week 13): for every batch entry and head, P = softmax(Q Kᵀ · scale + M) row by
/// row and the output is P V, scale = 1/√d_k unless given (functional.scaled_dot_product_attention's default). The softmax
/// subtracts each row's maximum before exponentiating, so large scores never overflow.
/// <para>A fully masked row (every score −∞) has no softmax (0/0, NaN in a naive softmax). The rule here is explicit:
/// such a query gets all-zero weights, a zero output and zero gradient, as if it attended to nothing; TorchSharp 0.107.0's
/// scaled_dot_product_attention also returns a zero output row there (checked in the tests).</para>
/// </summary>
public static class ScaledDotProductAttention
{
    public static AttentionPass Forward(double[] query, double[] key, double[] value, AttentionShape shape,
        AttentionMask? mask = null, bool causal = false, double? scale = null)
    {
        Guard.NotNull(shape, nameof(shape));
        shape.Check(query, "query", nameof(query));
        shape.Check(key, "key", nameof(key));
        shape.Check(value, "value", nameof(value));
        mask?.CheckAgainst(shape, nameof(mask));
        double s = scale ?? 1.0 / Math.Sqrt(shape.KeyDim);
        if (scale is not null) Guard.Finite(s, nameof(scale));

        var (l, n, dk, dv) = (shape.QueryLength, shape.KeyLength, shape.KeyDim, shape.ValueDim);
        var weights = new double[shape.WeightsSize];
        var output = new double[shape.OutputSize];
        var row = new double[n];
        // <snippet name="scaled-dot-product-forward">
        for (int plane = 0; plane < shape.Batch * shape.Heads; plane++)
            for (int i = 0; i < l; i++)
            {
                double max = double.NegativeInfinity;
                for (int j = 0; j < n; j++)
                {
                    double score;
                    if (causal && j > i) score = double.NegativeInfinity;
                    else
                    {
                        score = 0;
                        for (int d = 0; d < dk; d++) score += query[(plane * l + i) * dk + d] * key[(plane * n + j) * dk + d];
                        score = score * s + (mask?.At(plane, i, j, shape) ?? 0);
                    }
                    row[j] = score;
                    if (score > max) max = score;
                }
                if (double.IsNegativeInfinity(max)) continue;   // fully masked: weights and output stay zero (the documented rule)
                double sum = 0;
                for (int j = 0; j < n; j++) sum += row[j] = Math.Exp(row[j] - max);
                int w = (plane * l + i) * n;
                for (int j = 0; j < n; j++)
                {
                    double p = weights[w + j] = row[j] / sum;
                    for (int d = 0; d < dv; d++) output[(plane * l + i) * dv + d] += p * value[(plane * n + j) * dv + d];
                }
            }
        // </snippet>
        return new AttentionPass(shape, query, key, value, s, weights, output);
    }

    /// <summary>
    /// The backward pass for ∂L/∂O = <paramref name="outputGradient"/> (B, H, L, d_v): ∂V = Pᵀ ∂O; ∂P = ∂O Vᵀ; the softmax's
    /// Jacobian gives ∂Z = P ⊙ (∂P − rowsum(∂P ⊙ P)) for the scores Z; then ∂Q = scale · ∂Z K and ∂K = scale · ∂Zᵀ Q.
    /// Masked entries have P = 0, so they pass no gradient; a fully masked row passes none at all.
    /// </summary>
    public static AttentionGradients Backward(AttentionPass pass, double[] outputGradient)
    {
        Guard.NotNull(pass, nameof(pass));
        var shape = pass.Shape;
        shape.Check(outputGradient, "output", nameof(outputGradient));
        var (l, n, dk, dv) = (shape.QueryLength, shape.KeyLength, shape.KeyDim, shape.ValueDim);
        var (q, k, v, p) = (pass.Query, pass.Key, pass.Value, pass.Weights);
        var dq = new double[shape.QuerySize];
        var dkey = new double[shape.KeySize];
        var dval = new double[shape.ValueSize];
        var dp = new double[n];
        for (int plane = 0; plane < shape.Batch * shape.Heads; plane++)
            for (int i = 0; i < l; i++)
            {
                int w = (plane * l + i) * n, o = (plane * l + i) * dv;
                double inner = 0;
                for (int j = 0; j < n; j++)
                {
                    double pij = p[w + j], acc = 0;
                    for (int d = 0; d < dv; d++)
                    {
                        acc += outputGradient[o + d] * v[(plane * n + j) * dv + d];
                        dval[(plane * n + j) * dv + d] += pij * outputGradient[o + d];
                    }
                    dp[j] = acc;
                    inner += acc * pij;
                }
                for (int j = 0; j < n; j++)
                {
                    double dz = p[w + j] * (dp[j] - inner) * pass.Scale;
                    if (dz == 0) continue;
                    for (int d = 0; d < dk; d++)
                    {
                        dq[(plane * l + i) * dk + d] += dz * k[(plane * n + j) * dk + d];
                        dkey[(plane * n + j) * dk + d] += dz * q[(plane * l + i) * dk + d];
                    }
                }
            }
        return new AttentionGradients(dq, dkey, dval);
    }
}
