using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Tests.Classical.Support;

/// <summary>Numeric assertions whose failure messages show the size of the disagreement.</summary>
internal static class Expect
{
    /// <summary>||actual − expected|| / ||expected|| <= relativeTolerance.</summary>
    public static void RelativelyClose(Vector<double> expected, Vector<double> actual, double relativeTolerance, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        double error = (actual - expected).L2Norm() / Math.Max(expected.L2Norm(), double.Epsilon);
        Assert.True(error <= relativeTolerance,
            $"{what} relative error {error:G3} exceeds {relativeTolerance:G3}.\nexpected {Format(expected)}\nactual   {Format(actual)}");
    }

    /// <summary>max_i |actual_i − expected_i| <= absoluteTolerance.</summary>
    public static void Close(Vector<double> expected, Vector<double> actual, double absoluteTolerance, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        double error = (actual - expected).InfinityNorm();
        Assert.True(error <= absoluteTolerance,
            $"{what} max abs error {error:G3} exceeds {absoluteTolerance:G3}.\nexpected {Format(expected)}\nactual   {Format(actual)}");
    }

    public static void Close(Matrix<double> expected, Matrix<double> actual, double absoluteTolerance, string what = "")
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        double error = (actual - expected).Enumerate().Select(Math.Abs).Max();
        Assert.True(error <= absoluteTolerance, $"{what} max abs error {error:G3} exceeds {absoluteTolerance:G3}.");
    }

    public static void Close(double expected, double actual, double absoluteTolerance, string what = "") =>
        Assert.True(Math.Abs(actual - expected) <= absoluteTolerance,
            $"{what} expected {expected:R}, actual {actual:R}: difference {Math.Abs(actual - expected):G3} exceeds {absoluteTolerance:G3}.");

    private static string Format(Vector<double> v) => "[" + string.Join(", ", v.Select(x => x.ToString("G6"))) + "]";
}
