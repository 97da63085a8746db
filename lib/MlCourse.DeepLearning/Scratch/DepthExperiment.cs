using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>
/// What a deep stack does to a signal at initialisation, per layer: the standard deviation of each
/// hidden layer's activations (forward) and the norm of each layer's weight gradient (backward).
/// </summary>
/// <param name="PreActivationStd">Std of z_l over the batch and the units, hidden layers 1..depth: what the
/// initialisation derivations keep constant.</param>
/// <param name="ActivationStd">Std of a_l = φ(z_l), hidden layers 1..depth.</param>
/// <param name="GradientNorms">‖dL/dW_l‖ for every layer, input layer first (depth + 1 values).</param>
public sealed record DepthProfile(ActivationKind Activation, WeightInit Init, double[] PreActivationStd, double[] ActivationStd, double[] GradientNorms);

/// <summary>
/// The measurements behind "vanishing gradients" and "Xavier/He initialisation" (Week 9): a
/// <paramref name="depth"/>-hidden-layer MLP of constant width, fed standard-normal inputs and
/// random labels, measured before any training.
/// </summary>
public static class DepthExperiment
{
    public static DepthProfile Measure(int depth, int width, ActivationKind activation, WeightInit init, int batch = 256, int classes = 10, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(depth, nameof(depth));
        Guard.Positive(width, nameof(width));
        Guard.Positive(batch, nameof(batch));
        Guard.AtLeast(classes, 2, nameof(classes));
        var sizes = Enumerable.Repeat(width, depth + 1).Append(classes).ToArray();   // input, depth hidden layers, output
        var model = new ScratchMlp(sizes, activation, init, seed);
        var rng = Seeded.Random(seed + 1);
        var x = new double[batch * width];
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextGaussian();
        var labels = Enumerable.Range(0, batch).Select(_ => rng.Next(classes)).ToArray();
        var pass = model.Forward(x, batch);
        var (_, dLogits) = ScratchLosses.SoftmaxCrossEntropy(pass.Output, batch, classes, labels);
        var gradients = model.Backward(pass, dLogits);
        // PreActivations[0..depth−1] are z of the hidden layers; Activations[l] is the input of layer l, so 1..depth are their outputs.
        var zStd = Enumerable.Range(0, depth).Select(l => StandardDeviation(pass.PreActivations[l])).ToArray();
        var aStd = Enumerable.Range(1, depth).Select(l => StandardDeviation(pass.Activations[l])).ToArray();
        return new DepthProfile(activation, init, zStd, aStd, gradients.WeightNorms());
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
