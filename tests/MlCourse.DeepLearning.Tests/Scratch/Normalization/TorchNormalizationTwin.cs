using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Scratch.Normalization;

/// <summary>
/// A TorchSharp normalisation module (float64) with a scratch layer's γ and β copied in, run on L = Σ y ⊙ R so that
/// autograd's ∂L/∂x, ∂L/∂γ, ∂L/∂β are the scratch backward's inputs for ∂L/∂y = R.
/// </summary>
internal sealed class TorchNormalizationTwin : IDisposable
{
    public sealed record Result(double[] Output, double[] InputGradient, double[] GammaGradient, double[] BetaGradient);

    private readonly nn.Module<Tensor, Tensor> _module;

    public TorchNormalizationTwin(nn.Module<Tensor, Tensor> module, double[] gamma, double[] beta)
    {
        _module = module;
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
        {
            parameters["weight"].copy_(TensorConversion.ToTensor(gamma, parameters["weight"].shape));
            parameters["bias"].copy_(TensorConversion.ToTensor(beta, parameters["bias"].shape));
        }
    }

    public Tensor Buffer(string name) => _module.named_buffers().Single(b => b.name == name).buffer;

    public double[] RunningMean => TensorConversion.ToDoubles(Buffer("running_mean"));
    public double[] RunningVariance => TensorConversion.ToDoubles(Buffer("running_var"));

    public void Eval() => _module.eval();

    public Result Run(double[] x, long[] shape, double[] outputGradient)
    {
        using var scope = NewDisposeScope();
        foreach (var p in _module.parameters()) p.grad = null;
        var input = TensorConversion.ToTensor(x, shape).requires_grad_();
        var y = _module.call(input);
        (y * TensorConversion.ToTensor(outputGradient, y.shape)).sum().backward();
        var parameters = _module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        return new Result(TensorConversion.ToDoubles(y), TensorConversion.ToDoubles(input.grad!),
            TensorConversion.ToDoubles(parameters["weight"].grad!), TensorConversion.ToDoubles(parameters["bias"].grad!));
    }

    public static TorchNormalizationTwin BatchNorm2d(int channels, double momentum, double[] gamma, double[] beta) =>
        new(nn.BatchNorm2d(channels, momentum: momentum, dtype: ScalarType.Float64), gamma, beta);

    public static TorchNormalizationTwin BatchNorm1d(int features, double momentum, double[] gamma, double[] beta) =>
        new(nn.BatchNorm1d(features, momentum: momentum, dtype: ScalarType.Float64), gamma, beta);

    public static TorchNormalizationTwin LayerNorm(ImageShape shape, double[] gamma, double[] beta) =>
        new(nn.LayerNorm([shape.Channels, shape.Height, shape.Width], dtype: ScalarType.Float64), gamma, beta);

    public static TorchNormalizationTwin InstanceNorm2d(int channels, double[] gamma, double[] beta) =>
        new(nn.InstanceNorm2d(channels, affine: true, dtype: ScalarType.Float64), gamma, beta);

    public static TorchNormalizationTwin GroupNorm(int groups, int channels, double[] gamma, double[] beta) =>
        new(nn.GroupNorm(groups, channels, dtype: ScalarType.Float64), gamma, beta);

    public void Dispose() => _module.Dispose();
}
