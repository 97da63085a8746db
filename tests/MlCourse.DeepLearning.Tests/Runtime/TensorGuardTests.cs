using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Runtime;

public sealed class TensorGuardTests
{
    public TensorGuardTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void Rank_names_the_argument_the_layout_and_the_shape_found()
    {
        using var matrix = zeros(3, 2);
        TensorGuard.Rank(matrix, 2, "logits", "(N, K)");
        var e = Assert.Throws<ArgumentException>(() => TensorGuard.Rank(matrix, 4, "batch", "(B, C, H, W)"));
        Assert.Equal("batch", e.ParamName);
        Assert.Contains("batch must be a 4-D tensor (B, C, H, W), but has shape (3, 2)", e.Message);
    }

    [Fact]
    public void A_scalar_has_no_sample_dimension()
    {
        using var vector = zeros(5);
        TensorGuard.HasSampleDimension(vector, "x");
        using var scalar = tensor(1.0f);
        var e = Assert.Throws<ArgumentException>(() => TensorGuard.HasSampleDimension(scalar, "y"));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("y must have a sample dimension first", e.Message);
    }
}
