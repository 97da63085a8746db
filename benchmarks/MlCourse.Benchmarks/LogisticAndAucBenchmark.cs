using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Core.Metrics;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Data;
using MlCourse.Core.Randomness;

namespace MlCourse.Benchmarks;

/// <summary>
/// Issue 3's figures: logistic regression fit on standardised breast cancer (L2, C = 1, i.e. alpha = 1/n),
/// and ROC AUC on 1,000,000 scores with ties. Counterpart: benchmarks/python/logistic_and_auc.py.
/// </summary>
public sealed class LogisticAndAucBenchmark : IBenchmark
{
    public string Name => "logistic-and-auc";
    public string Description => "logistic regression fit, breast cancer 569x30 standardised, L2 C=1; ROC AUC on 1e6 scores";

    public IEnumerable<BenchmarkRow> Run(BenchmarkOptions options)
    {
        var data = Datasets.BreastCancer();
        var x = new StandardScaler().Fit(data.X).Transform(data.X);
        var y = data.Y;
        double alpha = 1.0 / x.RowCount;   // scikit-learn's C = 1 on the mean loss
        yield return Measure.Time("logistic fit (Newton)", options, () =>
        {
            var model = new LogisticRegression(alpha: alpha, tolerance: 1e-6).Fit(x, y);
            return $"train accuracy {ClassificationMetrics.Accuracy(y, model.Predict(x)):F4}, {model.Iterations} iterations";
        });

        // Scores rounded to 3 decimals so that about a thousand values repeat: ties are the hard case for AUC.
        var rng = Seeded.Random(7);
        int n = 1_000_000;
        var labels = new double[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.NextDouble() < 0.3 ? 1 : 0;
            scores[i] = Math.Round(0.5 * labels[i] + rng.NextDouble(), 3);
        }
        var yv = Vector<double>.Build.DenseOfArray(labels);
        var sv = Vector<double>.Build.DenseOfArray(scores);
        yield return Measure.Time("roc auc, 1e6 scores", options, () => $"AUC {RocCurve.Auc(yv, sv):F6}");
    }
}
