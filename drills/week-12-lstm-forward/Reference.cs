// Drill "Implement LSTM forward pass" (Week 12). Base class library only.
namespace Drills.Week12;

/// <summary>The outputs h_1..h_T (T, H) and the final states h_T, c_T.</summary>
public sealed record LstmResult(double[][] Outputs, double[] FinalHidden, double[] FinalCell);

/// <summary>One LSTM layer over one sequence, PyTorch's layout: gate blocks i, f, g, o stacked in the 4H rows.</summary>
public sealed class LstmLayer
{
    private readonly double[,] _wIh, _wHh;   // (4H, I), (4H, H)
    private readonly double[] _bIh, _bHh;    // (4H) each

    public LstmLayer(double[,] wIh, double[,] wHh, double[] bIh, double[] bHh)
    {
        ArgumentNullException.ThrowIfNull(wIh);
        ArgumentNullException.ThrowIfNull(wHh);
        ArgumentNullException.ThrowIfNull(bIh);
        ArgumentNullException.ThrowIfNull(bHh);
        int rows = wIh.GetLength(0);
        if (rows == 0 || rows % 4 != 0) throw new ArgumentException($"wIh must have 4H rows (gates i, f, g, o), but has {rows}.", nameof(wIh));
        int h = rows / 4;
        if (wHh.GetLength(0) != rows || wHh.GetLength(1) != h) throw new ArgumentException($"wHh must be ({rows}, {h}), but is ({wHh.GetLength(0)}, {wHh.GetLength(1)}).", nameof(wHh));
        if (bIh.Length != rows) throw new ArgumentException($"bIh must have {rows} entries, but has {bIh.Length}.", nameof(bIh));
        if (bHh.Length != rows) throw new ArgumentException($"bHh must have {rows} entries, but has {bHh.Length}.", nameof(bHh));
        (_wIh, _wHh, _bIh, _bHh) = (wIh, wHh, bIh, bHh);
        HiddenSize = h;
        InputSize = wIh.GetLength(1);
    }

    public int InputSize { get; }
    public int HiddenSize { get; }

    /// <summary>Runs x_1..x_T (each of length I) from h_0 and c_0 (zeros when null).</summary>
    public LstmResult Forward(double[][] xs, double[]? h0 = null, double[]? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        int hs = HiddenSize;
        if (h0 is not null && h0.Length != hs) throw new ArgumentException($"h0 must have {hs} entries, but has {h0.Length}.", nameof(h0));
        if (c0 is not null && c0.Length != hs) throw new ArgumentException($"c0 must have {hs} entries, but has {c0.Length}.", nameof(c0));
        var h = h0 is null ? new double[hs] : (double[])h0.Clone();
        var c = c0 is null ? new double[hs] : (double[])c0.Clone();
        var outputs = new double[xs.Length][];
        for (int t = 0; t < xs.Length; t++)
        {
            var x = xs[t] ?? throw new ArgumentNullException(nameof(xs), $"xs[{t}] is null.");
            if (x.Length != InputSize) throw new ArgumentException($"xs[{t}] must have {InputSize} entries, but has {x.Length}.", nameof(xs));
            // a = W_ih x + b_ih + W_hh h + b_hh, (4H)
            var a = new double[4 * hs];
            for (int r = 0; r < 4 * hs; r++)
            {
                double s = _bIh[r] + _bHh[r];
                for (int k = 0; k < InputSize; k++) s += _wIh[r, k] * x[k];
                for (int k = 0; k < hs; k++) s += _wHh[r, k] * h[k];
                a[r] = s;
            }
            var hNext = new double[hs];
            var cNext = new double[hs];
            for (int j = 0; j < hs; j++)
            {
                double i = Sigmoid(a[j]), f = Sigmoid(a[hs + j]), g = Math.Tanh(a[2 * hs + j]), o = Sigmoid(a[3 * hs + j]);
                cNext[j] = f * c[j] + i * g;            // the forget gate scales the previous CELL state
                hNext[j] = o * Math.Tanh(cNext[j]);
            }
            (h, c) = (hNext, cNext);
            outputs[t] = (double[])h.Clone();
        }
        return new LstmResult(outputs, h, c);
    }

    // Stable for large |z|: never exponentiates a positive number.
    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
