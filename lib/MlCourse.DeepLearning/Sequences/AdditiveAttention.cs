using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>
/// Bahdanau (additive) attention as a TorchSharp module (Week 13, "Attention as soft alignment"):
/// score e_i = vᵀ tanh(W_q s + W_k h_i) for the decoder state s against every encoder output h_i,
/// α = softmax(e) over the real (unmasked) source positions, context c = Σ_i α_i h_i.
/// Padded positions get score −∞ and so weight exactly 0; the weights of a row sum to 1.
/// </summary>
public sealed class AdditiveAttention : nn.Module
{
    private readonly TorchSharp.Modules.Linear query, key, score;

    public AdditiveAttention(int queryDim, int keyDim, int attentionDim) : base(LoadedName())
    {
        Guard.Positive(queryDim, nameof(queryDim));
        Guard.Positive(keyDim, nameof(keyDim));
        Guard.Positive(attentionDim, nameof(attentionDim));
        query = nn.Linear(queryDim, attentionDim, hasBias: false);
        key = nn.Linear(keyDim, attentionDim);
        score = nn.Linear(attentionDim, 1, hasBias: false);
        RegisterComponents();
    }

    private static string LoadedName()
    {
        TorchNative.EnsureLoaded();
        return nameof(AdditiveAttention);
    }

    /// <summary>Context (B, H_k) and weights (B, S) for query (B, H_q), keys (B, S, H_k), mask (B, S) true on real tokens.</summary>
    // <snippet name="additive-attention">
    public (Tensor Context, Tensor Weights) forward(Tensor s, Tensor h, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var e = score.forward(tanh(query.forward(s).unsqueeze(1) + key.forward(h))).squeeze(-1);  // (B, S)
        e = e.masked_fill(mask.logical_not(), double.NegativeInfinity);                             // (B, S) padding → −∞
        var alpha = softmax(e, 1);                                                                  // (B, S) rows sum to 1
        var context = bmm(alpha.unsqueeze(1), h).squeeze(1);                                       // (B, H_k) = Σ_i α_i h_i
        return (context.MoveToOuterDisposeScope(), alpha.MoveToOuterDisposeScope());
    }
    // </snippet>
}
