using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Classical.Ensembles;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Trees;
using MlCourse.Core.Metrics;

namespace MlCourse.Benchmarks;

/// <summary>
/// How fit time grows as the data grow (issue 12): logistic and softmax regression on n x 100, a tree and a 20-tree
/// forest on n x 50, k-means (k = 8, one Lloyd run from the first 8 rows) on n x 16, each at two n. The data come from
/// <see cref="SharedData"/>, a splitmix64 generator that benchmarks/python/scaling.py reproduces bit for bit, so both
/// sides fit the same numbers. Counterpart: benchmarks/python/scaling.py.
/// </summary>
public sealed class ScalingBenchmark : IBenchmark
{
    public string Name => "scaling";
    public string Description => "logistic / softmax (5 classes) on n x 100, tree and 20-tree forest on n x 50 (n = 10k, 20k), k-means k=8 on n x 16 (n = 50k, 100k)";

    public IEnumerable<BenchmarkRow> Run(BenchmarkOptions options)
    {
        foreach (int n in new[] { 10_000, 20_000 })
        {
            var (x, w) = (SharedData.Gaussian(n, 100, seed: 1), SharedData.Gaussian(5, 100, seed: 2));
            var binary = SharedData.LinearLabels(x, w, classes: 2);
            var five = SharedData.LinearLabels(x, w, classes: 5);
            // Both solvers, labelled: L-BFGS (gradients only, like scikit-learn's lbfgs) and the library's default Newton,
            // whose every step builds the full Hessian (101² or 505² entries from n-long dot products).
            foreach (var solver in new[] { LogisticSolver.Lbfgs, LogisticSolver.Newton })
            {
                yield return Measure.Time($"logistic fit {n}x100 ({solver})", options, () =>
                {
                    var m = new LogisticRegression(alpha: 1.0 / n, solver: solver, tolerance: 1e-6).Fit(x, binary);
                    return $"train accuracy {ClassificationMetrics.Accuracy(binary, m.Predict(x)):F4}, {m.Iterations} iterations";
                });
                yield return Measure.Time($"softmax fit {n}x100, 5 classes ({solver})", options, () =>
                {
                    var m = new SoftmaxRegression(alpha: 1.0 / n, solver, tolerance: 1e-6).Fit(x, five);
                    return $"train accuracy {ClassificationMetrics.Accuracy(five, m.Predict(x)):F4}, {m.Iterations} iterations";
                });
            }
        }
        foreach (int n in new[] { 10_000, 20_000 })
        {
            var x = SharedData.Gaussian(n, 50, seed: 3);
            var y = SharedData.LinearLabels(x, SharedData.Gaussian(2, 50, seed: 4), classes: 2);
            yield return Measure.Time($"decision tree fit {n}x50", options, () =>
            {
                var m = new DecisionTreeClassifier(seed: 0).Fit(x, y);
                return $"train accuracy {ClassificationMetrics.Accuracy(y, m.Predict(x)):F4}, {m.Tree.LeafCount} leaves";
            });
            yield return Measure.Time($"random forest fit {n}x50, 20 trees", options, () =>
            {
                var m = new RandomForestClassifier(nTrees: 20, seed: 0).Fit(x, y);
                return $"train accuracy {ClassificationMetrics.Accuracy(y, m.Predict(x)):F4}";
            });
        }
        foreach (int n in new[] { 50_000, 100_000 })
        {
            var x = SharedData.Clustered(n, 16, k: 8, seed: 5);
            var init = x.SubMatrix(0, 8, 0, 16);
            yield return Measure.Time($"k-means {n}x16, k=8, init = first 8 rows", options, () =>
            {
                var km = new KMeans(8, maxIter: 300, tol: 1e-4).Fit(x, init);
                return $"inertia {km.Inertia:E6}, {km.NIter} iterations";
            });
        }
    }
}
