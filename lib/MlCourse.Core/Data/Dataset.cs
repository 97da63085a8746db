using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Data;

/// <summary>A loaded dataset: features X (n x d), targets y (n), and what the columns mean.</summary>
public sealed record Dataset(
    string Name,
    Matrix<double> X,
    Vector<double> Y,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> TargetNames,
    string Origin)
{
    public int SampleCount => X.RowCount;
    public int FeatureCount => X.ColumnCount;

    public override string ToString() =>
        $"{Name}: {SampleCount} samples x {FeatureCount} features; target {(TargetNames.Count == 0 ? "continuous" : string.Join("/", TargetNames))}. {Origin}";
}
