using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// A chain of transformers ending in a model, fitted and applied as one estimator (Week 8, "Pipelines"; scikit-learn's
/// Pipeline). Fit runs each step's fit-and-transform on the training rows and passes the result on; Predict only
/// transforms with what was learned. Because the whole chain is one IRegressor / IClassifier, cross-validation refits
/// every step on each training fold, so no statistic (a mean, a category list, a target encoding, a feature
/// selection) is ever learned from validation rows: the leak that a scaler fitted before splitting creates.
/// </summary>
/// <remarks>
/// Steps implementing <see cref="ISupervisedTransformer"/> receive y and are fitted with their
/// <c>FitTransform(x, y)</c> (for a target encoder: out-of-fold encodings of the training rows). The pipeline
/// owns its steps: build a fresh pipeline per fold (a factory), as CrossValidation.Run does. Two concrete types,
/// <see cref="RegressionPipeline"/> and <see cref="ClassificationPipeline"/>, so that a factory lambda has one
/// estimator interface and the final model's kind is checked by the compiler.
/// </remarks>
public abstract class Pipeline
{
    private readonly IFeatureTransformer[] _steps;
    private readonly IRegressor? _regressor;
    private readonly IClassifier? _classifier;
    private bool _fitted;

    private protected Pipeline(IEnumerable<IFeatureTransformer> steps, IRegressor? regressor, IClassifier? classifier)
    {
        _regressor = regressor;
        _classifier = classifier;
        _steps = Pipelines.Steps.Validate(steps, nameof(steps));
    }

    public IReadOnlyList<IFeatureTransformer> Steps => _steps;
    /// <summary>The final model (an IRegressor or an IClassifier).</summary>
    public IEstimator Estimator => (IEstimator?)_regressor ?? _classifier!;

    public bool IsFitted => _fitted;

    private protected void FitSteps(Matrix<double> x, Vector<double> y)
    {
        // NaN may be a missing value that an imputing step fills in; each step checks what it accepts.
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        // <snippet name="pipeline-fit">
        var current = x;
        foreach (var step in _steps)
            current = Pipelines.Steps.FitTransform(step, current, y);   // FitTransform(x, y) if the step learns from y, else Fit(x).Transform(x)
        if (_regressor is not null) _regressor.Fit(current, y); else _classifier!.Fit(current, y);
        // </snippet>
        _fitted = true;
    }

    /// <summary>Applies every fitted step to new rows (nothing is learned here).</summary>
    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, GetType().Name, nameof(Transform));
        Guard.NotNull(x, nameof(x));
        var current = x;
        foreach (var step in _steps) current = step.Transform(current);
        return current;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, GetType().Name, nameof(Predict));
        var features = Transform(x);
        return _regressor is not null ? _regressor.Predict(features) : _classifier!.Predict(features);
    }
}

/// <summary>A <see cref="Pipeline"/> ending in a regressor: transformers, then e.g. RidgeRegression.</summary>
public sealed class RegressionPipeline : Pipeline, IRegressor
{
    public RegressionPipeline(IEnumerable<IFeatureTransformer> steps, IRegressor regressor)
        : base(steps, Guard.NotNull(regressor, nameof(regressor)), null) { }

    public RegressionPipeline Fit(Matrix<double> x, Vector<double> y) { FitSteps(x, y); return this; }

    IRegressor IRegressor.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}

/// <summary>A <see cref="Pipeline"/> ending in a classifier: transformers, then e.g. LogisticRegression.</summary>
public sealed class ClassificationPipeline : Pipeline, IClassifier
{
    public ClassificationPipeline(IEnumerable<IFeatureTransformer> steps, IClassifier classifier)
        : base(steps, null, Guard.NotNull(classifier, nameof(classifier))) { }

    public ClassificationPipeline Fit(Matrix<double> x, Vector<double> y) { FitSteps(x, y); return this; }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
