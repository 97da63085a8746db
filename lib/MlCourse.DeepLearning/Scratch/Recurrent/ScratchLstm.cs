namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// The LSTM, TorchSharp's nn.LSTM, gates stacked i, f, g, o: with a = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh (B, 4H),
/// i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), c_t = f ⊙ c_(t−1) + i ⊙ g, h_t = o ⊙ tanh(c_t).
/// Backward: ∂L/∂c_t = ∂L/∂c (from t+1) + ∂L/∂h_t ⊙ o ⊙ (1 − tanh² c_t); then ∂f = ∂c ⊙ c_(t−1) (the previous cell state,
/// the term a hurried derivation drops), ∂i = ∂c ⊙ g, ∂g = ∂c ⊙ i, ∂o = ∂h ⊙ tanh c_t, and ∂L/∂c_(t−1) = ∂c ⊙ f.
/// </summary>
public sealed class ScratchLstm : ScratchRecurrent
{
    public ScratchLstm(RecurrentWeights weights) : base(weights, 4, "an LSTM") { }

    public ScratchLstm(int inputSize, int hiddenSize, int seed = Core.Randomness.Seeded.DefaultSeed)
        : this(RecurrentWeights.Random(inputSize, hiddenSize, 4, seed)) { }

    private protected override bool HasCell => true;

    // The cache per step is (B, 5H): i, f, g, o, tanh(c_t), each sample's row in that order.
    private protected override (double[] Hidden, double[]? Cell, double[] Cache) Step(double[] gi, double[] gh, double[] hPrev, double[]? cPrev)
    {
        int hs = HiddenSize, batch = hPrev.Length / hs;
        var h = new double[batch * hs];
        var c = new double[batch * hs];
        var cache = new double[batch * 5 * hs];
        // <snippet name="scratch-lstm-step">
        for (int b = 0; b < batch; b++)
            for (int j = 0; j < hs; j++)
            {
                int a = b * 4 * hs + j, k = b * hs + j, s = b * 5 * hs + j;
                double ig = Sigmoid(gi[a] + gh[a]);
                double fg = Sigmoid(gi[a + hs] + gh[a + hs]);
                double gg = Math.Tanh(gi[a + 2 * hs] + gh[a + 2 * hs]);
                double og = Sigmoid(gi[a + 3 * hs] + gh[a + 3 * hs]);
                c[k] = fg * cPrev![k] + ig * gg;
                double tc = Math.Tanh(c[k]);
                h[k] = og * tc;
                cache[s] = ig; cache[s + hs] = fg; cache[s + 2 * hs] = gg; cache[s + 3 * hs] = og; cache[s + 4 * hs] = tc;
            }
        // </snippet>
        return (h, c, cache);
    }

    private protected override StepGradients StepBackward(double[] cache, double[] hPrev, double[]? cPrev, double[] dh, double[]? dc)
    {
        int hs = HiddenSize, batch = hPrev.Length / hs;
        var delta = new double[batch * 4 * hs];     // ∂L/∂a (B, 4H), the same for the input and the hidden side
        var dcPrev = new double[batch * hs];
        for (int b = 0; b < batch; b++)
            for (int j = 0; j < hs; j++)
            {
                int a = b * 4 * hs + j, k = b * hs + j, s = b * 5 * hs + j;
                double ig = cache[s], fg = cache[s + hs], gg = cache[s + 2 * hs], og = cache[s + 3 * hs], tc = cache[s + 4 * hs];
                double dct = dc![k] + dh[k] * og * (1 - tc * tc);
                delta[a] = dct * gg * ig * (1 - ig);                      // ∂a_i
                delta[a + hs] = dct * cPrev![k] * fg * (1 - fg);          // ∂a_f: needs c_(t−1)
                delta[a + 2 * hs] = dct * ig * (1 - gg * gg);             // ∂a_g
                delta[a + 3 * hs] = dh[k] * tc * og * (1 - og);           // ∂a_o
                dcPrev[k] = dct * fg;
            }
        return new StepGradients(delta, delta, null, dcPrev);
    }
}
