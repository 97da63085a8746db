namespace MlCourse.DeepLearning.Autodiff;

// Sums and means. Their backward is broadcasting: every input element contributed once to its sum, so it receives the
// sum's gradient unchanged (the mirror of SumToShape, the backward of broadcasting).
public sealed partial class TensorValue
{
    /// <summary>The sum of all elements, shape ().</summary>
    public TensorValue Sum()
    {
        var x = this;
        double total = 0;
        foreach (double v in x.Data) total += v;
        return Operation([total], [], "sum", [x], output =>
        {
            for (int i = 0; i < x.Size; i++) x.Grad[i] += output.Grad[0];
        });
    }

    // <snippet name="autodiff-tensor-sum-axis">
    /// <summary>
    /// The sum over one axis (negative counts from the end). With <paramref name="keepDims"/> the axis stays with
    /// size 1, so the result broadcasts against the input (what a softmax or a centring needs).
    /// </summary>
    public TensorValue Sum(int axis, bool keepDims = false)
    {
        var x = this;
        int k = TensorShape.NormalizeAxis(axis, x._shape, nameof(axis));
        var kept = (int[])x._shape.Clone();
        kept[k] = 1;                                               // (…, 1, …)
        var map = TensorShape.BroadcastIndexMap(x._shape, kept);   // input position -> its sum's position
        var data = new double[TensorShape.Size(kept)];
        for (int i = 0; i < x.Size; i++) data[map[i]] += x.Data[i];
        var shape = keepDims ? kept : kept.Where((_, j) => j != k).ToArray();
        return Operation(data, shape, $"sum(axis {k})", [x], output =>
        {
            for (int i = 0; i < x.Size; i++) x.Grad[i] += output.Grad[map[i]];   // broadcast the gradient back
        });
    }
    // </snippet>

    /// <summary>The mean of all elements, shape ().</summary>
    public TensorValue Mean() => Sum() / Size;

    /// <summary>The mean over one axis: the sum divided by that axis's size.</summary>
    public TensorValue Mean(int axis, bool keepDims = false)
    {
        int k = TensorShape.NormalizeAxis(axis, _shape, nameof(axis));
        return Sum(k, keepDims) / _shape[k];
    }
}
