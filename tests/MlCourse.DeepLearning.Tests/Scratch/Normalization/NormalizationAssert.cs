using MlCourse.Core.Randomness;

using MlCourse.DeepLearning.Scratch.Normalization;

namespace MlCourse.DeepLearning.Tests.Scratch.Normalization;

internal static class NormalizationAssert
{
    public static double MaxDifference(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
    }

    public static void Close(double[] expected, double[] actual, double tolerance, string what) =>
        Assert.True(MaxDifference(expected, actual) < tolerance, $"{what}: max |difference| {MaxDifference(expected, actual):E2} is not below {tolerance:E0}");

    public static double[] Gaussian(Random rng, int n, double scale = 1, double shift = 0) =>
        Enumerable.Range(0, n).Select(_ => shift + scale * rng.NextGaussian()).ToArray();

    /// <summary>Output, ∂L/∂x, ∂L/∂γ and ∂L/∂β of a scratch pass all within <paramref name="tolerance"/> of the TorchSharp twin's.</summary>
    public static void MatchesTorch(TorchNormalizationTwin.Result expected, NormalizationForward forward, NormalizationGradients gradients, double tolerance)
    {
        Close(expected.Output, forward.Output, tolerance, "output");
        Close(expected.InputGradient, gradients.Input, tolerance, "dx");
        Close(expected.GammaGradient, gradients.Gamma, tolerance, "dγ");
        Close(expected.BetaGradient, gradients.Beta, tolerance, "dβ");
    }
}
