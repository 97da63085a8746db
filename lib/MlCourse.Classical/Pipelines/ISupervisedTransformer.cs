using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;

namespace MlCourse.Classical.Pipelines;

/// <summary>
/// A transformer that needs the targets to learn (target encoding, supervised feature selection), Week 8
/// "Pipelines". <see cref="FitTransform"/> is what a pipeline calls on training rows: it may differ from
/// Fit(x, y).Transform(x) (a target encoder encodes its own training rows out of fold, so a row's encoding
/// never contains its own target), while <see cref="IFeatureTransformer.Transform"/> is used for new rows.
/// It has no Fit(x): a model that cannot learn without y does not offer a method that could only throw.
/// Combinators (<see cref="ColumnTransformer"/>, <see cref="TransformerChain"/>) implement both this and
/// <see cref="ITransformer"/>: they need y only when one of their parts does.
/// </summary>
public interface ISupervisedTransformer : IFeatureTransformer
{
    ISupervisedTransformer Fit(Matrix<double> x, Vector<double> y);
    Matrix<double> FitTransform(Matrix<double> x, Vector<double> y);
}
