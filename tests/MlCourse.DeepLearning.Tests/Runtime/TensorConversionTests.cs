using MathNet.Numerics.LinearAlgebra;
using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Runtime;

public sealed class TensorConversionTests
{
    [Fact]
    public void A_matrix_becomes_a_row_major_tensor_and_comes_back_unchanged_in_float64()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0, 3.0 }, { 4.0, 5.0, 6.0 + 1e-12 } });
        using var t = TensorConversion.ToTensor(x, ScalarType.Float64);
        Assert.Equal([2L, 3L], t.shape);
        Assert.Equal(3.0, t[0, 2].item<double>());   // row-major: row 0, column 2
        Assert.Equal(4.0, t[1, 0].item<double>());
        Assert.Equal(x, TensorConversion.ToMatrix(t)); // exact: float64 all the way
    }

    [Fact]
    public void Float32_rounds_to_the_nearest_float_and_the_copy_does_not_alias_the_matrix()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1 } });
        using var t = TensorConversion.ToTensor(x);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal((double)0.1f, TensorConversion.ToMatrix(t)[0, 0]);
        x[0, 0] = 7;
        Assert.Equal(0.1f, t.item<float>());
    }

    [Fact]
    public void Doubles_become_a_float64_tensor_of_any_shape_exactly()
    {
        double[] values = [1, 2, 3, 4, 5, 6 + 1e-12];
        using var t = TensorConversion.ToTensor(values, [3, 1, 2]);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal([3L, 1L, 2L], t.shape);
        Assert.Equal(values, TensorConversion.ToDoubles(t));
        Assert.Contains("holds 4 values, but 6 were given", Assert.Throws<ArgumentException>(() => TensorConversion.ToTensor(values, [2, 2])).Message);
    }

    [Fact]
    public void Labels_become_int64_and_non_integers_are_refused()
    {
        using var y = TensorConversion.ToLabelTensor(Vector<double>.Build.DenseOfArray([0, 2, 1]));
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.Equal([0.0, 2.0, 1.0], TensorConversion.ToDoubles(y));
        var e = Assert.Throws<ArgumentException>(() => TensorConversion.ToLabelTensor(Vector<double>.Build.DenseOfArray([0, 1.5])));
        Assert.Contains("y[1] is 1.5", e.Message);
    }

    [Fact]
    public void Wrong_shapes_name_the_argument_and_the_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => TensorConversion.ToTensor(new float[5], [2, 3]));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("holds 6 values, but 5", e.Message);
        using var t = zeros(2, 3);
        Assert.Contains("(2, 3)", Assert.Throws<ArgumentException>(() => TensorConversion.ToVector(t)).Message);
    }
}
