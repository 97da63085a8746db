using MlCourse.DeepLearning.Convolution;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Convolution;

/// <summary>
/// The receptive-field recursion against closed forms and against TorchSharp autograd: in a stack of Conv1d layers
/// with positive weights, the input positions with a non-zero gradient of one output are exactly its receptive field.
/// </summary>
public sealed class ReceptiveFieldTests
{
    [Fact]
    public void Closed_form_cases()
    {
        // L stacked 3x3 stride-1 convolutions see 2L + 1 positions: three see 7, as one 7x7 would (VGG's argument).
        Assert.Equal(new ReceptiveField(7, 1), ReceptiveField.Of([new(3), new(3), new(3)]));
        // Dilations 1, 2, 4 (WaveNet-style) grow the field exponentially: 1 + 2(1 + 2 + 4) = 15.
        Assert.Equal(new ReceptiveField(15, 1), ReceptiveField.Of([new(3, Dilation: 1), new(3, Dilation: 2), new(3, Dilation: 4)]));
        // LeNet-5: conv5, pool2, conv5, pool2 → 1 + 4 + 1 + 4·2 + 1·4 = 18, jump 4.
        var lenet = ReceptiveField.PerLayer([new(5), new(2, 2), new(5), new(2, 2)]);
        Assert.Equal([new(5, 1), new(6, 2), new(14, 2), new(16, 4)], lenet);
    }

    public static TheoryData<int[], int[], int[]> Stacks() => new()
    {
        { [3, 3, 3], [1, 1, 1], [1, 1, 1] },
        { [3, 3, 3], [2, 2, 1], [1, 1, 1] },
        { [5, 2, 5, 2], [1, 2, 1, 2], [1, 1, 1, 1] },
        { [3, 3, 3], [1, 1, 1], [1, 2, 4] },
        { [4, 3, 2], [2, 1, 3], [2, 1, 1] },
        { [7, 3, 3], [2, 2, 2], [1, 1, 2] },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Size_and_jump_match_the_input_gradient_of_a_TorchSharp_Conv1d_stack(int[] kernels, int[] strides, int[] dilations)
    {
        var layers = kernels.Select((k, i) => new ReceptiveLayer(k, strides[i], dilations[i])).ToArray();
        var field = ReceptiveField.Of(layers);
        using var scope = NewDisposeScope();
        var stack = nn.Sequential(layers.Select((l, i) => ($"conv{i}", (nn.Module<Tensor, Tensor>)nn.Conv1d(1, 1, l.Kernel, stride: l.Stride, dilation: l.Dilation, bias: false))).ToArray());
        using (no_grad())
            foreach (var p in stack.parameters()) p.fill_(1.0);           // positive weights: no gradient cancels by accident
        var x = ones(1, 1, 200, requires_grad: true);                      // (1, 1, 200)
        var y = stack.forward(x);                                           // (1, 1, L)
        Assert.True(y.shape[2] >= 2, "the stack must leave at least two outputs");
        var (start0, width0) = Support(x, y, 0);
        var (start1, width1) = Support(x, y, 1);
        Assert.Equal(field.Size, width0);
        Assert.Equal(field.Size, width1);
        Assert.Equal(field.Jump, start1 - start0);
    }

    /// <summary>The first input position and the extent of the non-zero gradient of output <paramref name="index"/>.</summary>
    private static (long Start, long Width) Support(Tensor x, Tensor y, int index)
    {
        x.grad?.zero_();
        y[0, 0, index].backward(retain_graph: true);
        var g = x.grad!.reshape(-1).data<float>().ToArray();
        int first = Array.FindIndex(g, v => v != 0), last = Array.FindLastIndex(g, v => v != 0);
        return (first, last - first + 1);
    }

    [Fact]
    public void An_empty_stack_or_a_zero_stride_is_refused()
    {
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => ReceptiveField.Of([])).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => ReceptiveField.Of([new(3, Stride: 0)])).ParamName);
    }
}
