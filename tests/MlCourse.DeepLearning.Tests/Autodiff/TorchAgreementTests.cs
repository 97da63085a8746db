using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Autodiff;
using TorchSharp;
using static MlCourse.DeepLearning.Tests.Autodiff.GradientCheck;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Autodiff;

/// <summary>
/// The tensor engine against TorchSharp's autograd (libtorch 2.10, float64): the same function of the same inputs, the
/// forward values and every input's gradient, with a random upstream gradient for non-scalar outputs.
/// </summary>
public sealed class TorchAgreementTests
{
    // Both sides compute in float64 with the same formulas up to summation order: agreement to ~1e-12.
    private const double Tolerance = 1e-10;

    private static void AssertAgree(Func<TensorValue[], TensorValue> engineF, Func<Tensor[], Tensor> torchF, params TensorValue[] inputs)
    {
        var output = engineF(inputs);
        var upstream = UpstreamGradient(output.Shape);
        (output * upstream).Sum().Backward();
        var torchResult = TorchAutograd.Evaluate(inputs, torchF, upstream.Data);
        Assert.Equal(output.Shape.Select(s => (long)s).ToArray(), torchResult.OutputShape);
        AssertClose(torchResult.Output, output.Data, Tolerance, "forward");
        for (int k = 0; k < inputs.Length; k++)
            AssertClose(torchResult.InputGradients[k], inputs[k].Grad, Tolerance, $"gradient of input {k}");
    }

    public static TheoryData<int[], int[]> BroadcastPairs => new()
    {
        { [3, 1], [1, 4] },
        { [2, 3, 4], [4] },
        { [2, 1, 4], [3, 1] },
        { [5], [] },
        { [4, 1, 3], [1, 2, 1] },
        { [3], [2, 1] },
    };

    [Theory]
    [MemberData(nameof(BroadcastPairs))]
    public void Broadcast_arithmetic_agrees_with_torch(int[] shapeA, int[] shapeB)
    {
        var a = Uniform(shapeA, -2, 2, 21);
        var b = Uniform(shapeB, 0.5, 2, 22);
        AssertAgree(v => (v[0] + v[1]) * v[0] - v[1] / (v[0] * v[0] + 1), t => (t[0] + t[1]) * t[0] - t[1] / (t[0] * t[0] + 1), a, b);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_broadcastable_shapes_agree_with_torch(int seed)
    {
        // A random shape of rank 1-4 (sizes 1-4) and a partner made from it by dropping leading axes and setting some sizes to 1.
        var rng = Seeded.Random(100 + seed);
        var shapeA = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => rng.Next(1, 5)).ToArray();
        var shapeB = shapeA.Skip(rng.Next(0, shapeA.Length)).Select(s => rng.NextDouble() < 0.4 ? 1 : s).ToArray();
        if (rng.NextDouble() < 0.5) (shapeA, shapeB) = (shapeB, shapeA);
        var a = Uniform(shapeA, -2, 2, 200 + seed);
        var b = Uniform(shapeB, 0.5, 2, 300 + seed);
        AssertAgree(v => (v[0] * v[1] + v[1]).Tanh() / v[1], t => (t[0] * t[1] + t[1]).tanh() / t[1], a, b);
    }

