using MlCourse.Classical.Optimization;
using MlCourse.DeepLearning.Networks;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch;

public sealed class ActivationTests
{
    // Points away from 0, where ReLU and LeakyReLU have a kink and a finite difference straddles it.
    private static readonly double[] Points = [-6.0, -2.5, -1.0, -0.3, 0.2, 0.7, 1.5, 3.0, 8.0];

    public static TheoryData<ActivationKind> Kinds() => new(Enum.GetValues<ActivationKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_derivative_matches_central_finite_differences(ActivationKind kind)
    {
        var activation = Activation.Of(kind);
        foreach (var z in Points)
            // Central differences with h ~ 1e-5 are exact to about 1e-9 for these smooth pieces.
            Assert.Equal(FiniteDifference.Derivative(activation.Forward, z), activation.Derivative(z), 1e-8);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_activation_and_its_gradient_match_TorchSharp_autograd_in_float64(ActivationKind kind)
    {
        var activation = Activation.Of(kind);
        using var scope = NewDisposeScope();
        var z = tensor(Points, dtype: ScalarType.Float64).requires_grad_(true);   // (9,)
        var a = Mlp.Apply(kind, z);                                                 // (9,)
        a.sum().backward();
        var values = TensorConversion.ToDoubles(a);
        var grads = TensorConversion.ToDoubles(z.grad!);
        for (int i = 0; i < Points.Length; i++)
        {
            Assert.Equal(values[i], activation.Forward(Points[i]), 1e-12);
            Assert.Equal(grads[i], activation.Derivative(Points[i]), 1e-12);
        }
    }

    [Fact]
    public void The_scratch_GELU_is_PyTorchs_tanh_form()
    {
        // torch's own gelu(approximate="tanh") is not exposed with that flag in TorchSharp 0.107, so compare
        // against the exact GELU z·Φ(z): the tanh form is known to be within about 5e-4 of it everywhere.
        using var scope = NewDisposeScope();
        var z = linspace(-6, 6, 241, dtype: ScalarType.Float64);
        var exact = TensorConversion.ToDoubles(nn.functional.gelu(z));
        var grid = TensorConversion.ToDoubles(z);
        for (int i = 0; i < grid.Length; i++) Assert.Equal(exact[i], Activation.Gelu.Forward(grid[i]), 1e-3);
    }

    [Fact]
    public void The_sigmoid_is_stable_at_large_inputs_and_its_derivative_peaks_at_one_quarter()
    {
        Assert.Equal(1.0, Activation.Sigmoid.Forward(800));
        Assert.Equal(0.0, Activation.Sigmoid.Forward(-800));
        Assert.False(double.IsNaN(Activation.Sigmoid.Derivative(-800)));
        Assert.Equal(0.25, Activation.Sigmoid.Derivative(0), 15);
        Assert.Equal(1.0, Activation.Tanh.Derivative(0), 15);
        // ReLU at exactly 0: derivative 0, as PyTorch's relu backward.
        Assert.Equal(0.0, Activation.Relu.Derivative(0));
    }
}
