using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

// Softmax, log-softmax and the cross-entropy of logits: fused operations with their own backward, because composing
// them from exp, sum and log overflows for large logits and builds a longer graph for the same gradient.
public sealed partial class TensorValue
{
    /// <summary>softmax along an axis: exp(x − max) / Σ exp(x − max), which equals exp(x) / Σ exp(x) and never overflows.</summary>
    public TensorValue Softmax(int axis = -1)
    {
        var x = this;
        int k = TensorShape.NormalizeAxis(axis, x._shape, nameof(axis));
        var s = new double[x.Size];
        ForEachLane(x._shape, k, (start, stride, length) =>
        {
            double max = double.NegativeInfinity, total = 0;
            for (int j = 0; j < length; j++) max = Math.Max(max, x.Data[start + j * stride]);
            for (int j = 0; j < length; j++) total += s[start + j * stride] = Math.Exp(x.Data[start + j * stride] - max);
            for (int j = 0; j < length; j++) s[start + j * stride] /= total;
        });
        return Operation(s, (int[])x._shape.Clone(), $"softmax(axis {k})", [x], output =>
            ForEachLane(x._shape, k, (start, stride, length) =>
            {
                // Jacobian diag(s) − s sᵀ applied to the gradient: ∂L/∂x = s ⊙ (g − ⟨g, s⟩).
                double dot = 0;
                for (int j = 0; j < length; j++) dot += output.Grad[start + j * stride] * s[start + j * stride];
                for (int j = 0; j < length; j++)
                    x.Grad[start + j * stride] += s[start + j * stride] * (output.Grad[start + j * stride] - dot);
            }));
    }

    /// <summary>log softmax along an axis: x − (max + log Σ exp(x − max)), finite for any finite logits.</summary>
    public TensorValue LogSoftmax(int axis = -1)
    {
        var x = this;
        int k = TensorShape.NormalizeAxis(axis, x._shape, nameof(axis));
        var y = new double[x.Size];
        ForEachLane(x._shape, k, (start, stride, length) =>
        {
            double logSumExp = LogSumExp(x.Data, start, stride, length);
            for (int j = 0; j < length; j++) y[start + j * stride] = x.Data[start + j * stride] - logSumExp;
        });
        return Operation(y, (int[])x._shape.Clone(), $"log_softmax(axis {k})", [x], output =>
            ForEachLane(x._shape, k, (start, stride, length) =>
            {
                // y_j = x_j − lse(x), ∂lse/∂x_i = softmax_i = exp(y_i): ∂L/∂x_i = g_i − exp(y_i) Σ_j g_j.
                double total = 0;
                for (int j = 0; j < length; j++) total += output.Grad[start + j * stride];
                for (int j = 0; j < length; j++)
                    x.Grad[start + j * stride] += output.Grad[start + j * stride] - Math.Exp(y[start + j * stride]) * total;
            }));
    }

    // <snippet name="autodiff-tensor-cross-entropy">
    /// <summary>
    /// The mean cross-entropy of logits (N, C) against class indices: −(1/N) Σ_n log softmax(z_n)[t_n], PyTorch's
    /// <c>cross_entropy</c> with mean reduction. Its gradient is the classic (softmax(z) − onehot(t)) / N.
    /// </summary>
    public TensorValue CrossEntropy(IReadOnlyList<int> targets)
    {
        Guard.NotNull(targets, nameof(targets));
        var z = this;
        if (z.Rank != 2)
            throw new ArgumentException($"CrossEntropy needs logits of shape (N, C), but they have shape {TensorShape.Format(z._shape)}.", nameof(targets));
        int n = z._shape[0], c = z._shape[1];
        if (targets.Count != n)
            throw new ArgumentException($"targets must hold one class per row of the logits {TensorShape.Format(z._shape)}, i.e. {n}, but holds {targets.Count}.", nameof(targets));
        for (int i = 0; i < n; i++)
            if (targets[i] < 0 || targets[i] >= c)
                throw new ArgumentOutOfRangeException(nameof(targets), targets[i], $"targets[{i}] is {targets[i]}, but the {c} classes are 0..{c - 1}.");
        var softmax = new double[z.Size];                          // (N, C)
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double logSumExp = LogSumExp(z.Data, i * c, 1, c);
            for (int j = 0; j < c; j++) softmax[i * c + j] = Math.Exp(z.Data[i * c + j] - logSumExp);
            loss -= z.Data[i * c + targets[i]] - logSumExp;
        }
        var classes = targets.ToArray();
        return Operation([loss / n], [], "cross_entropy", [z], output =>
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < c; j++)
                    z.Grad[i * c + j] += (softmax[i * c + j] - (j == classes[i] ? 1 : 0)) / n * output.Grad[0];
        });
    }
    // </snippet>

    private static double LogSumExp(double[] values, int start, int stride, int length)
    {
        double max = double.NegativeInfinity, total = 0;
        for (int j = 0; j < length; j++) max = Math.Max(max, values[start + j * stride]);
        for (int j = 0; j < length; j++) total += Math.Exp(values[start + j * stride] - max);
        return max + Math.Log(total);
    }

    // Calls lane(start, stride, length) once for every 1-D slice along axis k: row-major, a slice starts at
    // outer·(size_k·inner) + inner offset and steps by inner = the product of the sizes after k.
    private static void ForEachLane(int[] shape, int k, Action<int, int, int> lane)
    {
        int length = shape[k], inner = 1, outer = 1;
        for (int j = k + 1; j < shape.Length; j++) inner *= shape[j];
        for (int j = 0; j < k; j++) outer *= shape[j];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                lane(o * length * inner + i, inner, length);
    }
}
