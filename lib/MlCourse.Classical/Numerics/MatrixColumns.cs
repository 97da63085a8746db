using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Numerics;

/// <summary>Column subsets of a matrix (feature selection, column-transformer branches), Week 8.</summary>
internal static class MatrixColumns
{
    /// <summary>The listed columns of x, in the order listed (indices already validated by Guard.ColumnIndices).</summary>
    public static Matrix<double> Select(Matrix<double> x, IReadOnlyList<int> columns) =>
        Matrix<double>.Build.DenseOfColumnVectors(columns.Select(x.Column));
}
