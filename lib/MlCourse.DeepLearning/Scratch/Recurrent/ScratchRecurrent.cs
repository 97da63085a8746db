using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Recurrent;

/// <summary>
/// A one-layer recurrent network over a batch-first sequence (B, T, I) in plain arrays (Week 12). The loop over time and
/// backpropagation through time (BPTT) live here once; each cell (<see cref="ScratchRnn"/>, <see cref="ScratchLstm"/>,
/// <see cref="ScratchGru"/>) writes only its step forward and its step backward. Every cell's pre-activations are
/// x_t W_ihᵀ + b_ih and h_(t−1) W_hhᵀ + b_hh, so a backward step hands back ∂L/∂ of those two (B, G·H) arrays and the
/// weight, input and recurrent gradients follow from them the same way for all three.
/// </summary>
public abstract class ScratchRecurrent
{
    private protected ScratchRecurrent(RecurrentWeights weights, int gateCount, string cellName)
    {
        Weights = Guard.NotNull(weights, nameof(weights));
        if (weights.GateCount != gateCount)
            throw new ArgumentException($"weights must hold {gateCount} gate blocks for {cellName}, but hold {weights.GateCount}.", nameof(weights));
    }

    public RecurrentWeights Weights { get; }
    public int InputSize => Weights.InputSize;
    public int HiddenSize => Weights.HiddenSize;
    private protected virtual bool HasCell => false;

    /// <summary>Runs the layer over x (B, T, I), batch first, from h_0 (B, H; zeros if null) and, for an LSTM, c_0.</summary>
    public RecurrentPass Forward(double[] x, int batch, int time, double[]? h0 = null, double[]? c0 = null)
    {
        Guard.NotNull(x, nameof(x));
        Guard.Positive(batch, nameof(batch));
        Guard.Positive(time, nameof(time));
        int i = InputSize, h = HiddenSize;
        Guard.Length(x.Length, batch * time * i, nameof(x), $"its shape must be (batch {batch}, time {time}, input {i}), batch first");
        if (h0 is not null) Guard.Length(h0.Length, batch * h, nameof(h0), $"its shape must be (batch {batch}, hidden {h})");
        if (c0 is not null && !HasCell) throw new ArgumentException("c0 is an LSTM's initial cell state; this cell has none.", nameof(c0));
        if (c0 is not null) Guard.Length(c0.Length, batch * h, nameof(c0), $"its shape must be (batch {batch}, hidden {h})");

        var inputs = new double[time][];
        var hidden = new double[time + 1][];
        var cell = HasCell ? new double[time + 1][] : null;
        var caches = new double[time][];
        hidden[0] = h0 is null ? new double[batch * h] : (double[])h0.Clone();
        if (cell is not null) cell[0] = c0 is null ? new double[batch * h] : (double[])c0.Clone();
        for (int t = 0; t < time; t++)
        {
            inputs[t] = new double[batch * i];                                                  // (B, I) = x[:, t, :]
            for (int b = 0; b < batch; b++) Array.Copy(x, (b * time + t) * i, inputs[t], b * i, i);
            var gi = DenseKernels.LinearForward(inputs[t], batch, i, Weights.WeightIh, Weights.BiasIh, Weights.GateCount * h);   // (B, G·H)
            var gh = DenseKernels.LinearForward(hidden[t], batch, h, Weights.WeightHh, Weights.BiasHh, Weights.GateCount * h);   // (B, G·H)
            (hidden[t + 1], var c, caches[t]) = Step(gi, gh, hidden[t], cell?[t]);
            if (cell is not null) cell[t + 1] = c!;
        }
        return new RecurrentPass(this, batch, time, inputs, hidden, cell, caches);
    }

