using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>
/// Stochastic gradient descent with (heavy-ball) momentum on a <see cref="ScratchMlp"/>'s arrays,
/// in PyTorch's form (torch.optim.SGD, dampening 0): v ← μ·v + g, θ ← θ − η·v. The same rule with
/// the same starting weights and batches gives the same weights as torch.optim.SGD (a test checks it).
/// Week 9, "Training the scratch MLP"; Week 3 derives momentum.
/// </summary>
public sealed class SgdMomentum
{
    private double[][]? _weightVelocity, _biasVelocity;

    public SgdMomentum(double learningRate, double momentum = 0.9)
    {
        Guard.Positive(learningRate, nameof(learningRate));
        Guard.InHalfOpenRange(momentum, 0.0, 1.0, nameof(momentum));
        LearningRate = learningRate;
        Momentum = momentum;
    }

    /// <summary>The rate of the next step; a schedule sets it before each step.</summary>
    public double LearningRate { get; set; }

    public double Momentum { get; }

    /// <summary>One update of every weight and bias of <paramref name="model"/> in place.</summary>
    public void Step(ScratchMlp model, MlpGradients gradients)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(gradients, nameof(gradients));
        if (gradients.Weights.Count != model.LayerCount)
            throw new ArgumentException($"gradients are for {gradients.Weights.Count} layers, but the model has {model.LayerCount}.", nameof(gradients));
        _weightVelocity ??= model.Weights.Select(w => new double[w.Length]).ToArray();
        _biasVelocity ??= model.Biases.Select(b => new double[b.Length]).ToArray();
        for (int l = 0; l < model.LayerCount; l++)
        {
            Update(model.Weights[l], gradients.Weights[l], _weightVelocity[l]);
            Update(model.Biases[l], gradients.Biases[l], _biasVelocity[l]);
        }
    }

    // <snippet name="scratch-sgd-momentum">
    private void Update(double[] theta, double[] g, double[] v)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            v[i] = Momentum * v[i] + g[i];        // v starts at 0, so the first step is plain SGD, as in PyTorch
            theta[i] -= LearningRate * v[i];
        }
    }
    // </snippet>
}
