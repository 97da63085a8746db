using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// The four parameter arrays of one recurrent layer, laid out exactly as TorchSharp's nn.RNN / nn.LSTM / nn.GRU
/// name and store them (Week 12): <c>weight_ih_l0</c> (G·H x I), <c>weight_hh_l0</c> (G·H x H), <c>bias_ih_l0</c>
/// and <c>bias_hh_l0</c> (G·H), row-major, gate blocks stacked in PyTorch's order (G = 1 for an RNN, 4 for an LSTM
/// with i, f, g, o, 3 for a GRU with r, z, n). Copying TorchSharp's tensors in element for element gives the same layer.
/// </summary>
public sealed class RecurrentWeights
{
    public RecurrentWeights(int inputSize, int hiddenSize, int gateCount, double[] weightIh, double[] weightHh, double[] biasIh, double[] biasHh)
    {
        InputSize = Guard.Positive(inputSize, nameof(inputSize));
        HiddenSize = Guard.Positive(hiddenSize, nameof(hiddenSize));
        GateCount = Guard.Positive(gateCount, nameof(gateCount));
        int rows = gateCount * hiddenSize;
        Guard.Length(Guard.NotNull(weightIh, nameof(weightIh)).Length, rows * inputSize, nameof(weightIh), $"its shape is ({rows}, {inputSize}) = (gates·hidden, input)");
        Guard.Length(Guard.NotNull(weightHh, nameof(weightHh)).Length, rows * hiddenSize, nameof(weightHh), $"its shape is ({rows}, {hiddenSize}) = (gates·hidden, hidden)");
        Guard.Length(Guard.NotNull(biasIh, nameof(biasIh)).Length, rows, nameof(biasIh), $"its shape is ({rows}) = (gates·hidden)");
        Guard.Length(Guard.NotNull(biasHh, nameof(biasHh)).Length, rows, nameof(biasHh), $"its shape is ({rows}) = (gates·hidden)");
        WeightIh = weightIh;
        WeightHh = weightHh;
        BiasIh = biasIh;
        BiasHh = biasHh;
    }

    /// <summary>PyTorch's default for recurrent layers: every parameter drawn from U(−1/√H, 1/√H).</summary>
    public static RecurrentWeights Random(int inputSize, int hiddenSize, int gateCount, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(inputSize, nameof(inputSize));
        Guard.Positive(hiddenSize, nameof(hiddenSize));
        Guard.Positive(gateCount, nameof(gateCount));
        var rng = Seeded.Random(seed);
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble() - 1) * bound).ToArray();
        int rows = gateCount * hiddenSize;
        return new RecurrentWeights(inputSize, hiddenSize, gateCount, Draw(rows * inputSize), Draw(rows * hiddenSize), Draw(rows), Draw(rows));
    }

    public int InputSize { get; }
    public int HiddenSize { get; }
    /// <summary>Gate blocks stacked in each array: 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n).</summary>
    public int GateCount { get; }
    public double[] WeightIh { get; }
    public double[] WeightHh { get; }
    public double[] BiasIh { get; }
    public double[] BiasHh { get; }
}
