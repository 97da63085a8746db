using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// Exhaustive grid search (Week 5, "Hyper-parameter tuning framework"): every combination of the listed values
/// is scored by cross-validation (<see cref="CrossValidation"/>, so each fold fits a fresh model on its training
/// rows only), and the best mean score wins. Works with any estimator of the library: the factory builds one
/// from a <see cref="ParameterSet"/>. Cost: Π_k |values_k| × folds fits, which grows exponentially with
/// the number of hyper-parameters; <see cref="RandomSearch"/> spends a fixed budget instead.
/// </summary>
public static class GridSearch
{
    public static SearchResult Run(IReadOnlyDictionary<string, double[]> grid, Func<ParameterSet, IClassifier> factory,
        Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return Search(Combinations(grid), p => CrossValidation.Run(() => factory(p), x, y, cv, scoring));
    }

    public static SearchResult Run(IReadOnlyDictionary<string, double[]> grid, Func<ParameterSet, IRegressor> factory,
        Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return Search(Combinations(grid), p => CrossValidation.Run(() => factory(p), x, y, cv, scoring));
    }

    internal static SearchResult Search(IEnumerable<ParameterSet> candidates, Func<ParameterSet, CrossValidationResult> score) =>
        new(candidates.Select(p => new SearchCandidate(p, score(p))).ToArray());

    // <snippet name="grid-combinations">
    /// <summary>The Cartesian product of the grid's value lists, the last name varying fastest.</summary>
    public static IReadOnlyList<ParameterSet> Combinations(IReadOnlyDictionary<string, double[]> grid)
    {
        Guard.NotNull(grid, nameof(grid));
        Guard.NotEmpty(grid, nameof(grid), "hyper-parameter");
        foreach (var (name, values) in grid)
            if (values is null || values.Length == 0) throw new ArgumentException($"grid['{name}'] must list at least one value.", nameof(grid));
        var names = grid.Keys.ToArray();
        var result = new List<ParameterSet>();
        var index = new int[names.Length];
        while (true)
        {
            result.Add(new ParameterSet(names.Select((n, k) => (n, grid[n][index[k]])).ToDictionary(t => t.n, t => t.Item2)));
            int k = names.Length - 1;                 // odometer: bump the last digit, carry leftwards
            while (k >= 0 && ++index[k] == grid[names[k]].Length) index[k--] = 0;
            if (k < 0) return result;
        }
    }
    // </snippet>
}
