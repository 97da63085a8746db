// Reference solution of the drill "Implement attention in 20 minutes" (Week 13). Base class library only.
namespace Drills.Week13;

public static class Attention
{
    /// <summary>
    /// softmax(Q Kᵀ / √d_k + mask) V for one head: q (L, d_k), k (S, d_k), v (S, d_v). <paramref name="allowed"/> (L, S), when
    /// given, says which keys each query may attend to. Returns the output (L, d_v) and the weights (L, S).
    /// </summary>
    public static (double[,] Output, double[,] Weights) ScaledDotProduct(double[,] q, double[,] k, double[,] v, bool[,]? allowed = null)
    {
        int l = q.GetLength(0), s = k.GetLength(0), d = q.GetLength(1), dv = v.GetLength(1);
        if (k.GetLength(1) != d) throw new ArgumentException($"k must have {d} columns like q, but has {k.GetLength(1)}.", nameof(k));
        if (v.GetLength(0) != s) throw new ArgumentException($"v must have {s} rows like k, but has {v.GetLength(0)}.", nameof(v));
        if (allowed is not null && (allowed.GetLength(0) != l || allowed.GetLength(1) != s))
            throw new ArgumentException($"allowed must be ({l}, {s}).", nameof(allowed));
        double scale = 1 / Math.Sqrt(d);   // Var(q·k) = d_k for unit-variance entries: this brings the scores back to variance 1
        var weights = new double[l, s];
        var output = new double[l, dv];
        for (int i = 0; i < l; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < s; j++)
            {
                if (allowed is not null && !allowed[i, j]) { weights[i, j] = double.NegativeInfinity; continue; }
                double dot = 0;
                for (int m = 0; m < d; m++) dot += q[i, m] * k[j, m];
                weights[i, j] = dot * scale;
                max = Math.Max(max, weights[i, j]);
            }
            if (double.IsNegativeInfinity(max))   // no key allowed: attend to nothing
            {
                for (int j = 0; j < s; j++) weights[i, j] = 0;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < s; j++) sum += weights[i, j] = Math.Exp(weights[i, j] - max);   // the max shift: exp never overflows
            for (int j = 0; j < s; j++)
            {
                weights[i, j] /= sum;   // softmax over the keys (axis −1): each query's weights sum to one
                for (int m = 0; m < dv; m++) output[i, m] += weights[i, j] * v[j, m];
            }
        }
        return (output, weights);
    }

    /// <summary>The causal mask (n, n): query i may attend to keys j ≤ i.</summary>
    public static bool[,] Causal(int n)
    {
        if (n <= 0) throw new ArgumentException($"n must be positive, but is {n}.", nameof(n));
        var allowed = new bool[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) allowed[i, j] = true;
        return allowed;
    }

    /// <summary>
    /// Multi-head self-attention of x (T, E): Q = x W_qᵀ, K = x W_kᵀ, V = x W_vᵀ (each W is (E, E), (out, in)); head h takes
    /// features h·E/H up to (h+1)·E/H of Q, K and V; the heads' outputs are concatenated in that order and projected by W_o.
    /// </summary>
    public static double[,] MultiHeadSelfAttention(double[,] x, double[,] wq, double[,] wk, double[,] wv, double[,] wo, int heads, bool causal = false)
    {
        int t = x.GetLength(0), e = x.GetLength(1);
        if (heads <= 0 || e % heads != 0) throw new ArgumentException($"heads must divide the width {e}, but is {heads}.", nameof(heads));
        foreach (var (w, name) in new[] { (wq, nameof(wq)), (wk, nameof(wk)), (wv, nameof(wv)), (wo, nameof(wo)) })
            if (w.GetLength(0) != e || w.GetLength(1) != e) throw new ArgumentException($"{name} must be ({e}, {e}).", name);
        int d = e / heads;
        double[,] q = Linear(x, wq), k = Linear(x, wk), v = Linear(x, wv);   // (T, E) each
        var concat = new double[t, e];
        for (int h = 0; h < heads; h++)
        {
            var (output, _) = ScaledDotProduct(Slice(q, h * d, d), Slice(k, h * d, d), Slice(v, h * d, d), causal ? Causal(t) : null);
            for (int i = 0; i < t; i++)
                for (int m = 0; m < d; m++) concat[i, h * d + m] = output[i, m];
        }
        return Linear(concat, wo);
    }

    // x Wᵀ for W in (out, in) layout.
    private static double[,] Linear(double[,] x, double[,] w)
    {
        int n = x.GetLength(0), input = x.GetLength(1), output = w.GetLength(0);
        var y = new double[n, output];
        for (int i = 0; i < n; i++)
            for (int r = 0; r < output; r++)
                for (int m = 0; m < input; m++) y[i, r] += x[i, m] * w[r, m];
        return y;
    }

    // Columns [start, start + width) of x: one head's features.
    private static double[,] Slice(double[,] x, int start, int width)
    {
        var y = new double[x.GetLength(0), width];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int m = 0; m < width; m++) y[i, m] = x[i, start + m];
        return y;
    }
}
