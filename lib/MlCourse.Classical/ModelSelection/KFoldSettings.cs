using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// What <see cref="KFold"/> and <see cref="StratifiedKFold"/> share: k ≥ 2 folds, an optional seeded shuffle and the
/// check of y. Each says only how it deals the n rows to the k folds.
/// </summary>
public abstract class KFoldSettings(int k, bool shuffle, int seed) : ICrossValidator
{
    public int K { get; } = Guard.AtLeast(k, 2, nameof(k), "each fold is tested once while the others train");
    public bool Shuffle { get; } = shuffle;
    public int Seed { get; } = seed;

    public IReadOnlyList<Fold> Split(Vector<double> y)
    {
        Guard.Vector(y, nameof(y));
        return Deal(y);
    }

    /// <summary>The folds of a validated, non-empty y.</summary>
    protected abstract IReadOnlyList<Fold> Deal(Vector<double> y);
}
