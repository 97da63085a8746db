using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.ModelSelection;

/// <summary>One train/validation split of the rows 0..n−1, as indices into the original data (Week 4, "Cross-validation").</summary>
public sealed record Fold(IReadOnlyList<int> TrainIndices, IReadOnlyList<int> TestIndices);

/// <summary>
/// A rule for cutting n samples into folds: <see cref="KFold"/>, <see cref="StratifiedKFold"/>,
/// <see cref="TimeSeriesSplit"/>. It sees the targets y because stratification needs them; the others
/// only use y.Count.
/// </summary>
public interface ICrossValidator
{
    IReadOnlyList<Fold> Split(Vector<double> y);
}
