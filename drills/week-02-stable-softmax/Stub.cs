// Drill "Implement softmax with numerical stability" (Week 2): your starting point. Keep the class,
// namespace and method signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-02-stable-softmax
namespace Drills.Week02;

public static class StableSoftmaxDrill
{
    /// <summary>softmax(z)_k = e^(z_k) / Σ_j e^(z_j), correct at logits of ±1000. Reject an empty array or a non-finite logit (ArgumentException).</summary>
    public static double[] Softmax(double[] z)
    {
        throw new NotImplementedException();
    }

    /// <summary>log softmax(z)_k, finite wherever z is finite.</summary>
    public static double[] LogSoftmax(double[] z)
    {
        throw new NotImplementedException();
    }

    /// <summary>−log softmax(z)_label from the logits. A label outside 0..K−1: ArgumentOutOfRangeException.</summary>
    public static double CrossEntropy(double[] z, int label)
    {
        throw new NotImplementedException();
    }
}
