using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Sequence;

/// <summary>
/// Cross-entropy over a padded batch that ignores the pads (Week 12, variable-length sequences): with lengths ℓ_b, position t
/// of row b counts iff t &lt; ℓ_b, and the loss is Σ mask ⊙ nll / Σ mask — the mean over real tokens only. Averaging over
/// all B·T positions instead (the bug) dilutes the loss by the pads and trains the model to predict the pad token.
/// </summary>
public static class MaskedLoss
{
    /// <summary>(B, T) of 1 where t &lt; lengths[b], else 0, as float32.</summary>
    public static Tensor Mask(long[] lengths, long time)
    {
        var positions = arange(time, ScalarType.Int64).unsqueeze(0);                 // (1, T)
        return positions.lt(tensor(lengths).unsqueeze(1)).to_type(ScalarType.Float32); // (B, T)
    }

    /// <summary>logits (B, T, V), targets (B, T) (any id at pads), lengths (B) → the mean over real positions.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets, long[] lengths)
    {
        using var scope = NewDisposeScope();
        long b = logits.shape[0], t = logits.shape[1], v = logits.shape[2];
        if (lengths.Length != b) throw new ArgumentException($"lengths must hold one length per row ({b}), but holds {lengths.Length}.", nameof(lengths));
        foreach (var l in lengths) if (l < 1 || l > t) throw new ArgumentOutOfRangeException(nameof(lengths), l, $"each length must lie in [1, {t}].");
        // <snippet name="masked-cross-entropy">
        var nll = nn.functional.cross_entropy(logits.reshape(-1, v), targets.reshape(-1), reduction: nn.Reduction.None).reshape(b, t);   // (B, T)
        var mask = Mask(lengths, t).to_type(nll.dtype);
        return ((nll * mask).sum() / mask.sum()).MoveToOuterDisposeScope();
        // </snippet>
    }
}
