using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// Vanishing and exploding gradients measured (Week 12): ‖∂L/∂h_t‖ for t = T, T−1, …, 1 when the loss sees only the final
/// state. Each step back multiplies by diag(σ′) W_hhᵀ, so for a 1-unit linear RNN the norm changes by exactly |w| a step,
/// and in general by at most ‖W_hh‖₂ (tanh′ ≤ 1): below 1 the signal from early steps dies away geometrically.
/// </summary>
public static class GradientNormsThroughTime
{
    /// <summary>
    /// Runs <paramref name="layer"/> over x (B, T, I) from h_0 and backpropagates ∂L/∂h_T = <paramref name="finalHiddenGradient"/>
    /// (B, H) alone. Entry k of the result is the Frobenius norm over the batch of ∂L/∂h_(T−k): entry 0 is t = T.
    /// </summary>
    public static double[] Measure(ScratchRecurrent layer, double[] x, int batch, int time, double[] finalHiddenGradient, double[]? h0 = null)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.NotNull(finalHiddenGradient, nameof(finalHiddenGradient));
        var pass = layer.Forward(x, batch, time, h0);
        return FromGradients(layer.Backward(pass, outputGradient: null, finalHiddenGradient));
    }

    /// <summary>The norms of <see cref="RecurrentGradients.HiddenStates"/>, latest step first (t = T..1).</summary>
    public static double[] FromGradients(RecurrentGradients gradients)
    {
        Guard.NotNull(gradients, nameof(gradients));
        return gradients.HiddenStates.Reverse().Select(g => Math.Sqrt(g.Sum(v => v * v))).ToArray();
    }
}
