using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Checks that <see cref="Guard"/> does not have, for Week 8's transformers: matrices in which NaN means
/// "missing" (imputers accept it, everything else rejects it through <see cref="Guard.Matrix"/>), and
/// category codes. Same message style as Guard: name the argument, the position and the value.
/// </summary>
public static class FeatureGuard
{
    /// <summary>Not null, not empty, no ±∞; NaN allowed (it marks a missing value).</summary>
    public static void MatrixWithMissing(Matrix<double>? x, string name)
    {
        Guard.NotNull(x, name);
        if (x!.RowCount == 0 || x.ColumnCount == 0)
            throw new ArgumentException($"{name} must have at least one row and one column, but is {Guard.Shape(x)}.", name);
        for (int i = 0; i < x.RowCount; i++)
            for (int j = 0; j < x.ColumnCount; j++)
                if (double.IsInfinity(x[i, j]))
                    throw new ArgumentException($"{name} may contain NaN (missing) but not infinities, and {name}[{i}, {j}] is {x[i, j]}.", name);
    }

    /// <summary>The columns to use: each index in 0..columnCount−1, no repeats.</summary>
    public static void Columns(IReadOnlyList<int>? columns, int columnCount, string name)
    {
        Guard.NotNull(columns, name);
        if (columns!.Count == 0) throw new ArgumentException($"{name} must list at least one column.", name);
        var seen = new HashSet<int>();
        foreach (int c in columns)
        {
            if (c < 0 || c >= columnCount)
                throw new ArgumentOutOfRangeException(name, c, $"{name} contains column {c}, but the data have columns 0..{columnCount - 1}.");
            if (!seen.Add(c)) throw new ArgumentException($"{name} lists column {c} twice.", name);
        }
    }

    internal static Matrix<double> SelectColumns(Matrix<double> x, IReadOnlyList<int> columns) =>
        Matrix<double>.Build.DenseOfColumnVectors(columns.Select(x.Column));

    /// <summary>numpy's default percentile (linear interpolation between order statistics, "type 7").</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        double position = q / 100.0 * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
