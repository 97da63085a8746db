// Drill "Implement forward + backward pass in 30 minutes" (Week 9): your starting point. Keep the class,
// namespace and method signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-09-forward-backward
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

    /// <summary>Keeps the given arrays (SgdStep updates them in place). Reject inconsistent shapes with ArgumentException.</summary>
    public TwoLayerNet(double[,] w1, double[] b1, double[,] w2, double[] b2)
    {
        (W1, B1, W2, B2) = (w1, b1, w2, b2);
    }

    /// <summary>The logits (B, K) for a batch x (B, d). An x with the wrong number of columns: ArgumentException.</summary>
    public double[,] Forward(double[,] x)
    {
        throw new NotImplementedException();
    }

    /// <summary>The mean softmax cross-entropy over the batch and its gradient with respect to W1, b1, W2, b2.</summary>
    public Gradients LossAndGradients(double[,] x, int[] y)
    {
        throw new NotImplementedException();
    }

    /// <summary>One plain gradient-descent step: θ ← θ − lr·∇θ for every parameter, in place.</summary>
    public void SgdStep(Gradients g, double lr)
    {
        throw new NotImplementedException();
    }
}
