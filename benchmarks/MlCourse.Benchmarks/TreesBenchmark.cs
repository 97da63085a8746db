using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Ensembles;
using MlCourse.Core.Metrics;
using MlCourse.Classical.Trees;
using MlCourse.Core.Data;

namespace MlCourse.Benchmarks;

/// <summary>
/// Week 5's figures: a decision tree fit and a 100-tree random forest fit on breast cancer (569x30) and digits
/// (1797x64), split by the rule of tests/reference/week05_trees.py (row i is a test row when i % 4 == 0), with the
/// held-out accuracy; and gradient boosting (100 rounds, depth 3) on breast cancer. Counterpart: benchmarks/python/trees.py.
/// </summary>
public sealed class TreesBenchmark : IBenchmark
{
    public string Name => "trees";
    public string Description => "decision tree and random forest (100 trees) fit, breast cancer 569x30 and digits 1797x64, test rows i % 4 == 0; boosting 100x depth 3";

    public IEnumerable<BenchmarkRow> Run(BenchmarkOptions options)
    {
        foreach (var data in new[] { Datasets.BreastCancer(), Datasets.Digits() })
        {
            var (xtr, ytr, xte, yte) = Split(data);
            yield return Measure.Time($"{data.Name}: decision tree fit", options, () =>
            {
                var tree = new DecisionTreeClassifier(seed: 0).Fit(xtr, ytr);
                return $"test accuracy {ClassificationMetrics.Accuracy(yte, tree.Predict(xte)):F4}, {tree.Tree.LeafCount} leaves";
            });
            yield return Measure.Time($"{data.Name}: random forest fit, 100 trees", options, () =>
            {
                var forest = new RandomForestClassifier(nTrees: 100, seed: 0).Fit(xtr, ytr);
                return $"test accuracy {ClassificationMetrics.Accuracy(yte, forest.Predict(xte)):F4}";
            });
        }
        var (bx, by, bxt, byt) = Split(Datasets.BreastCancer());
        // scikit-learn grows each tree on the gradient but sets every leaf by one Newton step (Σ residual / Σ p(1 − p)),
        // so both of our step rules are timed: neither is exactly its algorithm.
        foreach (var step in new[] { BoostingStep.Gradient, BoostingStep.Newton, BoostingStep.GradientTreeNewtonLeaves })
            yield return Measure.Time($"breast_cancer: gradient boosting, 100 x depth 3, {step} leaves", options, () =>
            {
                var model = new GradientBoostingClassifier(new BoostingSettings(NEstimators: 100, LearningRate: 0.1, MaxDepth: 3), step).Fit(bx, by);
                return $"test accuracy {ClassificationMetrics.Accuracy(byt, model.Predict(bxt)):F4}";
            });
    }

    private static (Matrix<double>, Vector<double>, Matrix<double>, Vector<double>) Split(Dataset d)
    {
        var train = Enumerable.Range(0, d.SampleCount).Where(i => i % 4 != 0).ToArray();
        var test = Enumerable.Range(0, d.SampleCount).Where(i => i % 4 == 0).ToArray();
        return (Matrix<double>.Build.DenseOfRowVectors(train.Select(d.X.Row)), Vector<double>.Build.DenseOfEnumerable(train.Select(i => d.Y[i])),
                Matrix<double>.Build.DenseOfRowVectors(test.Select(d.X.Row)), Vector<double>.Build.DenseOfEnumerable(test.Select(i => d.Y[i])));
    }
}
