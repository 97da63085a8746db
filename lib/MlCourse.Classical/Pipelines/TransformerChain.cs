using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// Transformers applied one after another, itself a transformer (Week 8, "Pipelines"): scikit-learn's Pipeline
/// without a final model, for a ColumnTransformer branch such as "impute, then scale". Supervised steps get y when
/// the chain is fitted with Fit(x, y) / FitTransform(x, y).
/// </summary>
public sealed class TransformerChain : ITransformer, ISupervisedTransformer
{
    private readonly IFeatureTransformer[] _steps;
    private bool _fitted;

    public TransformerChain(params IFeatureTransformer[] steps)
    {
        _steps = Pipelines.Steps.Validate(steps, nameof(steps));
        Guard.NotEmpty(_steps, nameof(steps));
    }

    public IReadOnlyList<IFeatureTransformer> Steps => _steps;
    public bool IsFitted => _fitted;

    public TransformerChain Fit(Matrix<double> x) { FitTransformCore(x, null); return this; }
    public TransformerChain Fit(Matrix<double> x, Vector<double> y) { FitTransformCore(x, Pipelines.Steps.Targets(x, y)); return this; }
    public Matrix<double> FitTransform(Matrix<double> x, Vector<double> y) => FitTransformCore(x, Pipelines.Steps.Targets(x, y));

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(TransformerChain), nameof(Transform));
        var current = x;
        foreach (var step in _steps) current = step.Transform(current);
        return current;
    }

    private Matrix<double> FitTransformCore(Matrix<double> x, Vector<double>? y)
    {
        Guard.MatrixAllowingNaN(x, nameof(x));
        var current = x;
        foreach (var step in _steps)
            current = Pipelines.Steps.FitTransform(step, current, y);
        _fitted = true;
        return current;
    }

    ISupervisedTransformer ISupervisedTransformer.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
