using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// Cross-validation of a pipeline on data with missing values (Week 8, "Pipelines"). <see cref="CrossValidation.Run(Func{IRegressor}, Matrix{double}, Vector{double}, ICrossValidator, Func{Vector{double}, Vector{double}, double})"/>
/// rejects NaN in x, which is right for a bare model, but a pipeline that starts with an imputer is exactly the
/// estimator that should receive the holes: imputing before splitting would learn the fill values from validation rows.
/// The loop is the same: a fresh estimator per fold, fitted on the training rows only.
/// </summary>
public static class PipelineCrossValidation
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

    private static CrossValidationResult RunCore(Func<Matrix<double>, Vector<double>, Matrix<double>, Vector<double>> fitPredict,
        Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        FeatureGuard.MatrixWithMissing(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NotNull(cv, nameof(cv));
        Guard.NotNull(scoring, nameof(scoring));
        var scores = new List<double>();
        foreach (var fold in cv.Split(y))
        {
            var yHat = fitPredict(CrossValidation.Rows(x, fold.TrainIndices), CrossValidation.Entries(y, fold.TrainIndices), CrossValidation.Rows(x, fold.TestIndices));
            scores.Add(scoring(CrossValidation.Entries(y, fold.TestIndices), yHat));
        }
        return new CrossValidationResult(scores);
    }
}
