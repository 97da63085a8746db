// Drill "Implement LSTM forward pass" (Week 12): your starting point. Keep the class, namespace and method
// signatures (the hidden checks call them); fill in the bodies. Base class library only.
// Check with: course drill check week-12-lstm-forward
namespace Drills.Week12;

/// <summary>The outputs h_1..h_T (T, H) and the final states h_T, c_T.</summary>
public sealed record LstmResult(double[][] Outputs, double[] FinalHidden, double[] FinalCell);

/// <summary>One LSTM layer over one sequence, PyTorch's layout: gate blocks i, f, g, o stacked in the 4H rows.</summary>
public sealed class LstmLayer
{
    /// <summary>wIh (4H, I), wHh (4H, H), bIh and bHh (4H). Inconsistent shapes: ArgumentException.</summary>
    public LstmLayer(double[,] wIh, double[,] wHh, double[] bIh, double[] bHh)
    {
    }

    public int InputSize { get; }
    public int HiddenSize { get; }

    /// <summary>Runs x_1..x_T (each of length I) from h_0 and c_0 (zeros when null). A wrong-length x_t: ArgumentException.</summary>
    public LstmResult Forward(double[][] xs, double[]? h0 = null, double[]? c0 = null)
    {
        throw new NotImplementedException();
    }
}
