using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.FeatureSelection;

/// <summary>
/// Recursive feature elimination (Week 8, "Wrapper methods"): fit a model on the remaining features, drop the
/// <see cref="Step"/> least important, repeat until <see cref="FeaturesToSelect"/> are left. A wrapper judges
/// features by a model's use of them, jointly, so it sees redundancy that a filter misses; it costs one fit per
/// round, and the importance must be comparable across features (|w| of a linear model on standardised features).
/// </summary>
/// <remarks>
/// Follows scikit-learn's RFE: <see cref="Ranking"/> is 1 for kept features, 2 for those dropped in the last round,
/// and so on; within a round the features with the smallest importance go first (tested against RFE(LinearRegression)).
/// </remarks>
public sealed class RecursiveFeatureElimination : ColumnSelector
{
    public RecursiveFeatureElimination Fit(Matrix<double> x, Vector<double> y) { FitSelection(x, y); return this; }

    private int[]? _ranking;

    /// <param name="importance">Fits the library's estimator on (x, y) and returns one importance per column, e.g.
    /// <c>(x, y) => new LinearRegression().Fit(x, y).Coefficients.PointwiseAbs()</c>.</param>
    public RecursiveFeatureElimination(Func<Matrix<double>, Vector<double>, Vector<double>> importance, int featuresToSelect, int step = 1)
    {
        Guard.NotNull(importance, nameof(importance));
        Guard.Positive(featuresToSelect, nameof(featuresToSelect));
        Guard.Positive(step, nameof(step));
        Importance = importance;
        FeaturesToSelect = featuresToSelect;
        Step = step;
    }

    public Func<Matrix<double>, Vector<double>, Vector<double>> Importance { get; }
    public int FeaturesToSelect { get; }
    public int Step { get; }

    /// <summary>1 = selected; larger = eliminated earlier.</summary>
    public int[] Ranking { get { Guard.Fitted(IsFitted, nameof(RecursiveFeatureElimination), nameof(Ranking)); return (int[])_ranking!.Clone(); } }

    protected override IReadOnlyList<int> Choose(Matrix<double> x, Vector<double> y)
    {
        Guard.HasAtLeast(x.ColumnCount, FeaturesToSelect, nameof(x), "columns", $"to select {FeaturesToSelect} features");
        var ranking = Enumerable.Repeat(1, x.ColumnCount).ToArray();
        var remaining = Enumerable.Range(0, x.ColumnCount).ToList();
        // <snippet name="rfe-loop">
        while (remaining.Count > FeaturesToSelect)
        {
            var importance = Importance(MatrixColumns.Select(x, remaining), y);
            if (importance is null || importance.Count != remaining.Count)
                throw new InvalidOperationException($"The importance function must return one value per remaining feature ({remaining.Count}).");
            int drop = Math.Min(Step, remaining.Count - FeaturesToSelect);
            var weakest = Enumerable.Range(0, remaining.Count).OrderBy(k => importance[k]).Take(drop).Select(k => remaining[k]).ToHashSet();
            remaining.RemoveAll(weakest.Contains);
            // Every feature already out moves one rank further down, so the last ones dropped end at rank 2.
            for (int j = 0; j < ranking.Length; j++) if (!remaining.Contains(j)) ranking[j]++;
        }
        // </snippet>
        _ranking = ranking;
        return remaining;
    }
}
