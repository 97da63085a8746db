using MlCourse.DeepLearning.Autodiff;

namespace MlCourse.DeepLearning.Tests.Autodiff;

public sealed class TensorShapeTests
{
    // Expected shapes: NumPy's broadcasting rule applied by hand (align right, equal or 1 per axis).
    [Theory]
    [InlineData(new[] { 3, 1 }, new[] { 1, 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 }, new[] { 2, 3, 4 })]
    [InlineData(new[] { 2, 1, 4 }, new[] { 3, 1 }, new[] { 2, 3, 4 })]
    [InlineData(new int[0], new[] { 5 }, new[] { 5 })]
    [InlineData(new[] { 5, 1 }, new[] { 5 }, new[] { 5, 5 })]
    public void Broadcast_follows_numpys_rule(int[] a, int[] b, int[] expected)
    {
        Assert.Equal(expected, TensorShape.Broadcast(a, b));
        Assert.Equal(expected, TensorShape.Broadcast(b, a));
    }

    [Fact]
    public void Shapes_that_do_not_broadcast_are_rejected_with_both_shapes_named()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorShape.Broadcast([2, 3], [4, 3], "X", "w"));
        Assert.Contains("X of shape (2, 3)", error.Message);
        Assert.Contains("w of shape (4, 3)", error.Message);
        Assert.Contains("sizes 2 and 4", error.Message);
    }

    [Fact]
    public void Sum_to_shape_adds_the_copies_of_each_broadcast_element()
    {
        // A (2, 3) gradient [[1, 2, 3], [4, 5, 6]], by hand: to (3,) sum the rows [5, 7, 9]; to (2, 1) sum along each
        // row and keep the axis [[6], [15]]; to (1, 3) [[5, 7, 9]]; to () everything, 21.
        double[] grad = [1, 2, 3, 4, 5, 6];
        Assert.Equal([5.0, 7, 9], TensorShape.SumToShape(grad, [2, 3], [3]));
        Assert.Equal([6.0, 15], TensorShape.SumToShape(grad, [2, 3], [2, 1]));
        Assert.Equal([5.0, 7, 9], TensorShape.SumToShape(grad, [2, 3], [1, 3]));
        Assert.Equal([21.0], TensorShape.SumToShape(grad, [2, 3], []));
        Assert.Equal(grad, TensorShape.SumToShape(grad, [2, 3], [2, 3]));
    }

    [Fact]
    public void Sum_to_shape_over_leading_and_inner_axes_at_once()
    {
        // (2, 2, 2) values 0..7 reduced to (2, 1): keep the middle axis; element [j, 0] sums entries with middle index j:
        // j = 0: 0 + 1 + 4 + 5 = 10, j = 1: 2 + 3 + 6 + 7 = 18.
        Assert.Equal([10.0, 18], TensorShape.SumToShape([0, 1, 2, 3, 4, 5, 6, 7], [2, 2, 2], [2, 1]));
    }

    [Fact]
    public void Sum_to_shape_rejects_a_target_that_was_not_broadcast_to_the_gradient()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorShape.SumToShape(new double[6], [2, 3], [2]));
        Assert.Contains("(2,)", error.Message);
        Assert.Contains("(2, 3)", error.Message);
        error = Assert.Throws<ArgumentException>(() => TensorShape.SumToShape(new double[6], [2, 3], [1, 2, 3]));
        Assert.Contains("does not broadcast to gradShape (2, 3)", error.Message);
    }

    [Fact]
    public void The_broadcast_index_map_reads_a_size_one_axis_again_and_again()
    {
        // (3, 1) read as (3, 4): each row repeats its one element; (4,) read as (3, 4): each row is the whole vector.
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], TensorShape.BroadcastIndexMap([3, 4], [3, 1]));
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], TensorShape.BroadcastIndexMap([3, 4], [4]));
    }

    [Fact]
    public void Strides_are_row_major()
    {
        Assert.Equal([12, 4, 1], TensorShape.Strides([2, 3, 4]));
        Assert.Equal("(4,)", TensorShape.Format([4]));
        Assert.Equal("()", TensorShape.Format([]));
    }
}
