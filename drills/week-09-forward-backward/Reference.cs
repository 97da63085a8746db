// Drill "Implement forward + backward pass in 30 minutes" (Week 9). Base class library only.
namespace Drills.Week09;

/// <summary>dL/d(every parameter) and the loss they belong to.</summary>
public sealed record Gradients(double Loss, double[,] DW1, double[] DB1, double[,] DW2, double[] DB2);

/// <summary>x (d) → ReLU(W1 x + b1) (h) → W2 a + b2 (K logits) → mean softmax cross-entropy. W are (out, in).</summary>
public sealed class TwoLayerNet
{
    public double[,] W1 { get; }
    public double[] B1 { get; }
    public double[,] W2 { get; }
    public double[] B2 { get; }

    public TwoLayerNet(double[,] w1, double[] b1, double[,] w2, double[] b2)
    {
        ArgumentNullException.ThrowIfNull(w1);
        ArgumentNullException.ThrowIfNull(b1);
        ArgumentNullException.ThrowIfNull(w2);
        ArgumentNullException.ThrowIfNull(b2);
        if (b1.Length != w1.GetLength(0)) throw new ArgumentException($"b1 must have {w1.GetLength(0)} entries (rows of w1), but has {b1.Length}.", nameof(b1));
        if (w2.GetLength(1) != w1.GetLength(0)) throw new ArgumentException($"w2 must have {w1.GetLength(0)} columns (the hidden size), but has {w2.GetLength(1)}.", nameof(w2));
        if (b2.Length != w2.GetLength(0)) throw new ArgumentException($"b2 must have {w2.GetLength(0)} entries (rows of w2), but has {b2.Length}.", nameof(b2));
        (W1, B1, W2, B2) = (w1, b1, w2, b2);
    }

    /// <summary>The logits, (B, K).</summary>
    public double[,] Forward(double[,] x) => Run(x).Logits;

    public Gradients LossAndGradients(double[,] x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var (z1, a1, logits) = Run(x);
        int n = x.GetLength(0), h = W1.GetLength(0), k = W2.GetLength(0), d = x.GetLength(1);
        if (y.Length != n) throw new ArgumentException($"y must have one label per row of x ({n}), but has {y.Length}.", nameof(y));
        // dL/dz2 = (softmax − onehot) / n, softmax after subtracting each row's max (no overflow).
        var dz2 = new double[n, k];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            if (y[i] < 0 || y[i] >= k) throw new ArgumentOutOfRangeException(nameof(y), y[i], $"labels must lie in 0..{k - 1}.");
            double max = double.NegativeInfinity, sum = 0;
            for (int c = 0; c < k; c++) max = Math.Max(max, logits[i, c]);
            for (int c = 0; c < k; c++) sum += Math.Exp(logits[i, c] - max);
            loss += Math.Log(sum) + max - logits[i, y[i]];
            for (int c = 0; c < k; c++) dz2[i, c] = (Math.Exp(logits[i, c] - max) / sum - (c == y[i] ? 1 : 0)) / n;
        }
        // Layer 2: dW2 = dz2ᵀ a1 (K, h), db2 = column sums, da1 = dz2 W2 (n, h).
        var dW2 = new double[k, h];
        var db2 = new double[k];
        var dz1 = new double[n, h];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++)
            {
                db2[c] += dz2[i, c];
                for (int j = 0; j < h; j++)
                {
                    dW2[c, j] += dz2[i, c] * a1[i, j];
                    dz1[i, j] += dz2[i, c] * W2[c, j];
                }
            }
        // Through the ReLU: its Jacobian is diagonal, so multiply by the mask 1[z1 > 0].
        for (int i = 0; i < n; i++)
            for (int j = 0; j < h; j++)
                if (z1[i, j] <= 0) dz1[i, j] = 0;
        // Layer 1: dW1 = dz1ᵀ x (h, d), db1 = column sums.
        var dW1 = new double[h, d];
        var db1 = new double[h];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < h; j++)
            {
                db1[j] += dz1[i, j];
                for (int m = 0; m < d; m++) dW1[j, m] += dz1[i, j] * x[i, m];
            }
        return new Gradients(loss / n, dW1, db1, dW2, db2);
    }

    /// <summary>θ ← θ − lr·∇θ for every parameter.</summary>
    public void SgdStep(Gradients g, double lr)
    {
        ArgumentNullException.ThrowIfNull(g);
        for (int j = 0; j < W1.GetLength(0); j++)
        {
            B1[j] -= lr * g.DB1[j];
            for (int m = 0; m < W1.GetLength(1); m++) W1[j, m] -= lr * g.DW1[j, m];
        }
        for (int c = 0; c < W2.GetLength(0); c++)
        {
            B2[c] -= lr * g.DB2[c];
            for (int j = 0; j < W2.GetLength(1); j++) W2[c, j] -= lr * g.DW2[c, j];
        }
    }

    // z1 = x W1ᵀ + b1 (n, h), a1 = ReLU(z1), logits = a1 W2ᵀ + b2 (n, K).
    private (double[,] Z1, double[,] A1, double[,] Logits) Run(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), d = x.GetLength(1), h = W1.GetLength(0), k = W2.GetLength(0);
        if (d != W1.GetLength(1)) throw new ArgumentException($"x must have {W1.GetLength(1)} columns (the input size), but has {d}.", nameof(x));
        var z1 = new double[n, h];
        var a1 = new double[n, h];
        var logits = new double[n, k];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < h; j++)
            {
                double s = B1[j];
                for (int m = 0; m < d; m++) s += x[i, m] * W1[j, m];
                z1[i, j] = s;
                a1[i, j] = Math.Max(0, s);
            }
            for (int c = 0; c < k; c++)
            {
                double s = B2[c];
                for (int j = 0; j < h; j++) s += a1[i, j] * W2[c, j];
                logits[i, c] = s;
            }
        }
        return (z1, a1, logits);
    }
}
