using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// Cross-validation of a pipeline on data with missing values (Week 8, "Pipelines"). <see cref="CrossValidation.Run(Func{IRegressor}, Matrix{double}, Vector{double}, ICrossValidator, Func{Vector{double}, Vector{double}, double})"/>
/// rejects NaN in x, which is right for a bare model, but a pipeline that starts with an imputer is exactly the
/// estimator that should receive the holes: imputing before splitting would learn the fill values from validation rows.
/// It runs CrossValidation's own loop (a fresh estimator per fold, fitted on the training rows only), letting NaN through.
/// </summary>
public static class PipelineCrossValidation
{
    public static CrossValidationResult Run(Func<IRegressor> factory, Matrix<double> x, Vector<double> y, ICrossValidator cv,
        Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return CrossValidation.RunCore((xt, yt, xv) => factory().Fit(xt, yt).Predict(xv), x, y, cv, scoring, allowMissing: true);
    }

    public static CrossValidationResult Run(Func<IClassifier> factory, Matrix<double> x, Vector<double> y, ICrossValidator cv,
        Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return CrossValidation.RunCore((xt, yt, xv) => factory().Fit(xt, yt).Predict(xv), x, y, cv, scoring, allowMissing: true);
    }
}
