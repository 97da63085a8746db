// Drill "Implement softmax with numerical stability" (Week 2). Base class library only.
namespace Drills.Week02;

public static class StableSoftmaxDrill
{
    // softmax(z) = softmax(z − c) for any c (e^−c cancels). With c = max(z) the largest exponent is e^0 = 1:
    // nothing overflows, and the sum is at least 1, so there is never a 0/0.
    public static double[] Softmax(double[] z)
    {
        Check(z);
        double max = Max(z), sum = 0;
        var p = new double[z.Length];
        for (int k = 0; k < z.Length; k++) sum += p[k] = Math.Exp(z[k] - max);
        for (int k = 0; k < z.Length; k++) p[k] /= sum;
        return p;
    }

    // log softmax(z)_k = z_k − logsumexp(z), with logsumexp(z) = m + log Σ e^(z_j − m). Never log(softmax):
    // a probability that rounds to 0 would give −∞ where the true value is a finite, very negative number.
    public static double[] LogSoftmax(double[] z)
    {
        Check(z);
        double lse = LogSumExp(z);
        var result = new double[z.Length];
        for (int k = 0; k < z.Length; k++) result[k] = z[k] - lse;
        return result;
    }

    // −log softmax(z)_label = logsumexp(z) − z_label; its gradient in z is softmax(z) − onehot(label).
    public static double CrossEntropy(double[] z, int label)
    {
        Check(z);
        if (label < 0 || label >= z.Length)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"label must be in 0..{z.Length - 1}, but is {label}.");
        return LogSumExp(z) - z[label];
    }

    private static double LogSumExp(double[] z)
    {
        double max = Max(z), sum = 0;
        foreach (var v in z) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    private static double Max(double[] z)
    {
        double max = z[0];
        foreach (var v in z) if (v > max) max = v;
        return max;
    }

    private static void Check(double[] z)
    {
        if (z is null) throw new ArgumentNullException(nameof(z));
        if (z.Length == 0) throw new ArgumentException("z must contain at least one logit.", nameof(z));
        for (int k = 0; k < z.Length; k++)
            if (!double.IsFinite(z[k])) throw new ArgumentException($"z must contain finite logits, but z[{k}] is {z[k]}.", nameof(z));
    }
}
