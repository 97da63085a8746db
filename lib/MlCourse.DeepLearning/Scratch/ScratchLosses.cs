using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>A loss value and its gradient with respect to the network's output (same shape as the output).</summary>
public readonly record struct LossAndGradient(double Loss, double[] Gradient);

/// <summary>
/// The two losses the Week 9 networks train with, each returning dL/d(output) for
/// <see cref="ScratchMlp.Backward"/>. Both average over the batch, as PyTorch's default reduction
/// does, so the gradients carry the 1/B.
/// </summary>
public static class ScratchLosses
{
    /// <summary>
    /// Mean cross-entropy of softmax(logits) against integer labels; logits (batch, classes) row-major.
    /// The gradient is (softmax(z) − onehot(y)) / B, computed without forming log(softmax).
    /// </summary>
    public static LossAndGradient SoftmaxCrossEntropy(double[] logits, int batch, int classes, IReadOnlyList<int> labels)
    {
        Guard.NotNull(logits, nameof(logits));
        Guard.NotNull(labels, nameof(labels));
        Guard.Positive(batch, nameof(batch));
        Guard.Positive(classes, nameof(classes));
        Guard.Length(logits.Length, batch * classes, nameof(logits), $"shape (batch, classes) = ({batch}, {classes})");
        if (labels.Count != batch)
            throw new ArgumentException($"labels must hold one label per sample ({batch}), but has {labels.Count}.", nameof(labels));
        var gradient = new double[logits.Length];
        double loss = 0;
        // <snippet name="scratch-softmax-cross-entropy">
        for (int i = 0; i < batch; i++)
        {
            int y = labels[i];
            if (y < 0 || y >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), y, $"labels must lie in 0..{classes - 1}, but labels[{i}] is {y}.");
            int row = i * classes;
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++) max = Math.Max(max, logits[row + k]);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += gradient[row + k] = Math.Exp(logits[row + k] - max);
            loss += Math.Log(sum) + max - logits[row + y];                         // logsumexp(z) − z_y
            for (int k = 0; k < classes; k++) gradient[row + k] /= sum * batch;    // softmax / B
            gradient[row + y] -= 1.0 / batch;                                      // − onehot / B
        }
        // </snippet>
        return new LossAndGradient(loss / batch, gradient);
    }

    /// <summary>Mean squared error over every entry, (1/N) Σ (ŷ − y)²; gradient 2(ŷ − y)/N.</summary>
    public static LossAndGradient MeanSquaredError(double[] output, IReadOnlyList<double> target)
    {
        Guard.NotNull(output, nameof(output));
        Guard.NotNull(target, nameof(target));
        if (output.Length != target.Count || output.Length == 0)
            throw new ArgumentException($"output and target must have the same, non-zero length, but have {output.Length} and {target.Count}.", nameof(target));
        var gradient = new double[output.Length];
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            double r = output[i] - target[i];
            loss += r * r;
            gradient[i] = 2 * r / output.Length;
        }
        return new LossAndGradient(loss / output.Length, gradient);
    }
}
