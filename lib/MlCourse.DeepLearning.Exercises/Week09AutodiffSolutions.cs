using MlCourse.DeepLearning.Autodiff;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Reference solutions to the exercises of week09-autodiff.ipynb (section 9). Try the exercise first. The tests prove
/// that <see cref="Week09Autodiff"/> accepts each of these.
/// </summary>
public static class Week09AutodiffSolutions
{
    /// <summary>Exercise 1. ∂(ab)/∂a = b and ∂(ab)/∂b = a, times the output's gradient, added (a may be b).</summary>
    public static Value Multiply(Value a, Value b) =>
        Value.Operation(a.Data * b.Data, "*", [a, b], output =>
        {
            a.Grad += b.Data * output.Grad;
            b.Grad += a.Data * output.Grad;
        });

    /// <summary>Exercise 2. tanh' = 1 − tanh², computed from the output's value.</summary>
    public static Value Tanh(Value x) =>
        Value.Operation(Math.Tanh(x.Data), "tanh", [x], output =>
            x.Grad += (1 - output.Data * output.Data) * output.Grad);

    /// <summary>
    /// Exercise 3. Sum over the leading axes broadcasting added, then over every axis where the target has size 1,
    /// keeping it. Written as a loop over the gradient's elements: each adds itself to the target element it copies.
    /// </summary>
    public static (double[] Data, int[] Shape) ReduceToShape(double[] grad, int[] gradShape, int[] targetShape)
    {
        int rank = gradShape.Length, offset = rank - targetShape.Length;
        var result = new double[targetShape.Aggregate(1, (p, s) => p * s)];
        var index = new int[rank];
        for (int i = 0; i < grad.Length; i++)
        {
            // The multi-index of element i (row-major), then the target element it was copied from.
            for (int k = rank - 1, rest = i; k >= 0; k--) { index[k] = rest % gradShape[k]; rest /= gradShape[k]; }
            int target = 0;
            for (int k = 0; k < targetShape.Length; k++)
                target = target * targetShape[k] + (targetShape[k] == 1 ? 0 : index[k + offset]);
            result[target] += grad[i];
        }
        return (result, (int[])targetShape.Clone());
    }
}
