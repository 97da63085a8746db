using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// Shapes of the scratch tensor engine (<see cref="TensorValue"/>): row-major layout, NumPy's broadcasting rule and
/// its inverse, the reduction of a gradient back to the shape of the input that was broadcast
/// (week09-autodiff.ipynb, section 5 "Broadcasting and the gradient reduction").
/// </summary>
/// <remarks>
/// A shape is an int[] of non-negative sizes; the empty shape () is a scalar with one element. Row-major means the
/// last axis varies fastest, so the flat index of (i₀, …, i_{r−1}) is Σ_k i_k · stride_k with
/// stride_{r−1} = 1 and stride_k = stride_{k+1} · shape_{k+1}.
/// </remarks>
public static class TensorShape
{
    /// <summary>"(3, 1)"; "()" for a scalar.</summary>
    public static string Format(IReadOnlyList<int> shape) => shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    /// <summary>The number of elements: the product of the sizes (1 for a scalar).</summary>
    public static int Size(IReadOnlyList<int> shape)
    {
        int size = 1;
        foreach (int s in shape) size *= s;
        return size;
    }

    /// <summary>Row-major strides, in elements.</summary>
    public static int[] Strides(IReadOnlyList<int> shape)
    {
        var strides = new int[shape.Count];
        int stride = 1;
        for (int k = shape.Count - 1; k >= 0; k--)
        {
            strides[k] = stride;
            stride *= shape[k];
        }
        return strides;
    }

    /// <summary>Checks that every size is positive (the engine has no empty tensors) and returns a copy.</summary>
    public static int[] Validated(IReadOnlyList<int>? shape, string name)
    {
        Guard.NotNull(shape, name);
        for (int k = 0; k < shape!.Count; k++)
            if (shape[k] <= 0)
                throw new ArgumentException($"{name} must hold positive sizes, but is {Format(shape)} (axis {k} has size {shape[k]}).", name);
        return shape.ToArray();
    }

    /// <summary>An axis in [−rank, rank) as a position in [0, rank): −1 is the last axis, as in NumPy.</summary>
    public static int NormalizeAxis(int axis, IReadOnlyList<int> shape, string name)
    {
        int rank = shape.Count;
        if (axis < -rank || axis >= rank)
            throw new ArgumentOutOfRangeException(name, axis,
                $"{name} must be in [{-rank}, {rank - 1}] for a tensor of shape {Format(shape)}, but is {axis}.");
        return axis < 0 ? axis + rank : axis;
    }

    // <snippet name="autodiff-broadcast-shape">
    /// <summary>
    /// NumPy's rule: align the shapes at their last axis (pad the shorter one with 1s on the left); on each axis the
    /// sizes must be equal or one of them 1, and the result takes the larger. (3, 1) and (1, 4) give (3, 4);
    /// (2, 3, 4) and (4,) give (2, 3, 4); (3,) and (4,) do not broadcast.
    /// </summary>
    public static int[] Broadcast(IReadOnlyList<int> a, IReadOnlyList<int> b, string aName = "a", string bName = "b")
    {
        int rank = Math.Max(a.Count, b.Count);
        var result = new int[rank];
        for (int k = 1; k <= rank; k++)          // k-th axis from the right
        {
            int sa = k <= a.Count ? a[a.Count - k] : 1;
            int sb = k <= b.Count ? b[b.Count - k] : 1;
            if (sa != sb && sa != 1 && sb != 1)
                throw new ArgumentException(
                    $"{aName} of shape {Format(a)} and {bName} of shape {Format(b)} do not broadcast: " +
                    $"axis {rank - k} (counted in the broadcast shape) has sizes {sa} and {sb}; each pair must be equal or contain a 1.", bName);
            result[rank - k] = Math.Max(sa, sb);
        }
        return result;
    }
    // </snippet>

    /// <summary>
    /// For every flat index of <paramref name="outShape"/>, the flat index of the element of an input of shape
    /// <paramref name="inShape"/> that broadcasting reads there: an axis of size 1 (or a missing leading axis) is read
    /// with stride 0, i.e. the same element again and again.
    /// </summary>
    public static int[] BroadcastIndexMap(IReadOnlyList<int> outShape, IReadOnlyList<int> inShape)
    {
        int rank = outShape.Count, offset = rank - inShape.Count;
        var inStrides = Strides(inShape);
        var readStride = new int[rank];
        for (int k = 0; k < rank; k++)
            readStride[k] = k < offset || inShape[k - offset] == 1 ? 0 : inStrides[k - offset];
        return StridedIndexMap(outShape, readStride);
    }

    /// <summary>
    /// For every flat index of the result of swapping axes <paramref name="axis0"/> and <paramref name="axis1"/> of a
    /// tensor of shape <paramref name="inShape"/>, the flat index of the element it copies.
    /// </summary>
    public static int[] TransposeIndexMap(IReadOnlyList<int> inShape, int axis0, int axis1)
    {
        var outShape = inShape.ToArray();
        (outShape[axis0], outShape[axis1]) = (outShape[axis1], outShape[axis0]);
        var readStride = Strides(inShape);
        (readStride[axis0], readStride[axis1]) = (readStride[axis1], readStride[axis0]);
        return StridedIndexMap(outShape, readStride);
    }

    // Walks the multi-indices of outShape in row-major order like an odometer, tracking the source offset
    // Σ index_k · readStride_k incrementally (a stride of 0 re-reads the same element).
    private static int[] StridedIndexMap(IReadOnlyList<int> outShape, int[] readStride)
    {
        int rank = outShape.Count;
        var map = new int[Size(outShape)];
        var index = new int[rank];
        for (int i = 0, source = 0; i < map.Length; i++)
        {
            map[i] = source;
            for (int k = rank - 1; k >= 0; k--)
            {
                index[k]++;
                source += readStride[k];
                if (index[k] < outShape[k]) break;
                source -= readStride[k] * index[k];
                index[k] = 0;
            }
        }
        return map;
    }

    // <snippet name="autodiff-sum-to-shape">
    /// <summary>
    /// The gradient reduction that undoes broadcasting: an input of shape <paramref name="targetShape"/> was broadcast
    /// to <paramref name="gradShape"/>, so each of its elements was used once per copy, and by the multivariable chain
    /// rule its gradient is the sum of the gradients of all its copies. That is a sum over the leading axes that
    /// broadcasting added and over every axis where the target has size 1 (keeping that axis, size 1).
    /// </summary>
    public static double[] SumToShape(double[] grad, IReadOnlyList<int> gradShape, IReadOnlyList<int> targetShape)
    {
        Guard.NotNull(grad, nameof(grad));
        var broadcast = Broadcast(targetShape, gradShape, nameof(targetShape), nameof(gradShape));
        if (!broadcast.SequenceEqual(gradShape))
            throw new ArgumentException(
                $"targetShape {Format(targetShape)} does not broadcast to gradShape {Format(gradShape)} (it broadcasts to {Format(broadcast)}).", nameof(targetShape));
        if (grad.Length != Size(gradShape))
            throw new ArgumentException($"grad has {grad.Length} values, but gradShape {Format(gradShape)} holds {Size(gradShape)}.", nameof(grad));
        var map = BroadcastIndexMap(gradShape, targetShape);
        var reduced = new double[Size(targetShape)];
        for (int i = 0; i < grad.Length; i++)
            reduced[map[i]] += grad[i];        // every copy of target element map[i] adds its share
        return reduced;
    }
    // </snippet>
}
