using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>Per-feature drop in score when that feature's column is shuffled: mean and standard deviation over repeats.</summary>
public sealed record PermutationImportanceResult(double[] Mean, double[] StandardDeviation, double BaselineScore);

/// <summary>
/// Permutation importance (Breiman 2001; Week 5, "Feature importance"): shuffle one column of held-out data,
/// breaking its link with y while keeping its distribution, and measure how much the score drops. Unlike
/// impurity importance (MDI), it is computed on data the model did not train on and works for any model;
/// MDI is biased towards features with many distinct values, because they offer more thresholds to overfit with.
/// Correlated features share the credit: shuffling one leaves its twin to carry the signal.
/// </summary>
public static class PermutationImportance
{
    // <snippet name="permutation-importance">
    public static PermutationImportanceResult Compute(Func<Matrix<double>, Vector<double>> predict, Matrix<double> x, Vector<double> y,
        Func<Vector<double>, Vector<double>, double> scoring, int repeats = 5, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(predict, nameof(predict));
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NotNull(scoring, nameof(scoring));
        Guard.Positive(repeats, nameof(repeats));
        var rng = Seeded.Random(seed);
        double baseline = scoring(y, predict(x));
        int d = x.ColumnCount, n = x.RowCount;
        var mean = new double[d];
        var std = new double[d];
        var shuffled = x.Clone();                      // the caller's x is never touched
        for (int f = 0; f < d; f++)
        {
            var drops = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                var perm = rng.Permutation(n);
                for (int i = 0; i < n; i++) shuffled[i, f] = x[perm[i], f];
                drops[r] = baseline - scoring(y, predict(shuffled));
            }
            for (int i = 0; i < n; i++) shuffled[i, f] = x[i, f];   // restore before the next feature
            mean[f] = drops.Average();
            std[f] = Math.Sqrt(drops.Sum(v => (v - mean[f]) * (v - mean[f])) / repeats);
        }
        return new PermutationImportanceResult(mean, std, baseline);
    }
    // </snippet>
}
