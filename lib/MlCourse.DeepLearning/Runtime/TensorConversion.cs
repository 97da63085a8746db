using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// The one place the course converts between MathNet / C# arrays and TorchSharp tensors (Week 9,
/// "From arrays to tensors"). Every conversion copies: a tensor never aliases a MathNet matrix,
/// so changing one never changes the other. Values go through double, so float64 round trips
/// are exact and float32 ones round to the nearest float.
/// </summary>
public static class TensorConversion
{
    /// <summary>An (n, d) tensor from an n x d matrix.</summary>
    public static Tensor ToTensor(Matrix<double> x, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        Guard.Matrix(x, nameof(x));
        // MathNet stores column-major; ToRowMajorArray gives the row-major order torch expects.
        return FromDoubles(x.ToRowMajorArray(), [x.RowCount, x.ColumnCount], dtype, device); // (n, d)
    }

    /// <summary>An (n,) tensor from a vector.</summary>
    public static Tensor ToTensor(Vector<double> v, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        Guard.Vector(v, nameof(v));
        return FromDoubles(v.ToArray(), [v.Count], dtype, device); // (n,)
    }

    /// <summary>A tensor of the given shape from values in row-major order.</summary>
    public static Tensor ToTensor(float[] values, long[] shape, Device? device = null)
    {
        Guard.NotNull(values, nameof(values));
        CheckShape(values.Length, shape, nameof(shape));
        TorchNative.EnsureLoaded();
        return tensor(values, shape, device: device); // (shape)
    }

    /// <summary>A tensor of the given shape and dtype (float64 by default, exact) from doubles in row-major order.</summary>
    public static Tensor ToTensor(double[] values, long[] shape, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        Guard.NotNull(values, nameof(values));
        CheckShape(values.Length, shape, nameof(shape));
        return FromDoubles(values, shape, dtype, device); // (shape)
    }

    /// <summary>
    /// Class labels 0..K−1 as an int64 tensor, the dtype <c>cross_entropy</c> expects. Fails if a
    /// label is not a non-negative integer.
    /// </summary>
    public static Tensor ToLabelTensor(Vector<double> y, Device? device = null)
    {
        Guard.Vector(y, nameof(y));
        Guard.ClassLabels(y, nameof(y));
        var labels = new long[y.Count];
        for (int i = 0; i < y.Count; i++) labels[i] = (long)y[i];
        TorchNative.EnsureLoaded();
        return tensor(labels, device: device); // (n,)
    }

    /// <summary>An n x d matrix from a 2-D tensor (any float or integer dtype, any device).</summary>
    public static Matrix<double> ToMatrix(Tensor t)
    {
        Guard.NotNull(t, nameof(t));
        TensorGuard.Rank(t, 2, nameof(t), "(n, d)");
        int rows = (int)t.shape[0], cols = (int)t.shape[1];
        return Matrix<double>.Build.DenseOfRowMajor(rows, cols, ToDoubles(t));
    }

    /// <summary>A vector from a 1-D tensor.</summary>
    public static Vector<double> ToVector(Tensor t)
    {
        Guard.NotNull(t, nameof(t));
        TensorGuard.Rank(t, 1, nameof(t), "(n,)");
        return Vector<double>.Build.Dense(ToDoubles(t));
    }

    /// <summary>All values of a tensor of any shape, row-major, as doubles.</summary>
    public static double[] ToDoubles(Tensor t)
    {
        Guard.NotNull(t, nameof(t));
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    private static Tensor FromDoubles(double[] values, long[] shape, ScalarType dtype, Device? device)
    {
        TorchNative.EnsureLoaded();
        using var scope = NewDisposeScope();
        var result = tensor(values, shape, dtype: ScalarType.Float64).to(dtype, device ?? CPU);
        return result.MoveToOuterDisposeScope();
    }

    private static void CheckShape(int count, long[] shape, string name)
    {
        Guard.NotNull(shape, name);
        long product = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"{name} must hold non-negative sizes, but is ({string.Join(", ", shape)}).", name);
            product *= s;
        }
        if (product != count)
            throw new ArgumentException($"{name} ({string.Join(", ", shape)}) holds {product} values, but {count} were given.", name);
    }
}
