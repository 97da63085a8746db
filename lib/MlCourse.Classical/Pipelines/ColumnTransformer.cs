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

    public ColumnTransformer Fit(Matrix<double> x, Vector<double> y) { FitTransformCore(x, Steps.Targets(x, y)); return this; }

    public Matrix<double> FitTransform(Matrix<double> x, Vector<double> y) => FitTransformCore(x, Steps.Targets(x, y));

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(ColumnTransformer), nameof(Transform));
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.FeatureCount(x, _inputFeatureCount, nameof(x));
        return Concatenate(x, _branches.Select(b => InBranch(b, x, part => b.Transformer.Transform(part))));
    }

    private Matrix<double> FitTransformCore(Matrix<double> x, Vector<double>? y)
    {
        // NaN may be a missing value for an imputing branch; each branch checks what it accepts (see InBranch).
        Guard.MatrixAllowingNaN(x, nameof(x));
        foreach (var b in _branches) Guard.ColumnIndices(b.Columns, x.ColumnCount, $"branch '{b.Name}' columns");
        // <snippet name="column-transformer">
        var outputs = new List<Matrix<double>>();
        foreach (var branch in _branches)
            outputs.Add(InBranch(branch, x, part => Steps.FitTransform(branch.Transformer, part, y, $"Branch '{branch.Name}'")));
        // </snippet>
        _remaining = Enumerable.Range(0, x.ColumnCount).Except(_branches.SelectMany(b => b.Columns)).ToArray();
        _inputFeatureCount = x.ColumnCount;
        return Concatenate(x, outputs);
    }

    /// <summary>
    /// Runs a branch on its columns. A branch sees only its own columns, so its error about a missing value would name a
    /// position in that slice ("x[4, 0]"); this names the position in the caller's x instead, and the branch.
    /// </summary>
    private static Matrix<double> InBranch(ColumnBranch branch, Matrix<double> x, Func<Matrix<double>, Matrix<double>> run)
    {
        try { return run(MatrixColumns.Select(x, branch.Columns)); }
        catch (ArgumentException error) when (error.ParamName == "x" && FirstNaN(x, branch.Columns) is (int i, int j))
        {
            throw new ArgumentException(
                $"x[{i}, {j}] is NaN, and branch '{branch.Name}' ({branch.Transformer.GetType().Name} on columns [{string.Join(", ", branch.Columns)}]) does not accept missing values: impute them in that branch first. The branch said: {error.Message}",
                nameof(x), error);
        }
    }

    private static (int Row, int Column)? FirstNaN(Matrix<double> x, IReadOnlyList<int> columns)
    {
        for (int i = 0; i < x.RowCount; i++)
            foreach (int j in columns)
                if (double.IsNaN(x[i, j])) return (i, j);
        return null;
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
