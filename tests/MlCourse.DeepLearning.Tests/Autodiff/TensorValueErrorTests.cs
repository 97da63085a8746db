using MlCourse.DeepLearning.Autodiff;

namespace MlCourse.DeepLearning.Tests.Autodiff;

public sealed class TensorValueErrorTests
{
    [Fact]
    public void Adding_shapes_that_do_not_broadcast_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorValue.Zeros(2, 3) + TensorValue.Zeros(2));
        Assert.Contains("(2, 3)", error.Message);
        Assert.Contains("(2,)", error.Message);
    }

    [Fact]
    public void A_matmul_with_mismatched_inner_sizes_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorValue.Zeros(2, 3).MatMul(TensorValue.Zeros(4, 5)));
        Assert.Contains("A has shape (2, 3) and B has shape (4, 5)", error.Message);
        Assert.Contains("3 columns do not match B's 4 rows", error.Message);
        error = Assert.Throws<ArgumentException>(() => TensorValue.Zeros(3).MatMul(TensorValue.Zeros(3, 2)));
        Assert.Contains("A has shape (3,)", error.Message);
    }

    [Fact]
    public void Data_that_does_not_fill_the_shape_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorValue.FromArray([1.0, 2, 3], 2, 2));
        Assert.Contains("shape (2, 2) holds 4 values, but data has 3", error.Message);
        Assert.Contains("data[1] must be finite", Assert.Throws<ArgumentOutOfRangeException>(() => TensorValue.FromArray([1.0, double.NaN], 2)).Message);
        Assert.Throws<ArgumentException>(() => TensorValue.Zeros(2, 0));
    }

    [Fact]
    public void A_reshape_to_another_size_or_with_two_unknowns_is_rejected()
    {
        var x = TensorValue.Zeros(2, 3);
        Assert.Contains("holds 8 values, but the tensor of shape (2, 3) has 6", Assert.Throws<ArgumentException>(() => x.Reshape(2, 4)).Message);
        Assert.Contains("at most one −1", Assert.Throws<ArgumentException>(() => x.Reshape(-1, -1)).Message);
        Assert.Contains("cannot hold the 6 values", Assert.Throws<ArgumentException>(() => x.Reshape(4, -1)).Message);
        Assert.Equal([3, 2], x.Reshape(-1, 2).Shape);
    }

    [Fact]
    public void An_axis_out_of_range_is_rejected_with_the_valid_range()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TensorValue.Zeros(2, 3).Sum(2));
        Assert.Contains("[-2, 1]", error.Message);
        Assert.Contains("(2, 3)", error.Message);
    }

    [Fact]
    public void Backward_from_a_non_scalar_output_asks_for_a_reduction()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TensorValue.Zeros(2, 3).Exp().Backward());
        Assert.Contains("shape (2, 3)", error.Message);
        Assert.Contains("Sum() or Mean()", error.Message);
    }

    [Fact]
    public void Cross_entropy_rejects_targets_of_the_wrong_count_or_class()
    {
        var logits = TensorValue.Zeros(3, 2);
        Assert.Contains("holds 2", Assert.Throws<ArgumentException>(() => logits.CrossEntropy([0, 1])).Message);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => logits.CrossEntropy([0, 2, 1]));
        Assert.Contains("targets[1] is 2, but the 2 classes are 0..1", error.Message);
        Assert.Contains("(N, C)", Assert.Throws<ArgumentException>(() => TensorValue.Zeros(3).CrossEntropy([0, 0, 0])).Message);
    }

    [Fact]
    public void Transposing_a_vector_with_T_points_to_Transpose()
    {
        Assert.Contains("Transpose(axis0, axis1)", Assert.Throws<InvalidOperationException>(() => TensorValue.Zeros(3).T).Message);
    }
}
