using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// A one-hidden-layer classifier on the scratch tensor engine (week09-autodiff.ipynb, section 7): logits =
/// relu(X W1 + b1) W2 + b2 with cross-entropy, trained by plain gradient descent (the optimisers are Week 3's
/// subject; here the point is where the gradient comes from).
/// </summary>
public sealed class TensorMlp
{
    /// <param name="seed">He initialisation for W1 (std √(2/inputs), suited to ReLU), Xavier-like for W2 (std √(1/hidden)); biases 0.</param>
    public TensorMlp(int inputs, int hidden, int classes, int seed = MlCourse.Core.Randomness.Seeded.DefaultSeed)
    {
        Guard.Positive(inputs, nameof(inputs));
        Guard.Positive(hidden, nameof(hidden));
        Guard.AtLeast(classes, 2, nameof(classes), "a classifier needs two classes");
        W1 = TensorValue.RandomNormal([inputs, hidden], Math.Sqrt(2.0 / inputs), seed);
        b1 = TensorValue.Zeros(hidden);
        W2 = TensorValue.RandomNormal([hidden, classes], Math.Sqrt(1.0 / hidden), seed + 1);
        b2 = TensorValue.Zeros(classes);
        (W1.Label, b1.Label, W2.Label, b2.Label) = ("W1", "b1", "W2", "b2");
    }

    public TensorValue W1 { get; }
    public TensorValue b1 { get; }
    public TensorValue W2 { get; }
    public TensorValue b2 { get; }

    public IReadOnlyList<TensorValue> Parameters => [W1, b1, W2, b2];

    // <snippet name="autodiff-tensor-mlp-forward">
    /// <summary>Logits (N, C) for inputs (N, inputs).</summary>
    public TensorValue Forward(TensorValue X)
    {
        Guard.NotNull(X, nameof(X));
        var h = (X.MatMul(W1) + b1).Relu();       // (N, hidden): b1 (hidden,) broadcasts over the N rows
        return h.MatMul(W2) + b2;                 // (N, C)
    }
    // </snippet>

    /// <summary>One full-batch gradient-descent step on the mean cross-entropy; returns the loss before the step.</summary>
    public double TrainStep(TensorValue X, IReadOnlyList<int> y, double lr)
    {
        Guard.Positive(lr, nameof(lr));
        foreach (var p in Parameters) Array.Clear(p.Grad);
        var loss = Forward(X).CrossEntropy(y);    // ()
        loss.Backward();
        foreach (var p in Parameters)
            for (int i = 0; i < p.Size; i++) p.Data[i] -= lr * p.Grad[i];
        return loss.Item();
    }
}
