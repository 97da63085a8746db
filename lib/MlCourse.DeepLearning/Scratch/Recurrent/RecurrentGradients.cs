namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// What backpropagation through time returns: ∂L/∂ of every input of the layer. <see cref="HiddenStates"/>[t] is the
/// total ∂L/∂h_(t+1) (B x H), the loss's own term at that step plus everything flowing back from later steps, which is
/// what <see cref="GradientNormsThroughTime"/> measures.
/// </summary>
public sealed record RecurrentGradients(
    double[] Input,               // (B, T, I)
    double[] InitialHidden,       // (B, H)
    double[]? InitialCell,        // (B, H), LSTM only
    double[] WeightIh,            // (G·H, I)
    double[] WeightHh,            // (G·H, H)
    double[] BiasIh,              // (G·H)
    double[] BiasHh,              // (G·H)
    IReadOnlyList<double[]> HiddenStates);   // T entries of (B, H)
