namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// The Elman RNN, TorchSharp's nn.RNN with tanh: h_t = tanh(x_t W_ihᵀ + b_ih + h_(t−1) W_hhᵀ + b_hh).
/// Backward: δ_t = ∂L/∂h_t ⊙ (1 − h_t²) feeds both weight matrices, and ∂L/∂h_(t−1) = δ_t W_hh carries on back.
/// </summary>
public sealed class ScratchRnn : ScratchRecurrent
{
    public ScratchRnn(RecurrentWeights weights) : base(weights, 1, "an RNN") { }

    public ScratchRnn(int inputSize, int hiddenSize, int seed = Core.Randomness.Seeded.DefaultSeed)
        : this(RecurrentWeights.Random(inputSize, hiddenSize, 1, seed)) { }

    private protected override (double[] Hidden, double[]? Cell, double[] Cache) Step(double[] gi, double[] gh, double[] hPrev, double[]? cPrev)
    {
        var h = new double[gi.Length];
        for (int j = 0; j < h.Length; j++) h[j] = Math.Tanh(gi[j] + gh[j]);   // (B, H)
        return (h, null, h);
    }

    private protected override StepGradients StepBackward(double[] cache, double[] hPrev, double[]? cPrev, double[] dh, double[]? dc)
    {
        var delta = new double[dh.Length];
        for (int j = 0; j < delta.Length; j++) delta[j] = dh[j] * (1 - cache[j] * cache[j]);   // tanh′ = 1 − tanh²
        return new StepGradients(delta, delta, null, null);
    }
}
