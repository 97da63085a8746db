using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>One outer fold of a nested cross-validation.</summary>
/// <param name="Chosen">The hyper-parameters the inner grid search picked on this outer fold's training rows.</param>
/// <param name="InnerBestScore">The inner search's best mean score: the (optimistic) number a non-nested search reports.</param>
/// <param name="OuterScore">The refitted chosen model's score on the outer test rows, which the search never saw.</param>
public sealed record NestedFold(ParameterSet Chosen, double InnerBestScore, double OuterScore);

/// <summary>Per-outer-fold results; <see cref="Mean"/> estimates the performance of the whole procedure "tune, then fit".</summary>
public sealed record NestedCrossValidationResult(IReadOnlyList<NestedFold> Folds)
{
    public double Mean => Folds.Average(f => f.OuterScore);
    public double MeanInnerBestScore => Folds.Average(f => f.InnerBestScore);
}

/// <summary>
/// Nested cross-validation (Week 4, "Nested cross-validation"): the best score of a grid search is the maximum
/// of many noisy estimates, so it is biased upwards as an estimate of the chosen model's performance. Nesting
/// moves the whole search inside an outer loop: on each outer fold, <see cref="GridSearch"/> runs with the inner
/// splitter on the outer training rows only, the winner is refitted on those rows and scored on the outer test rows.
/// Same result as scikit-learn's cross_val_score(GridSearchCV(model, grid, cv=inner), X, y, cv=outer).
/// </summary>
public static class NestedCrossValidation
{
    public static NestedCrossValidationResult Run(IReadOnlyDictionary<string, double[]> grid, Func<ParameterSet, IRegressor> factory,
        Matrix<double> x, Vector<double> y, ICrossValidator outerCv, ICrossValidator innerCv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return RunCore((xt, yt) => GridSearch.Run(grid, factory, xt, yt, innerCv, scoring),
            (p, xt, yt, xv) => factory(p).Fit(xt, yt).Predict(xv), x, y, outerCv, innerCv, scoring);
    }

    public static NestedCrossValidationResult Run(IReadOnlyDictionary<string, double[]> grid, Func<ParameterSet, IClassifier> factory,
        Matrix<double> x, Vector<double> y, ICrossValidator outerCv, ICrossValidator innerCv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return RunCore((xt, yt) => GridSearch.Run(grid, factory, xt, yt, innerCv, scoring),
            (p, xt, yt, xv) => factory(p).Fit(xt, yt).Predict(xv), x, y, outerCv, innerCv, scoring);
    }

    private static NestedCrossValidationResult RunCore(
        Func<Matrix<double>, Vector<double>, SearchResult> search,
        Func<ParameterSet, Matrix<double>, Vector<double>, Matrix<double>, Vector<double>> fitPredict,
        Matrix<double> x, Vector<double> y, ICrossValidator outerCv, ICrossValidator innerCv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NotNull(outerCv, nameof(outerCv));
        Guard.NotNull(innerCv, nameof(innerCv));
        Guard.NotNull(scoring, nameof(scoring));
        var folds = new List<NestedFold>();
        // <snippet name="nested-cross-validation">
        foreach (var outer in outerCv.Split(y))
        {
            var xTrain = CrossValidation.Rows(x, outer.TrainIndices);
            var yTrain = CrossValidation.Entries(y, outer.TrainIndices);
            var best = search(xTrain, yTrain).Best;                      // tuned on the outer training rows only
            var yHat = fitPredict(best.Parameters, xTrain, yTrain, CrossValidation.Rows(x, outer.TestIndices));
            folds.Add(new NestedFold(best.Parameters, best.Score.Mean, scoring(CrossValidation.Entries(y, outer.TestIndices), yHat)));
        }
        // </snippet>
        return new NestedCrossValidationResult(folds);
    }
}