    /// <summary>
    /// BPTT: given ∂L/∂output (B, T, H) and ∂L/∂h_T (B, H) (and ∂L/∂c_T for an LSTM; any may be null for zero), walks
    /// t = T..1 carrying ∂L/∂h_t back through the recurrent weights. <paramref name="truncateAfter"/> = k stops the carried
    /// term after k steps (truncated BPTT); k = 1 is the classic bug of dropping the recurrent term altogether.
    /// </summary>
    public RecurrentGradients Backward(RecurrentPass pass, double[]? outputGradient, double[]? finalHiddenGradient = null,
        double[]? finalCellGradient = null, int? truncateAfter = null)
    {
        Guard.NotNull(pass, nameof(pass));
        if (!ReferenceEquals(pass.Owner, this)) throw new ArgumentException("pass must come from this layer's Forward.", nameof(pass));
        int batch = pass.Batch, time = pass.Time, i = InputSize, h = HiddenSize, rows = Weights.GateCount * h;
        if (outputGradient is not null) Guard.Length(outputGradient.Length, batch * time * h, nameof(outputGradient), $"its shape must be (batch {batch}, time {time}, hidden {h})");
        if (finalHiddenGradient is not null) Guard.Length(finalHiddenGradient.Length, batch * h, nameof(finalHiddenGradient), $"its shape must be (batch {batch}, hidden {h})");
        if (finalCellGradient is not null && !HasCell) throw new ArgumentException("finalCellGradient is for an LSTM's cell state; this cell has none.", nameof(finalCellGradient));
        if (finalCellGradient is not null) Guard.Length(finalCellGradient.Length, batch * h, nameof(finalCellGradient), $"its shape must be (batch {batch}, hidden {h})");
        if (truncateAfter is not null) Guard.Positive(truncateAfter.Value, nameof(truncateAfter));

        var dx = new double[batch * time * i];
        var dWih = new double[rows * i];
        var dWhh = new double[rows * h];
        var dbih = new double[rows];
        var dbhh = new double[rows];
        var dHidden = new double[time][];
        var dh = finalHiddenGradient is null ? new double[batch * h] : (double[])finalHiddenGradient.Clone();   // ∂L/∂h_T
        var dc = HasCell ? (finalCellGradient is null ? new double[batch * h] : (double[])finalCellGradient.Clone()) : null;
        for (int t = time - 1; t >= 0; t--)
        {
            if (truncateAfter is int k && time - 1 - t >= k && (time - 1 - t) % k == 0)
            {
                // Truncated BPTT: forget what flowed back from later steps; keep only this step's own loss term.
                Array.Clear(dh);
                if (dc is not null) Array.Clear(dc);
            }
            if (outputGradient is not null)
                for (int b = 0; b < batch; b++)
                    for (int j = 0; j < h; j++) dh[b * h + j] += outputGradient[(b * time + t) * h + j];
            dHidden[t] = (double[])dh.Clone();

            var step = StepBackward(pass.Caches[t], pass.Hidden[t], pass.Cell?[t], dh, dc);
            AddInto(dWih, DenseKernels.WeightGradient(step.InputSide, batch, rows, pass.Inputs[t], i));    // (G·H, I) += δ_ihᵀ x_t
            AddInto(dWhh, DenseKernels.WeightGradient(step.HiddenSide, batch, rows, pass.Hidden[t], h));   // (G·H, H) += δ_hhᵀ h_(t−1)
            AddInto(dbih, DenseKernels.BiasGradient(step.InputSide, batch, rows));
            AddInto(dbhh, DenseKernels.BiasGradient(step.HiddenSide, batch, rows));
            var dxt = DenseKernels.InputGradient(step.InputSide, batch, rows, Weights.WeightIh, i);          // (B, I) = δ_ih W_ih
            for (int b = 0; b < batch; b++) Array.Copy(dxt, b * i, dx, (b * time + t) * i, i);
            dh = DenseKernels.InputGradient(step.HiddenSide, batch, rows, Weights.WeightHh, h);               // (B, H) = δ_hh W_hh: the recurrent term
            if (step.HiddenDirect is not null) AddInto(dh, step.HiddenDirect);
            dc = step.CellPrevious;
        }
        return new RecurrentGradients(dx, dh, dc, dWih, dWhh, dbih, dbhh, dHidden);
    }

    /// <summary>One step forward from the two pre-activation arrays gi = x W_ihᵀ + b_ih and gh = h W_hhᵀ + b_hh (B, G·H).</summary>
    private protected abstract (double[] Hidden, double[]? Cell, double[] Cache) Step(double[] gi, double[] gh, double[] hPrev, double[]? cPrev);

    /// <summary>One step backward: from ∂L/∂h_t (and ∂L/∂c_t) to ∂L/∂gi, ∂L/∂gh, any direct ∂L/∂h_(t−1) and ∂L/∂c_(t−1).</summary>
    private protected abstract StepGradients StepBackward(double[] cache, double[] hPrev, double[]? cPrev, double[] dh, double[]? dc);

    private protected sealed record StepGradients(double[] InputSide, double[] HiddenSide, double[]? HiddenDirect, double[]? CellPrevious);

    private protected static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static void AddInto(double[] target, double[] values)
    {
        for (int j = 0; j < target.Length; j++) target[j] += values[j];
    }
}
