using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>One branch of a <see cref="ColumnTransformer"/>: a name, a transformer and the input columns it sees.</summary>
public sealed record ColumnBranch(string Name, IFeatureTransformer Transformer, IReadOnlyList<int> Columns);

/// <summary>What a <see cref="ColumnTransformer"/> does with the columns no branch names.</summary>
public enum Remainder { Drop, Passthrough }

/// <summary>
/// Applies a different transformer to each group of columns and puts the outputs side by side (Week 8, "Pipelines";
/// scikit-learn's ColumnTransformer): numeric columns → impute + scale, categorical codes → one-hot or target
/// encoding. Output: the branches' columns in the order given, then (with <see cref="Remainder.Passthrough"/>) the
/// untouched columns in their original order.
/// </summary>
public sealed class ColumnTransformer : ITransformer, ISupervisedTransformer
{
    private readonly ColumnBranch[] _branches;
    private int _inputFeatureCount = -1;
    private int[] _remaining = [];

    public ColumnTransformer(IEnumerable<ColumnBranch> branches, Remainder remainder = Remainder.Drop)
    {
        Guard.NotNull(branches, nameof(branches));
        _branches = branches.ToArray();
        Guard.NotEmpty(_branches, nameof(branches));
        Steps.Validate(_branches.Select(b => b?.Transformer!), nameof(branches));
        foreach (var b in _branches) Guard.ColumnIndices(b.Columns, int.MaxValue, $"{nameof(branches)}['{b.Name}'].Columns");
        Guard.Defined(remainder, nameof(remainder));
        Remainder = remainder;
    }

    public IReadOnlyList<ColumnBranch> Branches => _branches;
    public Remainder Remainder { get; }

    public bool IsFitted => _inputFeatureCount >= 0;

    public ColumnTransformer Fit(Matrix<double> x) { FitTransformCore(x, null); return this; }

    public ColumnTransformer Fit(Matrix<double> x, Vector<double> y) { FitTransformCore(x, y); return this; }

    public Matrix<double> FitTransform(Matrix<double> x, Vector<double> y) => FitTransformCore(x, y);

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(ColumnTransformer), nameof(Transform));
        Guard.NotNull(x, nameof(x));
        Guard.FeatureCount(x, _inputFeatureCount, nameof(x));
        return Concatenate(x, _branches.Select(b => b.Transformer.Transform(MatrixColumns.Select(x, b.Columns))));
    }

    private Matrix<double> FitTransformCore(Matrix<double> x, Vector<double>? y)
    {
        Guard.NotNull(x, nameof(x));
        if (x.RowCount == 0 || x.ColumnCount == 0) throw new ArgumentException($"x must have at least one row and one column, but is {Guard.Shape(x)}.", nameof(x));
        foreach (var b in _branches) Guard.ColumnIndices(b.Columns, x.ColumnCount, $"branch '{b.Name}' columns");
        // <snippet name="column-transformer">
        var outputs = new List<Matrix<double>>();
        foreach (var branch in _branches)
        {
            var part = MatrixColumns.Select(x, branch.Columns);
            outputs.Add(Steps.FitTransform(branch.Transformer, part, y, $"Branch '{branch.Name}'"));
        }
        // </snippet>
        _remaining = Enumerable.Range(0, x.ColumnCount).Except(_branches.SelectMany(b => b.Columns)).ToArray();
        _inputFeatureCount = x.ColumnCount;
        return Concatenate(x, outputs);
    }

    private Matrix<double> Concatenate(Matrix<double> x, IEnumerable<Matrix<double>> outputs)
    {
        var columns = outputs.SelectMany(m => m.EnumerateColumns()).ToList();
        if (Remainder == Remainder.Passthrough) columns.AddRange(_remaining.Select(x.Column));
        if (columns.Count == 0) throw new InvalidOperationException("The ColumnTransformer produced no columns.");
        return Matrix<double>.Build.DenseOfColumnVectors(columns);
    }

    ISupervisedTransformer ISupervisedTransformer.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
