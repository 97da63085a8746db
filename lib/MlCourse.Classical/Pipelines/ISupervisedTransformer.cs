using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// A transformer that needs the targets to learn (target encoding; a ColumnTransformer holding one), Week 8
/// "Pipelines". <see cref="FitTransform"/> is what a pipeline calls on training rows: it may differ from
/// Fit(x, y).Transform(x) (a target encoder encodes its own training rows out of fold, so a row's encoding
/// never contains its own target), while <see cref="ITransformer.Transform"/> is used for new rows.
/// Calling the unsupervised <see cref="ITransformer.Fit"/> on one that needs y throws.
/// </summary>
public interface ISupervisedTransformer : ITransformer
{
    ISupervisedTransformer Fit(Matrix<double> x, Vector<double> y);
    Matrix<double> FitTransform(Matrix<double> x, Vector<double> y);
}
