using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Ensembles;
using MlCourse.Core.Metrics;
using MlCourse.Classical.Trees;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Classical.Ensembles;

public class CategoricalAndImportanceTests
{
    [Fact]
    public void Ordered_target_statistics_use_only_earlier_rows_of_the_permutation()
    {
        // Hand check against the definition: recompute each row's encoding from the permutation the seed produces.
        int[] c = [0, 1, 0, 0, 1, 2];
        double[] y = [1, 0, 0, 1, 1, 0];
        double prior = 0.5, a = 1;
        var encoded = TargetStatistics.Ordered(c, y, prior, a, seed: 3);
        var order = Seeded.Random(3).Permutation(c.Length);
        for (int k = 0; k < order.Length; k++)
        {
            int i = order[k];
            var earlier = order.Take(k).Where(j => c[j] == c[i]).ToArray();
            Assert.Equal((earlier.Sum(j => y[j]) + a * prior) / (earlier.Length + a), encoded[i], 1e-15);
        }
        // Naive: category 0 has labels 1, 0, 1 → (2 + 0.5)/(3 + 1) = 0.625 for all three rows.
        var naive = TargetStatistics.Naive(c, y, prior, a);
        Assert.Equal(0.625, naive[0], 1e-15);
        Assert.Equal(0.625, naive[3], 1e-15);
    }

    [Fact]
    public void Naive_target_statistics_leak_the_label_and_ordered_ones_do_not()
    {
        // A categorical feature with many rare categories and a label that is pure noise: nothing can be learned.
        var rng = Seeded.Random(11);
        int n = 2000;
        var c = Enumerable.Range(0, n).Select(_ => rng.Next(400)).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray();
        var yv = Vector<double>.Build.DenseOfArray(y);
        double naiveAuc = RocCurve.Auc(yv, Vector<double>.Build.DenseOfArray(TargetStatistics.Naive(c, y, 0.5)));
        double orderedAuc = RocCurve.Auc(yv, Vector<double>.Build.DenseOfArray(TargetStatistics.Ordered(c, y, 0.5)));
        // With about 5 rows per category, a row's own label moves its category mean by about 1/6: a strong, fake signal.
        Assert.True(naiveAuc > 0.75, $"naive AUC {naiveAuc}");
        Assert.InRange(orderedAuc, 0.4, 0.6);
    }

    [Fact]
    public void Permutation_importance_finds_the_signal_and_leaves_the_data_untouched()
    {
        // y depends on feature 0 only; features 1 and 2 are noise. Shuffling feature 0 must hurt, the others hardly.
        var rng = Seeded.Random(2);
        int n = 400;
        var x = Matrix<double>.Build.Dense(n, 3, (_, _) => 0.0);
        for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) x[i, j] = rng.NextDouble();
        var y = Vector<double>.Build.Dense(n, i => x[i, 0] > 0.5 ? 1.0 : 0.0);
        var copy = x.Clone();
        var tree = new DecisionTreeClassifier(maxDepth: 3).Fit(x, y);
        var result = PermutationImportance.Compute(tree.Predict, x, y, ClassificationMetrics.Accuracy, repeats: 5, seed: 1);
        Assert.Equal(1.0, result.BaselineScore);
        Assert.True(result.Mean[0] > 0.3, $"importance of the signal {result.Mean[0]}");
        Assert.True(Math.Abs(result.Mean[1]) < 0.05 && Math.Abs(result.Mean[2]) < 0.05);
        Assert.Equal(copy, x);
        Assert.Equal("repeats", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationImportance.Compute(tree.Predict, x, y, ClassificationMetrics.Accuracy, repeats: 0)).ParamName);
    }
}
