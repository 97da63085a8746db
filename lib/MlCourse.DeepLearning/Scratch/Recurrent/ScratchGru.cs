namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// The GRU, TorchSharp's nn.GRU, gates stacked r, z, n: with gi = x W_ihᵀ + b_ih and gh = h W_hhᵀ + b_hh (B, 3H),
/// r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r ⊙ gh_n), h_t = (1 − z) ⊙ n + z ⊙ h_(t−1).
/// The reset gate multiplies W_hn h + b_hn (bias included), PyTorch's form, not W_hn (r ⊙ h) of the original paper, so
/// the hidden side's n-block gradient is ∂a_n ⊙ r while the input side's is ∂a_n; and h_(t−1) also reaches h_t through z.
/// </summary>
public sealed class ScratchGru : ScratchRecurrent
{
    public ScratchGru(RecurrentWeights weights) : base(weights, 3, "a GRU") { }

    public ScratchGru(int inputSize, int hiddenSize, int seed = Core.Randomness.Seeded.DefaultSeed)
        : this(RecurrentWeights.Random(inputSize, hiddenSize, 3, seed)) { }

    // The cache per step is (B, 4H): r, z, n, gh_n, each sample's row in that order.
    private protected override (double[] Hidden, double[]? Cell, double[] Cache) Step(double[] gi, double[] gh, double[] hPrev, double[]? cPrev)
    {
        int hs = HiddenSize, batch = hPrev.Length / hs;
        var h = new double[batch * hs];
        var cache = new double[batch * 4 * hs];
        for (int b = 0; b < batch; b++)
            for (int j = 0; j < hs; j++)
            {
                int a = b * 3 * hs + j, k = b * hs + j, s = b * 4 * hs + j;
                double r = Sigmoid(gi[a] + gh[a]);
                double z = Sigmoid(gi[a + hs] + gh[a + hs]);
                double n = Math.Tanh(gi[a + 2 * hs] + r * gh[a + 2 * hs]);
                h[k] = (1 - z) * n + z * hPrev[k];
                cache[s] = r; cache[s + hs] = z; cache[s + 2 * hs] = n; cache[s + 3 * hs] = gh[a + 2 * hs];
            }
        return (h, null, cache);
    }

    private protected override StepGradients StepBackward(double[] cache, double[] hPrev, double[]? cPrev, double[] dh, double[]? dc)
    {
        int hs = HiddenSize, batch = hPrev.Length / hs;
        var inputSide = new double[batch * 3 * hs];
        var hiddenSide = new double[batch * 3 * hs];
        var direct = new double[batch * hs];
        for (int b = 0; b < batch; b++)
            for (int j = 0; j < hs; j++)
            {
                int a = b * 3 * hs + j, k = b * hs + j, s = b * 4 * hs + j;
                double r = cache[s], z = cache[s + hs], n = cache[s + 2 * hs], ghn = cache[s + 3 * hs];
                double dan = dh[k] * (1 - z) * (1 - n * n);               // ∂L/∂(gi_n + r ⊙ gh_n)
                double daz = dh[k] * (hPrev[k] - n) * z * (1 - z);
                double dar = dan * ghn * r * (1 - r);
                inputSide[a] = dar; inputSide[a + hs] = daz; inputSide[a + 2 * hs] = dan;
                hiddenSide[a] = dar; hiddenSide[a + hs] = daz; hiddenSide[a + 2 * hs] = dan * r;
                direct[k] = dh[k] * z;                                     // h_(t−1) passes to h_t through the update gate
            }
        return new StepGradients(inputSide, hiddenSide, direct, null);
    }
}
