using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Imputation;

/// <summary>The three missing-data mechanisms of Rubin (1976).</summary>
public enum MissingMechanism
{
    /// <summary>Missing completely at random: P(missing) is the same for every row.</summary>
    Mcar,
    /// <summary>Missing at random: P(missing) depends on another, observed column only.</summary>
    Mar,
    /// <summary>Missing not at random: P(missing) depends on the missing value itself.</summary>
    Mnar,
}

/// <summary>
/// Deletes values of one column of a complete dataset by a chosen mechanism (Week 8, "MCAR, MAR, MNAR"), so that the
/// bias of an analysis can be measured against the truth, which real missing data never reveal.
/// </summary>
/// <remarks>
/// MCAR: each row is missing with probability <c>rate</c>. MAR and MNAR: the probability rises linearly with the rank
/// of the driving column (another column for MAR, the column itself for MNAR), p_i = 2 · rate · rank_i / (n − 1),
/// so the average is still <c>rate</c> (keep rate ≤ 0.5 so every p_i ≤ 1) and large values go missing most often.
/// </remarks>
public static class MissingnessSimulation
{
    public static Matrix<double> Apply(Matrix<double> x, int column, MissingMechanism mechanism, double rate, int driver = -1, int seed = Seeded.DefaultSeed)
    {
        Guard.Matrix(x, nameof(x));
        Guard.InRange(column, 0, x.ColumnCount - 1, nameof(column));
        Guard.Defined(mechanism, nameof(mechanism));
        Guard.InRange(rate, 0.0, 0.5, nameof(rate));
        if (mechanism == MissingMechanism.Mar)
        {
            Guard.InRange(driver, 0, x.ColumnCount - 1, nameof(driver));
            if (driver == column) throw new ArgumentException($"Under MAR the missingness of column {column} must depend on another column, but {nameof(driver)} is {column} too (that is MNAR).", nameof(driver));
        }
        int n = x.RowCount;
        var probability = new double[n];
        if (mechanism == MissingMechanism.Mcar) Array.Fill(probability, rate);
        else
        {
            var driving = x.Column(mechanism == MissingMechanism.Mar ? driver : column);
            var order = Enumerable.Range(0, n).OrderBy(i => driving[i]).ToArray();
            for (int rank = 0; rank < n; rank++) probability[order[rank]] = n == 1 ? rate : 2 * rate * rank / (n - 1);
        }
        var rng = Seeded.Random(seed);
        var result = x.Clone();
        for (int i = 0; i < n; i++)
            if (rng.NextDouble() < probability[i]) result[i, column] = double.NaN;
        return result;
    }
}
