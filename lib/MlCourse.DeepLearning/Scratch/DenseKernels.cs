namespace MlCourse.DeepLearning.Scratch;

/// <summary>
/// The three matrix products of a dense layer, as plain loops over row-major arrays (Week 9,
/// "An MLP in plain arrays"). Each keeps its innermost loop on contiguous memory, which is what
/// makes plain C# loops fast enough to train on Fashion-MNIST; no SIMD intrinsics, so a learner
/// can read every multiply-add.
/// </summary>
internal static class DenseKernels
{
    /// <summary>Z = X Wᵀ + b: X (n x k), W (m x k), b (m) → Z (n x m). A row of X dotted with a row of W.</summary>
    public static double[] LinearForward(double[] x, int n, int k, double[] w, double[] b, int m)
    {
        var z = new double[n * m];
        // Output unit outer, sample inner: W's row r (k doubles) stays in the L1 cache while the batch streams past it.
        for (int r = 0; r < m; r++)
        {
            var wr = w.AsSpan(r * k, k);
            for (int i = 0; i < n; i++)
            {
                var xi = x.AsSpan(i * k, k);
                // Four partial sums break the chain of dependent additions (four times the throughput).
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int j = 0;
                for (; j + 3 < k; j += 4)
                {
                    s0 += xi[j] * wr[j];
                    s1 += xi[j + 1] * wr[j + 1];
                    s2 += xi[j + 2] * wr[j + 2];
                    s3 += xi[j + 3] * wr[j + 3];
                }
                for (; j < k; j++) s0 += xi[j] * wr[j];
                z[i * m + r] = s0 + s1 + s2 + s3 + b[r];
            }
        }
        return z;
    }

    /// <summary>dW = δᵀ X: δ (n x m), X (n x k) → (m x k), each sample's outer product added in.</summary>
    public static double[] WeightGradient(double[] delta, int n, int m, double[] x, int k)
    {
        var dw = new double[m * k];
        // Row r of dW outer, sample inner: that row stays in the L1 cache while it collects every sample's term.
        for (int r = 0; r < m; r++)
        {
            var row = dw.AsSpan(r * k, k);
            for (int i = 0; i < n; i++)
            {
                double d = delta[i * m + r];
                if (d == 0) continue;                 // ReLU zeroes many deltas: skip their terms
                var xi = x.AsSpan(i * k, k);
                for (int j = 0; j < k; j++) row[j] += d * xi[j];
            }
        }
        return dw;
    }

    /// <summary>db = Σ_i δ_i: the column sums of δ (n x m).</summary>
    public static double[] BiasGradient(double[] delta, int n, int m)
    {
        var db = new double[m];
        for (int i = 0; i < n; i++)
            for (int r = 0; r < m; r++) db[r] += delta[i * m + r];
        return db;
    }

    /// <summary>dX = δ W: δ (n x m), W (m x k) → (n x k), the gradient handed to the layer below.</summary>
    public static double[] InputGradient(double[] delta, int n, int m, double[] w, int k)
    {
        var dx = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            var row = dx.AsSpan(i * k, k);
            for (int r = 0; r < m; r++)
            {
                double d = delta[i * m + r];
                if (d == 0) continue;
                var wr = w.AsSpan(r * k, k);
                for (int j = 0; j < k; j++) row[j] += d * wr[j];
            }
        }
        return dx;
    }
}
