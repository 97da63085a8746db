// Drill "Implement attention in 20 minutes" (Week 13): your starting point. Keep the class, namespace and method
// signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-13-attention
namespace Drills.Week13;

public static class Attention
{
    /// <summary>
    /// softmax(Q Kᵀ / √d_k + mask) V for one head: q (L, d_k), k (S, d_k), v (S, d_v). <paramref name="allowed"/> (L, S), when
    /// given, says which keys each query may attend to. Returns the output (L, d_v) and the weights (L, S).
    /// Mismatched shapes: ArgumentException.
    /// </summary>
    public static (double[,] Output, double[,] Weights) ScaledDotProduct(double[,] q, double[,] k, double[,] v, bool[,]? allowed = null)
    {
        throw new NotImplementedException();
    }

    /// <summary>The causal mask (n, n): query i may attend to keys j ≤ i.</summary>
    public static bool[,] Causal(int n)
    {
        throw new NotImplementedException();
    }

    /// <summary>
    /// Multi-head self-attention of x (T, E): Q = x W_qᵀ, K = x W_kᵀ, V = x W_vᵀ (each W is (E, E), (out, in)); head h takes
    /// features h·E/H up to (h+1)·E/H of Q, K and V; the heads' outputs are concatenated in that order and projected by W_o.
    /// heads not dividing E, or a W of the wrong shape: ArgumentException.
    /// </summary>
    public static double[,] MultiHeadSelfAttention(double[,] x, double[,] wq, double[,] wk, double[,] wv, double[,] wo, int heads, bool causal = false)
    {
        throw new NotImplementedException();
    }
}
