using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Scratch;
using MlCourse.DeepLearning.Scratch.Normalization;
using static MlCourse.DeepLearning.Tests.Scratch.Normalization.NormalizationAssert;

namespace MlCourse.DeepLearning.Tests.Scratch.Normalization;

/// <summary>Layer, instance and group norm against nn.LayerNorm, nn.InstanceNorm2d(affine) and nn.GroupNorm; every layout against finite differences.</summary>
public sealed class NormalizationLayerTests
{
    private static readonly ImageShape Shape = new(2, 4, 3, 3);

    private static (NormalizationLayout Layout, TorchNormalizationTwin Torch) Build(string kind, double[] gamma, double[] beta) => kind switch
    {
        "layer" => (NormalizationLayout.LayerNorm(Shape), TorchNormalizationTwin.LayerNorm(Shape, gamma, beta)),
        "instance" => (NormalizationLayout.InstanceNorm(Shape), TorchNormalizationTwin.InstanceNorm2d(Shape.Channels, gamma, beta)),
        "group" => (NormalizationLayout.GroupNorm(Shape, 2), TorchNormalizationTwin.GroupNorm(2, Shape.Channels, gamma, beta)),
        _ => throw new ArgumentException(kind, nameof(kind)),
    };

    private static int ParameterCount(string kind) => kind == "layer" ? Shape.Channels * Shape.Height * Shape.Width : Shape.Channels;

    [Theory]
    [InlineData("layer")]
    [InlineData("instance")]
    [InlineData("group")]
    public void Output_and_gradients_match_TorchSharp(string kind)
    {
        var rng = Seeded.Random(kind.Length);
        int p = ParameterCount(kind);
        var gamma = Gaussian(rng, p, scale: 0.5, shift: 1);
        var beta = Gaussian(rng, p);
        var (layout, twin) = Build(kind, gamma, beta);
        using var torch = twin;
        var x = Gaussian(rng, Shape.Length, scale: 2, shift: 1);
        var dy = Gaussian(rng, Shape.Length);
        var forward = ScratchNormalization.Forward(x, layout, gamma, beta);
        var gradients = ScratchNormalization.Backward(forward, gamma, dy);
        var expected = torch.Run(x, Shape.ToLongs(), dy);
        MatchesTorch(expected, forward, gradients, 1e-12);
    }

    [Fact]
    public void The_named_entry_points_are_their_layouts()
    {
        var rng = Seeded.Random(5);
        var x = Gaussian(rng, Shape.Length);
        var ones = Enumerable.Repeat(1.0, Shape.Channels).ToArray();
        var zeros = new double[Shape.Channels];
        Assert.Equal(ScratchNormalization.Forward(x, NormalizationLayout.InstanceNorm(Shape), ones, zeros).Output, ScratchNormalization.InstanceNorm(x, Shape, ones, zeros).Output);
        Assert.Equal(ScratchNormalization.Forward(x, NormalizationLayout.GroupNorm(Shape, 2), ones, zeros).Output, ScratchNormalization.GroupNorm(x, Shape, 2, ones, zeros).Output);
        // group norm with one group per channel is instance norm, and with one group is layer norm with per-channel γ
        Close(ScratchNormalization.InstanceNorm(x, Shape, ones, zeros).Output, ScratchNormalization.GroupNorm(x, Shape, Shape.Channels, ones, zeros).Output, 1e-15, "G = C");
        int full = Shape.Channels * Shape.Height * Shape.Width;
        Close(ScratchNormalization.LayerNorm(x, Shape, Enumerable.Repeat(1.0, full).ToArray(), new double[full]).Output,
            ScratchNormalization.GroupNorm(x, Shape, 1, ones, zeros).Output, 1e-15, "G = 1");
    }

    public static TheoryData<string> Layouts => ["batch", "layer", "instance", "group"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Gradients_match_central_finite_differences_on_a_tiny_batch(string kind)
    {
        var shape = new ImageShape(2, 2, 2, 1);
        var layout = kind switch
        {
            "batch" => NormalizationLayout.BatchNorm(shape),
            "layer" => NormalizationLayout.LayerNorm(shape),
            "instance" => NormalizationLayout.InstanceNorm(shape),
            _ => NormalizationLayout.GroupNorm(shape, 1),
        };
        var rng = Seeded.Random(21);
        var x = Gaussian(rng, shape.Length, scale: 2);
        var gamma = Gaussian(rng, layout.ParameterCount, scale: 0.5, shift: 1);
        var beta = Gaussian(rng, layout.ParameterCount);
        var r = Gaussian(rng, shape.Length);
        double Loss(double[] xs, double[] g, double[] b) => ScratchNormalization.Forward(xs, layout, g, b).Output.Zip(r, (y, w) => y * w).Sum();
        double[] Numeric(double[] at, Func<double[], double> loss)
        {
            const double h = 1e-6;
            return at.Select((_, i) =>
            {
                var plus = at.ToArray(); plus[i] += h;
                var minus = at.ToArray(); minus[i] -= h;
                return (loss(plus) - loss(minus)) / (2 * h);
            }).ToArray();
        }
        var analytic = ScratchNormalization.Backward(ScratchNormalization.Forward(x, layout, gamma, beta), gamma, r);
        Close(Numeric(x, xs => Loss(xs, gamma, beta)), analytic.Input, 1e-7, "dx");
        Close(Numeric(gamma, g => Loss(x, g, beta)), analytic.Gamma, 1e-7, "dγ");
        Close(Numeric(beta, b => Loss(x, gamma, b)), analytic.Beta, 1e-7, "dβ");
    }

    [Fact]
    public void Bad_shapes_and_arguments_are_refused_with_their_name()
    {
        var ones = Enumerable.Repeat(1.0, Shape.Channels).ToArray();
        var x = new double[Shape.Length];
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => NormalizationLayout.GroupNorm(Shape, 3)).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => NormalizationLayout.GroupNorm(Shape, 0)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => ScratchNormalization.InstanceNorm(x, Shape, [1.0], ones)).ParamName);
        Assert.Equal("beta", Assert.ThrowsAny<ArgumentException>(() => ScratchNormalization.InstanceNorm(x, Shape, ones, [0.0])).ParamName);
        Assert.Equal("x", Assert.ThrowsAny<ArgumentException>(() => ScratchNormalization.LayerNorm(new double[5], Shape, ones, ones)).ParamName);
        Assert.Equal("epsilon", Assert.ThrowsAny<ArgumentException>(() => ScratchNormalization.InstanceNorm(x, Shape, ones, ones, epsilon: 0)).ParamName);
        Assert.Equal("Channels", Assert.ThrowsAny<ArgumentException>(() => NormalizationLayout.LayerNorm(new ImageShape(1, 0, 2, 2))).ParamName);
    }
}
