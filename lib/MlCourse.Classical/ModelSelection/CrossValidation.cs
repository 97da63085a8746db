using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>Per-fold validation scores of one model, with their mean and sample standard deviation.</summary>
public sealed record CrossValidationResult(IReadOnlyList<double> Scores)
{
    public double Mean => Scores.Average();

    /// <summary>Sample standard deviation (n − 1) across folds: the spread between folds, not a standard error of the mean.</summary>
    public double StandardDeviation => Math.Sqrt(Scores.Sum(s => (s - Mean) * (s - Mean)) / (Scores.Count - 1));
}

/// <summary>
/// Runs cross-validation (Week 4, "A cross-validation framework"): for each fold, build a fresh model
/// with the factory, fit it on the training rows only, predict the test rows and score them. A new
/// model per fold keeps folds independent (nothing learned on one fold leaks into the next), and
/// fitting preprocessing inside the factory's model keeps test rows out of the scaler's statistics.
/// The scoring function takes (y, yHat), e.g. <c>RegressionMetrics.R2</c> or <c>ClassificationMetrics.Accuracy</c>.
/// </summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(Func<IRegressor> factory, Matrix<double> x, Vector<double> y, ICrossValidator cv,
        Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return RunCore((xt, yt, xv) => factory().Fit(xt, yt).Predict(xv), x, y, cv, scoring);
    }

    public static CrossValidationResult Run(Func<IClassifier> factory, Matrix<double> x, Vector<double> y, ICrossValidator cv,
        Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return RunCore((xt, yt, xv) => factory().Fit(xt, yt).Predict(xv), x, y, cv, scoring);
    }

    /// <param name="allowMissing">Let NaN (a missing value) through to the estimator: right only for one that imputes
    /// inside its own Fit (a pipeline starting with an imputer, see PipelineCrossValidation).</param>
    internal static CrossValidationResult RunCore(Func<Matrix<double>, Vector<double>, Matrix<double>, Vector<double>> fitPredict,
        Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring,
        bool allowMissing = false)
    {
        if (allowMissing) Guard.MatrixAllowingNaN(x, nameof(x));
        else Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NotNull(cv, nameof(cv));
        Guard.NotNull(scoring, nameof(scoring));
        var scores = new List<double>();
        // <snippet name="cross-validation-loop">
        foreach (var fold in cv.Split(y))
        {
            var yHat = fitPredict(Rows(x, fold.TrainIndices), Entries(y, fold.TrainIndices), Rows(x, fold.TestIndices));
            scores.Add(scoring(Entries(y, fold.TestIndices), yHat));
        }
        // </snippet>
        return new CrossValidationResult(scores);
    }

    internal static Matrix<double> Rows(Matrix<double> x, IReadOnlyList<int> rows) => Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));
    internal static Vector<double> Entries(Vector<double> y, IReadOnlyList<int> rows) => Vector<double>.Build.DenseOfEnumerable(rows.Select(i => y[i]));
}
