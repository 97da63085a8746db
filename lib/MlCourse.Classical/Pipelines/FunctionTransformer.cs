using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// A custom stateless transformer from a function (Week 8, "Custom transformers"; scikit-learn's FunctionTransformer):
/// log1p of a skewed column, a ratio of two columns, a date part. Stateless means nothing is learned, so it cannot
/// leak; anything that needs a statistic of the data (a mean, a quantile) must be a real transformer with Fit.
/// </summary>
public sealed class FunctionTransformer : ITransformer
{
    private int _inputFeatureCount = -1;

    public FunctionTransformer(Func<Matrix<double>, Matrix<double>> function, string name = "function")
    {
        Guard.NotNull(function, nameof(function));
        Function = function;
        Name = name;
    }

    public Func<Matrix<double>, Matrix<double>> Function { get; }
    public string Name { get; }

    public bool IsFitted => _inputFeatureCount >= 0;

    /// <summary>Records the number of input features only, so Transform can reject a matrix of another width.</summary>
    public FunctionTransformer Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        _inputFeatureCount = x.ColumnCount;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(FunctionTransformer), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _inputFeatureCount, nameof(x));
        var result = Function(x) ?? throw new InvalidOperationException($"The function of '{Name}' returned null.");
        if (result.RowCount != x.RowCount)
            throw new InvalidOperationException($"The function of '{Name}' must keep one row per input row, but turned {x.RowCount} rows into {result.RowCount}.");
        return result;
    }

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
