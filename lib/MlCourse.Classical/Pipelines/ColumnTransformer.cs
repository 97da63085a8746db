using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>One branch of a <see cref="ColumnTransformer"/>: a name, a transformer and the input columns it sees.</summary>
public sealed record ColumnBranch(string Name, ITransformer Transformer, IReadOnlyList<int> Columns);

/// <summary>What a <see cref="ColumnTransformer"/> does with the columns no branch names.</summary>
public enum Remainder { Drop, Passthrough }

/// <summary>
/// Applies a different transformer to each group of columns and puts the outputs side by side (Week 8, "Pipelines";
/// scikit-learn's ColumnTransformer): numeric columns → impute + scale, categorical codes → one-hot or target
/// encoding. Output: the branches' columns in the order given, then (with <see cref="Remainder.Passthrough"/>) the
/// untouched columns in their original order.
/// </summary>
public sealed class ColumnTransformer : ISupervisedTransformer
{
    private readonly ColumnBranch[] _branches;
    private int _inputFeatureCount = -1;
    private int[] _remaining = [];

    public ColumnTransformer(IEnumerable<ColumnBranch> branches, Remainder remainder = Remainder.Drop)
    {
        Guard.NotNull(branches, nameof(branches));
        _branches = branches.ToArray();
        if (_branches.Length == 0) throw new ArgumentException($"{nameof(branches)} must contain at least one branch.", nameof(branches));
        foreach (var b in _branches)
        {
            Guard.NotNull(b, nameof(branches));
            Guard.NotNull(b.Transformer, nameof(branches));
            FeatureGuard.Columns(b.Columns, int.MaxValue, $"{nameof(branches)}['{b.Name}'].Columns");
        }
        if (!Enum.IsDefined(remainder)) throw new ArgumentOutOfRangeException(nameof(remainder), remainder, $"{nameof(remainder)} must be Drop or Passthrough.");
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
        return Concatenate(x, _branches.Select(b => b.Transformer.Transform(FeatureGuard.SelectColumns(x, b.Columns))));
    }

    private Matrix<double> FitTransformCore(Matrix<double> x, Vector<double>? y)
    {
        Guard.NotNull(x, nameof(x));
        if (x.RowCount == 0 || x.ColumnCount == 0) throw new ArgumentException($"x must have at least one row and one column, but is {Guard.Shape(x)}.", nameof(x));
        foreach (var b in _branches) FeatureGuard.Columns(b.Columns, x.ColumnCount, $"branch '{b.Name}' columns");
        // <snippet name="column-transformer">
        var outputs = new List<Matrix<double>>();
        foreach (var branch in _branches)
        {
            var part = FeatureGuard.SelectColumns(x, branch.Columns);
            outputs.Add(branch.Transformer is ISupervisedTransformer supervised
                ? supervised.FitTransform(part, y ?? throw new InvalidOperationException($"Branch '{branch.Name}' learns from the targets: fit the ColumnTransformer with Fit(x, y)."))
                : branch.Transformer.Fit(part).Transform(part));
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
