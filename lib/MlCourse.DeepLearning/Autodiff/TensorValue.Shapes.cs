using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

// Operations that only move values: reshape and transpose. Their backward moves the gradient back the same way.
public sealed partial class TensorValue
{
    /// <summary>The same values (row-major order) in a new shape of the same size; one size may be −1 (inferred).</summary>
    public TensorValue Reshape(params int[] shape)
    {
        Guard.NotNull(shape, nameof(shape));
        var x = this;
        var target = (int[])shape.Clone();
        int inferred = Array.IndexOf(target, -1);
        if (inferred >= 0 && Array.LastIndexOf(target, -1) != inferred)
            throw new ArgumentException($"shape may contain at most one −1, but is {TensorShape.Format(shape)}.", nameof(shape));
        if (inferred >= 0)
        {
            int known = 1;
            for (int k = 0; k < target.Length; k++) if (k != inferred) known *= target[k];
            if (known <= 0 || x.Size % known != 0)
                throw new ArgumentException($"shape {TensorShape.Format(shape)} cannot hold the {x.Size} values of a tensor of shape {TensorShape.Format(x._shape)}.", nameof(shape));
            target[inferred] = x.Size / known;
        }
        target = TensorShape.Validated(target, nameof(shape));
        if (TensorShape.Size(target) != x.Size)
            throw new ArgumentException(
                $"shape {TensorShape.Format(shape)} holds {TensorShape.Size(target)} values, but the tensor of shape {TensorShape.Format(x._shape)} has {x.Size}.", nameof(shape));
        return Operation((double[])x.Data.Clone(), target, "reshape", [x], output => x.AccumulateGrad(output.Grad));
    }

    /// <summary>Swaps two axes (negative counts from the end); <see cref="T"/> swaps the two axes of a matrix.</summary>
    public TensorValue Transpose(int axis0, int axis1)
    {
        var x = this;
        int a0 = TensorShape.NormalizeAxis(axis0, x._shape, nameof(axis0));
        int a1 = TensorShape.NormalizeAxis(axis1, x._shape, nameof(axis1));
        var shape = (int[])x._shape.Clone();
        (shape[a0], shape[a1]) = (shape[a1], shape[a0]);
        var map = TensorShape.TransposeIndexMap(x._shape, a0, a1);   // output position -> input position
        var data = new double[x.Size];
        for (int i = 0; i < data.Length; i++) data[i] = x.Data[map[i]];
        return Operation(data, shape, "transpose", [x], output =>
        {
            for (int i = 0; i < data.Length; i++) x.Grad[map[i]] += output.Grad[i];
        });
    }

    /// <summary>The transpose of a 2-D tensor.</summary>
    public TensorValue T
    {
        get
        {
            if (Rank != 2)
                throw new InvalidOperationException($"T is the transpose of a 2-D tensor, but this one has shape {TensorShape.Format(_shape)}; use Transpose(axis0, axis1).");
            return Transpose(0, 1);
        }
    }
}
