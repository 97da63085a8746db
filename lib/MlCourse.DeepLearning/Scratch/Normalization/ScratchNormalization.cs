using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch.Normalization;

/// <summary>What a normalisation forward pass keeps for its backward: x̂, and per group the mean, variance and 1/σ.</summary>
/// <param name="StatisticsFromBatch">True when the mean and variance were computed from this batch (so they depend on x
/// and the backward must follow them); false in batch norm's eval mode, where they are fixed running averages.</param>
public sealed record NormalizationForward(
    double[] Output, double[] Normalized, double[] Mean, double[] Variance, double[] InverseStd, NormalizationLayout Layout, bool StatisticsFromBatch);

/// <summary>∂L/∂x, ∂L/∂γ and ∂L/∂β of a normalisation layer.</summary>
public sealed record NormalizationGradients(double[] Input, double[] Gamma, double[] Beta);

/// <summary>
/// Normalisation on plain NCHW arrays (Week 11, "normalisation layers"): y = γ·x̂ + β with x̂ = (x − μ_g)/√(σ²_g + ε), μ and
/// the biased σ² taken over each group of a <see cref="NormalizationLayout"/>. Batch norm with running statistics is
/// <see cref="ScratchBatchNorm"/>; layer, instance and group norm are this with their layout.
/// </summary>
public static class ScratchNormalization
{
    public const double DefaultEpsilon = 1e-5;

    public static NormalizationForward LayerNorm(double[] x, ImageShape shape, double[] gamma, double[] beta, double epsilon = DefaultEpsilon) =>
        Forward(x, NormalizationLayout.LayerNorm(shape), gamma, beta, epsilon);

    public static NormalizationForward InstanceNorm(double[] x, ImageShape shape, double[] gamma, double[] beta, double epsilon = DefaultEpsilon) =>
        Forward(x, NormalizationLayout.InstanceNorm(shape), gamma, beta, epsilon);

    public static NormalizationForward GroupNorm(double[] x, ImageShape shape, int groups, double[] gamma, double[] beta, double epsilon = DefaultEpsilon) =>
        Forward(x, NormalizationLayout.GroupNorm(shape, groups), gamma, beta, epsilon);

    /// <summary>Normalises with statistics of the batch itself, one mean and biased variance per group.</summary>
    public static NormalizationForward Forward(double[] x, NormalizationLayout layout, double[] gamma, double[] beta, double epsilon = DefaultEpsilon)
    {
        Guard.NotNull(layout, nameof(layout));
        CheckInputs(x, layout, gamma, beta, epsilon);
        var mean = new double[layout.GroupCount];
        var variance = new double[layout.GroupCount];
        for (int i = 0; i < x.Length; i++) mean[layout.GroupOf[i]] += x[i];
        for (int g = 0; g < mean.Length; g++) mean[g] /= layout.GroupSize;
        for (int i = 0; i < x.Length; i++)   // two passes: Σ(x − μ)² does not cancel as E[x²] − μ² can
        {
            double d = x[i] - mean[layout.GroupOf[i]];
            variance[layout.GroupOf[i]] += d * d;
        }
        for (int g = 0; g < variance.Length; g++) variance[g] /= layout.GroupSize;
        return Apply(x, layout, gamma, beta, mean, variance, epsilon, statisticsFromBatch: true);
    }

    /// <summary>Normalises with given per-group statistics (batch norm's eval mode: the running mean and variance).</summary>
    internal static NormalizationForward Apply(double[] x, NormalizationLayout layout, double[] gamma, double[] beta,
        double[] mean, double[] variance, double epsilon, bool statisticsFromBatch)
    {
        var inverseStd = variance.Select(v => 1.0 / Math.Sqrt(v + epsilon)).ToArray();
        var normalized = new double[x.Length];
        var output = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int g = layout.GroupOf[i], p = layout.ParameterOf[i];
            normalized[i] = (x[i] - mean[g]) * inverseStd[g];
            output[i] = gamma[p] * normalized[i] + beta[p];
        }
        return new NormalizationForward(output, normalized, mean, variance, inverseStd, layout, statisticsFromBatch);
    }

    // <snippet name="normalization-backward">
    /// <summary>
    /// Backward through y = γ·x̂ + β. With batch statistics, μ and σ² depend on every x of the group, so with
    /// ĝ = ∂L/∂x̂ = γ·∂L/∂y the gradient is ∂L/∂x = (1/σ)(ĝ − mean_g(ĝ) − x̂·mean_g(ĝ·x̂)): the two means are the
    /// paths through μ and through σ². With fixed statistics (eval) both paths vanish and ∂L/∂x = ĝ/σ.
    /// </summary>
    public static NormalizationGradients Backward(NormalizationForward forward, double[] gamma, double[] outputGradient)
    {
        Guard.NotNull(forward, nameof(forward));
        var layout = forward.Layout;
        Guard.NotNull(gamma, nameof(gamma));
        Guard.Length(gamma.Length, layout.ParameterCount, nameof(gamma), "one γ per normalised position");
        Guard.NotNull(outputGradient, nameof(outputGradient));
        Guard.Length(outputGradient.Length, layout.Shape.Length, nameof(outputGradient), "one gradient per output entry");
        var xHat = forward.Normalized;
        var dGamma = new double[layout.ParameterCount];
        var dBeta = new double[layout.ParameterCount];
        var gHat = new double[xHat.Length];
        var meanG = new double[layout.GroupCount];
        var meanGx = new double[layout.GroupCount];
        for (int i = 0; i < xHat.Length; i++)
        {
            int g = layout.GroupOf[i], p = layout.ParameterOf[i];
            dGamma[p] += outputGradient[i] * xHat[i];
            dBeta[p] += outputGradient[i];
            gHat[i] = gamma[p] * outputGradient[i];
            meanG[g] += gHat[i] / layout.GroupSize;
            meanGx[g] += gHat[i] * xHat[i] / layout.GroupSize;
        }
        var dx = new double[xHat.Length];
        for (int i = 0; i < xHat.Length; i++)
        {
            int g = layout.GroupOf[i];
            dx[i] = forward.StatisticsFromBatch
                ? forward.InverseStd[g] * (gHat[i] - meanG[g] - xHat[i] * meanGx[g])
                : forward.InverseStd[g] * gHat[i];
        }
        return new NormalizationGradients(dx, dGamma, dBeta);
    }
    // </snippet>

    internal static void CheckInputs(double[] x, NormalizationLayout layout, double[] gamma, double[] beta, double epsilon)
    {
        layout.Shape.Check(x, nameof(x));
        Guard.NotNull(gamma, nameof(gamma));
        Guard.NotNull(beta, nameof(beta));
        Guard.Length(gamma.Length, layout.ParameterCount, nameof(gamma), "one γ per normalised position");
        Guard.Length(beta.Length, layout.ParameterCount, nameof(beta), "one β per normalised position");
        Guard.Positive(epsilon, nameof(epsilon));
    }
}
