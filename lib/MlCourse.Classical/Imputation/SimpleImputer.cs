using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Imputation;

/// <summary>How <see cref="SimpleImputer"/> fills a column.</summary>
public enum ImputeStrategy { Mean, Median, MostFrequent, Constant }

/// <summary>
/// Replaces each missing value (NaN) by one number per column learned from the training rows (Week 8, "Imputation
/// strategies"): the mean, the median (robust to skew and outliers), the most frequent value (categorical codes)
/// or a constant. Cheap and leak-free when fitted inside the pipeline, but it shrinks the column's variance and
/// its correlations with everything else, and it is unbiased for the mean only under MCAR.
/// </summary>
/// <remarks>
/// Matches scikit-learn's SimpleImputer (most frequent: the smallest of tied values). Unlike scikit-learn, a column
/// with no observed value is an error rather than silently dropped, except for the Constant strategy.
/// </remarks>
public sealed class SimpleImputer : ITransformer
{
    private Vector<double>? _statistics;

    public SimpleImputer(ImputeStrategy strategy = ImputeStrategy.Mean, double fillValue = 0.0)
    {
        Guard.Defined(strategy, nameof(strategy));
        Guard.Finite(fillValue, nameof(fillValue));
        Strategy = strategy;
        FillValue = fillValue;
    }

    public ImputeStrategy Strategy { get; }
    public double FillValue { get; }

    public bool IsFitted => _statistics is not null;

    /// <summary>The value each column's missing entries get.</summary>
    public Vector<double> Statistics { get { Guard.Fitted(IsFitted, nameof(SimpleImputer), nameof(Statistics)); return _statistics!.Clone(); } }

    public SimpleImputer Fit(Matrix<double> x)
    {
        Guard.MatrixAllowingNaN(x, nameof(x));
        var statistics = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            if (Strategy == ImputeStrategy.Constant) { statistics[j] = FillValue; continue; }
            var observed = ObservedValues.Of(x, j, $"its {Strategy.ToString().ToLowerInvariant()} is undefined; drop the column or use ImputeStrategy.Constant");
            Array.Sort(observed);
            statistics[j] = Strategy switch
            {
                ImputeStrategy.Mean => observed.Average(),
                ImputeStrategy.Median => Percentile.OfSorted(observed, 50),
                _ => observed.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
            };
        }
        _statistics = statistics;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(SimpleImputer), nameof(Transform));
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.FeatureCount(x, _statistics!.Count, nameof(x));
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => double.IsNaN(x[i, j]) ? _statistics[j] : x[i, j]);
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
