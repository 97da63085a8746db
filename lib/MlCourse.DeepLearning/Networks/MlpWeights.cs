using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Networks;

/// <summary>
/// Copies parameters between a <see cref="ScratchMlp"/> and a TorchSharp <see cref="Mlp"/> of the same
/// shape (Week 9, "Do the two agree?"). Both store W_l as (out, in), so the copy is value for value;
/// values pass through <see cref="TensorConversion"/> like every array ↔ tensor conversion.
/// </summary>
public static class MlpWeights
{
    /// <summary>Overwrites <paramref name="model"/>'s weights and biases with the scratch network's (cast to the model's dtype).</summary>
    public static void CopyInto(ScratchMlp scratch, Mlp model)
    {
        CheckSameShape(scratch, model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        for (int l = 0; l < scratch.LayerCount; l++)
        {
            var layer = model.Layers[l];
            int fanIn = scratch.Sizes[l], fanOut = scratch.Sizes[l + 1];
            var w = TensorConversion.ToTensor(Matrix<double>.Build.DenseOfRowMajor(fanOut, fanIn, scratch.Weights[l]), layer.weight!.dtype); // (out, in)
            var b = TensorConversion.ToTensor(Vector<double>.Build.DenseOfArray(scratch.Biases[l]), layer.bias!.dtype);                    // (out,)
            layer.weight!.copy_(w);
            layer.bias!.copy_(b);
        }
    }

    /// <summary>A scratch network holding the TorchSharp model's current parameters (as doubles).</summary>
    public static ScratchMlp ToScratch(Mlp model)
    {
        Guard.NotNull(model, nameof(model));
        var weights = model.Layers.Select(layer => TensorConversion.ToDoubles(layer.weight!)).ToArray();
        var biases = model.Layers.Select(layer => TensorConversion.ToDoubles(layer.bias!)).ToArray();
        return ScratchMlp.FromParameters(model.Config.Sizes, model.Config.Hidden, weights, biases);
    }

    /// <summary>The model's parameter gradients after a backward pass, as (dW_l, db_l) arrays layer by layer.</summary>
    public static (double[][] Weights, double[][] Biases) Gradients(Mlp model)
    {
        Guard.NotNull(model, nameof(model));
        if (model.Layers.Any(layer => layer.weight!.grad is null))
            throw new InvalidOperationException("The model has no gradients yet: call loss.backward() first.");
        return (model.Layers.Select(layer => TensorConversion.ToDoubles(layer.weight!.grad!)).ToArray(),
                model.Layers.Select(layer => TensorConversion.ToDoubles(layer.bias!.grad!)).ToArray());
    }

    private static void CheckSameShape(ScratchMlp scratch, Mlp model)
    {
        Guard.NotNull(scratch, nameof(scratch));
        Guard.NotNull(model, nameof(model));
        if (!scratch.Sizes.SequenceEqual(model.Config.Sizes) || scratch.Hidden.Kind != model.Config.Hidden)
            throw new ArgumentException($"The networks must match: scratch is [{string.Join(", ", scratch.Sizes)}] {scratch.Hidden.Name}, " +
                $"the model [{string.Join(", ", model.Config.Sizes)}] {model.Config.Hidden}.", nameof(model));
    }
}
