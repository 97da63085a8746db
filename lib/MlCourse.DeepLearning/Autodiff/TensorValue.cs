using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// An n-dimensional array of doubles that is a node of a computation graph: the scratch tensor engine of
/// week09-autodiff.ipynb (sections 5-7). It is <see cref="Value"/> with arrays in place of numbers: each operation
/// records its inputs and a backward rule that turns the output's gradient (same shape as the output) into each
/// input's gradient (same shape as that input). Plain C#, row-major, no views: every operation copies.
/// <code>
/// var X = TensorValue.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
/// var w = TensorValue.FromArray([0.1, 0.2, 0.3], 3);
/// var loss = (X * w).Sum();     // (2, 3) * (3,) broadcasts; w.Grad sums over the broadcast rows
/// loss.Backward();
/// </code>
/// </summary>
/// <remarks>Operations are split by kind over the partial files TensorValue.*.cs.</remarks>
public sealed partial class TensorValue
{
    private readonly int[] _shape;
    private readonly TensorValue[] _parents;
    private readonly Action<TensorValue>? _backward;

    private TensorValue(double[] data, int[] shape, string op, TensorValue[] parents, Action<TensorValue>? backward)
    {
        Data = data;
        _shape = shape;
        Grad = new double[data.Length];
        Op = op;
        _parents = parents;
        _backward = backward;
    }

    /// <summary>The values, row-major. Writable so that an optimiser can update a parameter in place.</summary>
    public double[] Data { get; }

    /// <summary>∂(output of the last <see cref="Backward"/>)/∂(each element), row-major, accumulated over every use.</summary>
    public double[] Grad { get; }

    public IReadOnlyList<int> Shape => _shape;

    public int Rank => _shape.Length;

    public int Size => Data.Length;

    /// <summary>The operation that made this node ("matmul", "+", ...); empty for a leaf.</summary>
    public string Op { get; }

    /// <summary>A name for tables.</summary>
    public string Label { get; set; } = "";

    public IReadOnlyList<TensorValue> Parents => _parents;

    /// <summary>A leaf tensor holding a copy of <paramref name="data"/> (row-major) in the given shape; no shape means a scalar.</summary>
    public static TensorValue FromArray(double[] data, params int[] shape)
    {
        Guard.NotNull(data, nameof(data));
        var checkedShape = TensorShape.Validated(shape, nameof(shape));
        if (data.Length != TensorShape.Size(checkedShape))
            throw new ArgumentException(
                $"shape {TensorShape.Format(checkedShape)} holds {TensorShape.Size(checkedShape)} values, but data has {data.Length}.", nameof(data));
        for (int i = 0; i < data.Length; i++) Guard.Finite(data[i], $"{nameof(data)}[{i}]");
        return new TensorValue((double[])data.Clone(), checkedShape, "", [], null);
    }

    /// <summary>A leaf with one value and shape ().</summary>
    public static TensorValue Scalar(double value) => FromArray([value]);

    /// <summary>A leaf of zeros.</summary>
    public static TensorValue Zeros(params int[] shape)
    {
        var checkedShape = TensorShape.Validated(shape, nameof(shape));
        return new TensorValue(new double[TensorShape.Size(checkedShape)], checkedShape, "", [], null);
    }

    /// <summary>A leaf of independent N(0, std²) draws, seeded.</summary>
    public static TensorValue RandomNormal(int[] shape, double std = 1.0, int seed = Seeded.DefaultSeed)
    {
        var checkedShape = TensorShape.Validated(shape, nameof(shape));
        Guard.NonNegative(std, nameof(std));
        var rng = Seeded.Random(seed);
        var data = new double[TensorShape.Size(checkedShape)];
        for (int i = 0; i < data.Length; i++) data[i] = std * rng.NextGaussian();
        return new TensorValue(data, checkedShape, "", [], null);
    }

    /// <summary>The value of a one-element tensor (a loss).</summary>
    public double Item()
    {
        if (Size != 1)
            throw new InvalidOperationException($"Item() needs a tensor with one element, but this one has shape {TensorShape.Format(_shape)}.");
        return Data[0];
    }

    /// <summary>The element at a multi-index, e.g. t.At(1, 2).</summary>
    public double At(params int[] index)
    {
        Guard.NotNull(index, nameof(index));
        if (index.Length != Rank)
            throw new ArgumentException($"index has {index.Length} coordinates, but the tensor has shape {TensorShape.Format(_shape)}.", nameof(index));
        var strides = TensorShape.Strides(_shape);
        int flat = 0;
        for (int k = 0; k < Rank; k++)
        {
            if (index[k] < 0 || index[k] >= _shape[k])
                throw new ArgumentOutOfRangeException(nameof(index), index[k], $"index {index[k]} on axis {k} is outside 0..{_shape[k] - 1} (shape {TensorShape.Format(_shape)}).");
            flat += index[k] * strides[k];
        }
        return Data[flat];
    }

    /// <summary>A node made by an operation: its output values and shape, its inputs, and a backward rule that must add to the inputs' gradients.</summary>
    internal static TensorValue Operation(double[] data, int[] shape, string op, TensorValue[] parents, Action<TensorValue> backward) =>
        new(data, shape, op, parents, backward);

    /// <summary>Adds <paramref name="contribution"/> (this tensor's shape) to <see cref="Grad"/>: gradients accumulate over uses.</summary>
    internal void AccumulateGrad(double[] contribution)
    {
        for (int i = 0; i < Grad.Length; i++) Grad[i] += contribution[i];
    }

    /// <summary>
    /// Reverse-mode differentiation of a one-element tensor (a loss) with respect to every tensor it depends on:
    /// seed its gradient with 1, then run the backward rules outputs first. For a non-scalar output, reverse mode
    /// gives one row of the Jacobian per pass: reduce to a scalar (Sum, Mean, a loss) first, as PyTorch requires.
    /// </summary>
    public void Backward()
    {
        if (Size != 1)
            throw new InvalidOperationException(
                $"Backward() needs a one-element output (a loss), but this tensor has shape {TensorShape.Format(_shape)}; reduce it with Sum() or Mean() first.");
        var order = TopologicalOrder();
        Grad[0] = 1;
        for (int i = order.Count - 1; i >= 0; i--)
            order[i]._backward?.Invoke(order[i]);
    }

    /// <summary>Every node this one depends on, inputs before the nodes that use them, each once; this one last (<see cref="GraphOrder"/>).</summary>
    public IReadOnlyList<TensorValue> TopologicalOrder() => GraphOrder.Topological(this, node => node._parents);

    /// <summary>Sets the gradient of every tensor of this graph to 0.</summary>
    public void ZeroGrad()
    {
        foreach (var node in TopologicalOrder()) Array.Clear(node.Grad);
    }

    public override string ToString() =>
        $"TensorValue{TensorShape.Format(_shape)}{(Label.Length > 0 ? " " + Label : "")}{(Op.Length > 0 ? ", op " + Op : "")}";
}