    [Fact]
    public void Unary_operations_agree_with_torch()
    {
        var x = Uniform([2, 3, 4], 0.1, 2, 23);
        AssertAgree(v => v[0].Exp() + v[0].Log() + v[0].Pow(1.5) - v[0].Sigmoid(), t => t[0].exp() + t[0].log() + t[0].pow(1.5) - t[0].sigmoid(), x);
        var mixed = Uniform([2, 3, 4], -2, 2, 24);
        AssertAgree(v => v[0].Relu() * v[0].Tanh() - v[0], t => t[0].relu() * t[0].tanh() - t[0], mixed);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, true)]
    [InlineData(2, false)]
    public void Reductions_agree_with_torch(int axis, bool keepDims)
    {
        var x = Uniform([2, 3, 4], -1, 1, 25);
        AssertAgree(v => v[0].Sum(axis, keepDims), t => t[0].sum(axis, keepDims), x);
        AssertAgree(v => v[0].Mean(axis, keepDims), t => t[0].mean([axis], keepDims), TensorValue.FromArray(x.Data, 2, 3, 4));
        AssertAgree(v => v[0].Mean().Reshape(1), t => t[0].mean().reshape(1), TensorValue.FromArray(x.Data, 2, 3, 4));
    }

    [Fact]
    public void Matmul_reshape_and_transpose_agree_with_torch()
    {
        var a = Uniform([5, 3], -1, 1, 26);
        var b = Uniform([3, 4], -1, 1, 27);
        AssertAgree(v => v[0].MatMul(v[1]), t => t[0].matmul(t[1]), a, b);
        AssertAgree(v => v[0].Reshape(3, 5).T.Reshape(-1), t => t[0].reshape(3, 5).T.reshape(-1), TensorValue.FromArray(a.Data, 5, 3));
        AssertAgree(v => v[0].Transpose(0, 2), t => t[0].transpose(0, 2), Uniform([2, 3, 4], -1, 1, 28));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Softmax_and_log_softmax_agree_with_torch(int axis)
    {
        var z = Uniform([3, 4], -3, 3, 29);
        AssertAgree(v => v[0].Softmax(axis), t => t[0].softmax(axis), z);
        AssertAgree(v => v[0].LogSoftmax(axis), t => t[0].log_softmax(axis), TensorValue.FromArray(z.Data, 3, 4));
    }

    [Fact]
    public void Cross_entropy_agrees_with_torch()
    {
        var logits = Uniform([6, 4], -3, 3, 30);
        int[] targets = [3, 0, 1, 1, 2, 0];
        var labels = targets.Select(t => (long)t).ToArray();
        AssertAgree(v => v[0].CrossEntropy(targets), t => nn.functional.cross_entropy(t[0], tensor(labels)), logits);
    }

    [Fact]
    public void The_mlp_loss_and_its_parameter_gradients_agree_with_torch()
    {
        var X = Uniform([8, 2], -1, 1, 31);
        int[] y = [0, 1, 1, 0, 1, 0, 0, 1];
        var mlp = new TensorMlp(2, 5, 2, seed: 3);
        var labels = y.Select(t => (long)t).ToArray();
        AssertAgree(v => mlp.Forward(v[0]).CrossEntropy(y), t =>
        {
            var h = (t[0].matmul(t[1]) + t[2]).relu();                      // (8, 5)
            return nn.functional.cross_entropy(h.matmul(t[3]) + t[4], tensor(labels));
        }, X, mlp.W1, mlp.b1, mlp.W2, mlp.b2);
    }

    [Fact]
    public void Evaluating_in_a_loop_leaves_no_live_tensors_behind()
    {
        var x = Uniform([4, 3], -1, 1, 32);
        TorchAutograd.Evaluate([x], t => t[0].tanh().sum());              // the first call loads libtorch
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 50; i++) TorchAutograd.Evaluate([x], t => t[0].tanh().sum());
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_non_scalar_output_without_an_upstream_gradient_is_rejected()
    {
        var x = Uniform([2, 3], -1, 1, 34);
        var error = Assert.Throws<ArgumentException>(() => TorchAutograd.Evaluate([x], t => t[0].exp()));
        Assert.Contains("shape (2, 3)", error.Message);
        Assert.Contains("its 6 values", error.Message);
    }

    [Fact]
    public void A_wrong_backward_is_caught_by_the_torch_comparison()
    {
        // The plausible wrong softmax backward s ⊙ g (the Jacobian's diagonal only), written on the engine's inputs:
        // torch's gradient must differ from it.
        var z = Uniform([2, 3], -1, 1, 33);
        var g = UpstreamGradient([2, 3]);
        var s = z.Softmax(1).Data;
        var diagonalOnly = s.Select((v, i) => v * g.Data[i]).ToArray();
        var torchResult = TorchAutograd.Evaluate([z], t => t[0].softmax(1), g.Data);
        Assert.Contains(Enumerable.Range(0, 6), i => Math.Abs(torchResult.InputGradients[0][i] - diagonalOnly[i]) > 1e-3);
    }
}
