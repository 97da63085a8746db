using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Normalization;

/// <summary>
/// Batch norm with running statistics, as nn.BatchNorm2d / nn.BatchNorm1d keep them (Week 11, "batch norm: train vs
/// eval"). Training normalises with the batch's own mean and biased variance and moves the running averages by
/// r ← (1 − momentum)·r + momentum·batch, the variance entering unbiased (× m/(m − 1), m = N·H·W); eval normalises with
/// the running averages, so one sample's output no longer depends on the rest of its batch.
/// </summary>
public sealed class ScratchBatchNorm
{
    public ScratchBatchNorm(int channels, double momentum = 0.1, double epsilon = ScratchNormalization.DefaultEpsilon)
    {
        Channels = Guard.Positive(channels, nameof(channels));
        Guard.InLeftOpenRange(momentum, 0, 1, nameof(momentum), "the share of the new batch in the running averages");
        Momentum = momentum;
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        Gamma = Enumerable.Repeat(1.0, channels).ToArray();
        Beta = new double[channels];
        RunningMean = new double[channels];
        RunningVariance = Enumerable.Repeat(1.0, channels).ToArray();   // PyTorch's start: mean 0, variance 1
    }

    public int Channels { get; }
    public double Momentum { get; }
    public double Epsilon { get; }
    /// <summary>γ per channel (starts at 1); the caller may set entries, e.g. to copy a twin's weights.</summary>
    public double[] Gamma { get; }
    /// <summary>β per channel (starts at 0).</summary>
    public double[] Beta { get; }
    public double[] RunningMean { get; }
    public double[] RunningVariance { get; }
    /// <summary>True (the default) uses batch statistics and updates the running averages; false uses the running averages.</summary>
    public bool Training { get; set; } = true;

    /// <summary>Forward on an (N, C) batch of feature rows, as nn.BatchNorm1d.</summary>
    public NormalizationForward Forward(double[] x, int batch, int features) =>
        Forward(x, new ImageShape(Guard.Positive(batch, nameof(batch)), Guard.Positive(features, nameof(features)), 1, 1));

    /// <summary>Forward on an NCHW batch, as nn.BatchNorm2d.</summary>
    public NormalizationForward Forward(double[] x, ImageShape shape)
    {
        Guard.Length(shape.Channels, Channels, nameof(shape), $"the layer was built for {Channels} channels");
        var layout = NormalizationLayout.BatchNorm(shape);
        if (!Training)
        {
            ScratchNormalization.CheckInputs(x, layout, Gamma, Beta, Epsilon);
            return ScratchNormalization.Apply(x, layout, Gamma, Beta, RunningMean, RunningVariance, Epsilon, statisticsFromBatch: false);
        }
        Guard.AtLeast(layout.GroupSize, 2, nameof(shape), "training needs more than one value per channel for a variance");
        var forward = ScratchNormalization.Forward(x, layout, Gamma, Beta, Epsilon);
        double unbiased = layout.GroupSize / (layout.GroupSize - 1.0);
        for (int c = 0; c < Channels; c++)
        {
            RunningMean[c] = (1 - Momentum) * RunningMean[c] + Momentum * forward.Mean[c];
            RunningVariance[c] = (1 - Momentum) * RunningVariance[c] + Momentum * forward.Variance[c] * unbiased;
        }
        return forward;
    }

    /// <summary>∂L/∂x, ∂L/∂γ, ∂L/∂β of the forward pass <paramref name="forward"/> (train or eval, as it was run).</summary>
    public NormalizationGradients Backward(NormalizationForward forward, double[] outputGradient) =>
        ScratchNormalization.Backward(forward, Gamma, outputGradient);
}
