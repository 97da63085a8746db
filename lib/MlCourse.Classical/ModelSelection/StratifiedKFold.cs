using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// K-fold that keeps each class's share about equal in every fold (Week 4, "Stratified k-fold"): with a
/// 5% positive class, plain k-fold can produce a fold with no positives, on which recall and ROC AUC
/// are undefined. Assignment follows scikit-learn's StratifiedKFold: sort the labels, deal the sorted
/// list round-robin to the folds to decide how many of each class each fold gets, then hand a class's
/// samples out in that order (in row order, or in seeded random order with shuffling).
/// Without shuffling the folds are identical to scikit-learn's.
/// </summary>
public sealed class StratifiedKFold(int k = 5, bool shuffle = false, int seed = Seeded.DefaultSeed) : KFoldSettings(k, shuffle, seed)
{
    protected override IReadOnlyList<Fold> Deal(Vector<double> y)
    {
        int n = y.Count;
        // Classes are numbered in order of first appearance, as scikit-learn does; this fixes which
        // class gets the extra sample when a fold count does not divide evenly.
        var labels = y.Distinct().ToArray();
        var counts = labels.Select(c => y.Count(v => v == c)).ToArray();
        if (counts.Max() < K)
            throw new ArgumentException(
                $"k = {K} is greater than the number of samples in every class (largest class has {counts.Max()}); use fewer folds.", nameof(y));

        // <snippet name="stratified-allocation">
        // allocation[f, c]: how many samples of class c go to fold f. Dealing the sorted labels
        // round-robin gives every fold ⌊n_c/k⌋ or ⌈n_c/k⌉ of each class and equal-as-possible fold sizes.
        var sorted = y.Select(v => Array.IndexOf(labels, v)).Order().ToArray();
        var allocation = new int[K, labels.Length];
        for (int i = 0; i < n; i++) allocation[i % K, sorted[i]]++;

        var rng = Seeded.Random(Seed);
        var testFold = new int[n];
        for (int c = 0; c < labels.Length; c++)
        {
            var foldOfEach = new List<int>();
            for (int f = 0; f < K; f++) foldOfEach.AddRange(Enumerable.Repeat(f, allocation[f, c]));
            int[] perm = Shuffle ? rng.Permutation(foldOfEach.Count) : Enumerable.Range(0, foldOfEach.Count).ToArray();
            int j = 0;
            for (int i = 0; i < n; i++)
                if (y[i] == labels[c]) testFold[i] = foldOfEach[perm[j++]];
        }
        // </snippet>

        var folds = new List<Fold>(K);
        for (int f = 0; f < K; f++)
        {
            var test = Enumerable.Range(0, n).Where(i => testFold[i] == f).ToArray();
            var train = Enumerable.Range(0, n).Where(i => testFold[i] != f).ToArray();
            folds.Add(new Fold(train, test));
        }
        return folds;
    }
}
