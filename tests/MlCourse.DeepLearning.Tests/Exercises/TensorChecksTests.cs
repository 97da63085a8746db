using MlCourse.DeepLearning.Exercises;
using MlCourse.Notebook;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Exercises;

public sealed class TensorChecksTests
{
    // The reference: a linear layer y = x Wᵀ + b, checked against TorchSharp's own nn.functional.linear.
    private static CheckResult CheckLinear(Func<Tensor, Tensor, Tensor, Tensor?> linear) =>
        Exercise.Check("a linear layer", c =>
        {
            using var generator = new Generator(3);
            var x = randn([4, 3], generator: generator);
            var w = randn([2, 3], generator: generator);
            var b = randn([2], generator: generator);
            c.Close("y", linear(x, w, b), nn.functional.linear(x, w, b), 1e-6);
        });

    [Fact]
    public void The_reference_passes()
    {
        var result = CheckLinear((x, w, b) => x.matmul(w.T) + b);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void A_forgotten_bias_fails_on_the_values()
    {
        var result = CheckLinear((x, w, b) => x.matmul(w.T));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.DoesNotContain(result.Failures, f => f.Contains("shape"));
    }

    [Fact]
    public void A_transposed_result_fails_on_the_shape_and_names_both_shapes()
    {
        var result = CheckLinear((x, w, b) => (x.matmul(w.T) + b).T);
        Assert.Equal(CheckStatus.Failed, result.Status);
        var failure = Assert.Single(result.Failures);
        Assert.Contains("expected shape (4, 2) but got (2, 4)", failure);
    }

    [Fact]
    public void A_missing_result_fails_instead_of_throwing()
    {
        var result = CheckLinear((x, w, b) => null);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("got null", Assert.Single(result.Failures));
    }
}
