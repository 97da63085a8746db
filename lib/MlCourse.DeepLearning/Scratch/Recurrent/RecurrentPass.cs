namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>What <see cref="ScratchRecurrent.Forward"/> keeps for backpropagation through time.</summary>
public sealed class RecurrentPass
{
    internal RecurrentPass(ScratchRecurrent owner, int batch, int time, double[][] inputs, double[][] hidden, double[][]? cell, double[][] caches)
    {
        Owner = owner;
        Batch = batch;
        Time = time;
        Inputs = inputs;
        Hidden = hidden;
        Cell = cell;
        Caches = caches;
    }

    internal ScratchRecurrent Owner { get; }
    public int Batch { get; }
    public int Time { get; }
    /// <summary>x_t for t = 1..T, each (B, I).</summary>
    public IReadOnlyList<double[]> Inputs { get; }
    /// <summary>h_0..h_T, each (B, H): T + 1 entries, h_0 the initial state.</summary>
    public IReadOnlyList<double[]> Hidden { get; }
    /// <summary>c_0..c_T for an LSTM, null otherwise.</summary>
    public IReadOnlyList<double[]>? Cell { get; }
    /// <summary>Each step's gate activations, in the cell's own layout (what its backward step needs).</summary>
    public IReadOnlyList<double[]> Caches { get; }

    /// <summary>h_1..h_T laid out (B, T, H), batch first: what nn.RNN(batch_first: true) returns as output.</summary>
    public double[] Output
    {
        get
        {
            int h = Hidden[0].Length / Batch;
            var output = new double[Batch * Time * h];
            for (int t = 0; t < Time; t++)
                for (int b = 0; b < Batch; b++)
                    Array.Copy(Hidden[t + 1], b * h, output, (b * Time + t) * h, h);
            return output;
        }
    }

    public double[] FinalHidden => Hidden[Time];
    public double[]? FinalCell => Cell?[Time];
}
