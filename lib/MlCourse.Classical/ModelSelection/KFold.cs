using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// K-fold cross-validation (Week 4, "K-fold"): every sample is in exactly one test fold. Fold sizes
/// follow scikit-learn's KFold: the first n mod k folds get ⌊n/k⌋ + 1 samples, the rest ⌊n/k⌋. Without
/// shuffling the folds are consecutive blocks (identical to scikit-learn); with shuffling the rows are
/// first permuted by a seeded generator, which matters whenever the data are sorted (by label, by date).
/// </summary>
public sealed class KFold(int k = 5, bool shuffle = false, int seed = Seeded.DefaultSeed) : KFoldSettings(k, shuffle, seed)
{
    protected override IReadOnlyList<Fold> Deal(Vector<double> y)
    {
        int n = y.Count;
        Guard.HasAtLeast(n, K, nameof(y), "samples", $"k = {K} folds");
        int[] order = Shuffle ? Seeded.Random(Seed).Permutation(n) : Enumerable.Range(0, n).ToArray();
        var folds = new List<Fold>(K);
        int start = 0;
        for (int f = 0; f < K; f++)
        {
            int size = n / K + (f < n % K ? 1 : 0);
            var test = order[start..(start + size)];
            var train = order[..start].Concat(order[(start + size)..]).ToArray();
            Array.Sort(test);                           // indices ascending, as scikit-learn returns them
            Array.Sort(train);
            folds.Add(new Fold(train, test));
            start += size;
        }
        return folds;
    }
}
