using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Autodiff;

/// <summary>What TorchSharp computed for a function of some inputs: its output and each input's gradient.</summary>
public sealed record TorchGradients(double[] Output, long[] OutputShape, IReadOnlyList<double[]> InputGradients);

/// <summary>
/// The independent reference for the scratch engines (week09-autodiff.ipynb, section 6): the same function evaluated by
/// TorchSharp's autograd in float64 on copies of the same inputs. Kept apart from the engines, which use no TorchSharp.
/// </summary>
public static class TorchAutograd
{
    /// <summary>
    /// Evaluates <paramref name="f"/> on float64 leaf tensors (requires_grad) holding the inputs' values, and
    /// back-propagates: from 1 if the output has one element, otherwise from <paramref name="outputGradient"/>
    /// (row-major, the output's shape), as <c>output.backward(gradient)</c> does.
    /// </summary>
    public static TorchGradients Evaluate(IReadOnlyList<TensorValue> inputs, Func<Tensor[], Tensor> f, double[]? outputGradient = null)
    {
        Guard.NotEmpty(inputs, nameof(inputs));
        Guard.NotNull(f, nameof(f));
        TorchNative.EnsureLoaded();
        // One scope per call: a notebook or test calling this in a loop keeps the live-tensor count flat.
        using var scope = NewDisposeScope();
        var leaves = inputs.Select(t => TensorConversion.ToTensor(t.Data, t.Shape.Select(s => (long)s).ToArray(), ScalarType.Float64).requires_grad_(true)).ToArray();
        var output = f(leaves);
        if (output.numel() == 1 && outputGradient is null)
            output.backward();
        else
        {
            if (outputGradient is null || outputGradient.Length != output.numel())
                throw new ArgumentException(
                    $"f returned a tensor of shape ({string.Join(", ", output.shape)}); give outputGradient with its {output.numel()} values " +
                    $"(got {(outputGradient is null ? "none" : outputGradient.Length.ToString())}).", nameof(outputGradient));
            output.backward([TensorConversion.ToTensor(outputGradient, output.shape, ScalarType.Float64)]);
        }
        return new TorchGradients(
            TensorConversion.ToDoubles(output), output.shape.ToArray(),
            leaves.Select(leaf => leaf.grad is null ? new double[leaf.numel()] : TensorConversion.ToDoubles(leaf.grad)).ToArray());
    }
}
