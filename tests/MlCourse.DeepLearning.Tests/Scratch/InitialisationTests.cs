using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Scratch;

namespace MlCourse.DeepLearning.Tests.Scratch;

public sealed class InitialisationTests
{
    [Theory]
    [InlineData(WeightInit.Xavier, 300, 100)]
    [InlineData(WeightInit.He, 300, 100)]
    [InlineData(WeightInit.PyTorchDefault, 300, 100)]
    [InlineData(WeightInit.SmallNormal, 300, 100)]
    public void Drawn_weights_have_the_scheme_s_standard_deviation(WeightInit scheme, int fanIn, int fanOut)
    {
        var w = Initialisation.Draw(scheme, fanIn, fanOut, Seeded.Random(1));
        double std = Math.Sqrt(w.Sum(v => v * v) / w.Length);
        // 30,000 draws: the sample std is within about 1% of the true one.
        Assert.Equal(1.0, std / Initialisation.Std(scheme, fanIn, fanOut), 0.02);
        Assert.Equal(0.0, w.Average(), 2e-3 * Initialisation.Std(scheme, fanIn, fanOut) * 10);
    }

    [Fact]
    public void The_standard_deviations_are_the_closed_forms()
    {
        Assert.Equal(Math.Sqrt(2.0 / 300), Initialisation.Std(WeightInit.Xavier, 200, 100), 15);
        Assert.Equal(Math.Sqrt(2.0 / 200), Initialisation.Std(WeightInit.He, 200, 100), 15);
        Assert.Equal(1 / Math.Sqrt(600.0), Initialisation.Std(WeightInit.PyTorchDefault, 200, 100), 15);
    }

    [Fact]
    public void He_keeps_the_ReLU_pre_activation_scale_through_20_layers_while_other_schemes_collapse_or_explode()
    {
        var he = DepthExperiment.Measure(depth: 20, width: 256, ActivationKind.Relu, WeightInit.He);
        // Var(z_l) = fan_in·Var(w)·E[a²] = 256·(2/256)·Var(z_(l−1))/2: unchanged in expectation; z_1 has Var 2 (input N(0,1), E[x²] = 1).
        Assert.All(he.PreActivationStd, s => Assert.InRange(s, 0.6, 2.5));
        var small = DepthExperiment.Measure(20, 256, ActivationKind.Relu, WeightInit.SmallNormal);
        // Each layer multiplies the std by √(256·1e-4/2) ≈ 0.11: below 1e-15 after 20 layers.
        Assert.True(small.PreActivationStd[^1] < 1e-15, $"{small.PreActivationStd[^1]}");
        var big = DepthExperiment.Measure(20, 256, ActivationKind.Relu, WeightInit.StandardNormal);
        // ... and by √(256/2) ≈ 11.3 with N(0, 1) weights.
        Assert.True(big.PreActivationStd[^1] > 1e15, $"{big.PreActivationStd[^1]}");
        var xavierTanh = DepthExperiment.Measure(20, 256, ActivationKind.Tanh, WeightInit.Xavier);
        Assert.All(xavierTanh.ActivationStd, s => Assert.InRange(s, 0.1, 1.0));
    }

    [Fact]
    public void Sigmoid_gradients_vanish_towards_the_input_and_ReLU_with_He_keeps_them()
    {
        // σ′ ≤ 1/4 at every layer: the first layer's gradient is orders of magnitude below the last hidden layer's.
        var sigmoid = DepthExperiment.Measure(depth: 10, width: 128, ActivationKind.Sigmoid, WeightInit.Xavier);
        Assert.True(sigmoid.GradientNorms[0] < 1e-3 * sigmoid.GradientNorms[^2], string.Join(", ", sigmoid.GradientNorms));
        var relu = DepthExperiment.Measure(10, 128, ActivationKind.Relu, WeightInit.He);
        Assert.InRange(relu.GradientNorms[0] / relu.GradientNorms[^2], 0.1, 10);
    }
}
