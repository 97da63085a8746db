using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Pipelines;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.FeatureSelection;

/// <summary>
/// What every selector shares (Week 8, "Feature selection"): it learns from (x, y) which columns to keep and
/// Transform keeps them, so a selector can sit inside a Pipeline and be refitted on each training fold (selecting
/// on all rows and then cross-validating is the classic leak: the selection has seen the validation targets).
/// </summary>
public abstract class ColumnSelector : ISupervisedTransformer
{
    private int[]? _selected;
    private int _inputFeatureCount;

    public bool IsFitted => _selected is not null;

    /// <summary>Indices of the kept columns, ascending.</summary>
    public IReadOnlyList<int> Selected { get { Guard.Fitted(IsFitted, GetType().Name, nameof(Selected)); return _selected!.ToArray(); } }

    /// <summary>One flag per input feature: kept or not (scikit-learn's support_).</summary>
    public bool[] Support
    {
        get
        {
            Guard.Fitted(IsFitted, GetType().Name, nameof(Support));
            var support = new bool[_inputFeatureCount];
            foreach (int j in _selected!) support[j] = true;
            return support;
        }
    }

    /// <summary>Learns the columns to keep; each selector's public Fit calls this and returns its own type.</summary>
    private protected void FitSelection(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var selected = Choose(x, y);
        _inputFeatureCount = x.ColumnCount;
        _selected = selected.Order().ToArray();
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, GetType().Name, nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _inputFeatureCount, nameof(x));
        return MatrixColumns.Select(x, _selected!);
    }

    public Matrix<double> FitTransform(Matrix<double> x, Vector<double> y)
    {
        FitSelection(x, y);
        return Transform(x);
    }

    /// <summary>The columns to keep, learned from the training data only.</summary>
    protected abstract IReadOnlyList<int> Choose(Matrix<double> x, Vector<double> y);

    ISupervisedTransformer ISupervisedTransformer.Fit(Matrix<double> x, Vector<double> y)
    {
        FitSelection(x, y);
        return this;
    }

}

/// <summary>Filter selection: keep the k features with the highest score (scikit-learn's SelectKBest), e.g. <c>(x, y) => FilterScores.FClassif(x, y).Scores</c>.</summary>
public sealed class SelectKBest : ColumnSelector
{
    public SelectKBest Fit(Matrix<double> x, Vector<double> y) { FitSelection(x, y); return this; }

    public SelectKBest(Func<Matrix<double>, Vector<double>, Vector<double>> score, int k)
    {
        Guard.NotNull(score, nameof(score));
        Guard.Positive(k, nameof(k));
        Score = score;
        K = k;
    }

    public Func<Matrix<double>, Vector<double>, Vector<double>> Score { get; }
    public int K { get; }

    protected override IReadOnlyList<int> Choose(Matrix<double> x, Vector<double> y)
    {
        Guard.HasAtLeast(x.ColumnCount, K, nameof(x), "columns", $"to select k = {K} features");
        var scores = Score(x, y);
        if (scores is null || scores.Count != x.ColumnCount) throw new InvalidOperationException($"The score function must return one score per feature ({x.ColumnCount}).");
        return FilterScores.TopK(scores, K);
    }
}

/// <summary>
/// Embedded selection (Week 8, "L1 regularisation"): fit a model whose penalty sets weights to exactly zero
/// (Lasso, L1 logistic regression) and keep the features with |w_j| above <see cref="Threshold"/>. The selection
/// is a by-product of one fit, and it accounts for the other features (unlike a filter); features should be
/// standardised first, since the penalty treats all weights alike.
/// </summary>
public sealed class SelectFromModel : ColumnSelector
{
    public SelectFromModel Fit(Matrix<double> x, Vector<double> y) { FitSelection(x, y); return this; }

    /// <param name="coefficients">Fits a model on (x, y) and returns its weights, e.g. <c>(x, y) => new LassoRegression(0.5).Fit(x, y).Coefficients</c>.</param>
    public SelectFromModel(Func<Matrix<double>, Vector<double>, Vector<double>> coefficients, double threshold = 1e-10)
    {
        Guard.NotNull(coefficients, nameof(coefficients));
        Guard.NonNegative(threshold, nameof(threshold));
        Coefficients = coefficients;
        Threshold = threshold;
    }

    public Func<Matrix<double>, Vector<double>, Vector<double>> Coefficients { get; }
    public double Threshold { get; }

    protected override IReadOnlyList<int> Choose(Matrix<double> x, Vector<double> y)
    {
        var w = Coefficients(x, y);
        if (w is null || w.Count != x.ColumnCount) throw new InvalidOperationException($"The coefficient function must return one weight per feature ({x.ColumnCount}).");
        var kept = Enumerable.Range(0, w.Count).Where(j => Math.Abs(w[j]) > Threshold).ToArray();
        if (kept.Length == 0) throw new InvalidOperationException($"Every weight is at most {Threshold} in magnitude, so no feature would be kept; lower the penalty.");
        return kept;
    }
}
