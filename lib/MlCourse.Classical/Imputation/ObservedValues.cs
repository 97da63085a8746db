using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Imputation;

/// <summary>What every imputer learns from first: the values a column does have (NaN marks a missing one).</summary>
internal static class ObservedValues
{
    /// <summary>The non-missing values of column j; a column with none is an error that says what the imputer would need them for.</summary>
    public static double[] Of(Matrix<double> x, int j, string why)
    {
        var observed = x.Column(j).Where(v => !double.IsNaN(v)).ToArray();
        if (observed.Length == 0)
            throw new ArgumentException($"Column {j} of x is entirely missing, so {why}.", nameof(x));
        return observed;
    }
}
