using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Classical.Preprocessing;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Data;

namespace MlCourse.Benchmarks;

/// <summary>
/// Week 6's figures: SVC fit (SMO, libsvm's working-set selection, no shrinking) with the RBF and linear kernels on
/// standardised breast cancer (binary) and raw digits 1797x64 (one-vs-one, 45 machines), each with held-out
/// accuracy. The test rows are every fourth row (i mod 4 == 0), the same on both sides, so no RNG is shared.
/// Counterpart: benchmarks/python/svm.py (scikit-learn's SVC, with and without shrinking).
/// </summary>
public sealed class SvmBenchmark : IBenchmark
{
    public string Name => "svm";
    public string Description => "SVC fit + held-out accuracy: breast cancer 569x30 standardised (rbf gamma 1/30, linear; C=1), digits 1797x64 OvO (rbf gamma 0.001 C=10, linear C=1); test = rows i%4==0";

    public IEnumerable<BenchmarkRow> Run(BenchmarkOptions options)
    {
        var cancer = Datasets.BreastCancer();
        var cancerX = new StandardScaler().Fit(cancer.X).Transform(cancer.X);   // scaled on all rows, as the python side
        var (cTrainX, cTrainY, cTestX, cTestY) = Split(cancerX, cancer.Y);
        yield return Case("breast cancer, rbf gamma 1/30, C=1", options, () => new SupportVectorClassifier(Kernel.Rbf(1.0 / 30), 1.0).Fit(cTrainX, cTrainY), cTestX, cTestY);
        yield return Case("breast cancer, linear, C=1", options, () => new SupportVectorClassifier(Kernel.Linear(), 1.0).Fit(cTrainX, cTrainY), cTestX, cTestY);

        var digits = Datasets.Digits();
        var (dTrainX, dTrainY, dTestX, dTestY) = Split(digits.X, digits.Y);
        yield return Case("digits OvO, rbf gamma 0.001, C=10", options, () => new OneVsOneSvc(() => new SupportVectorClassifier(Kernel.Rbf(0.001), 10.0)).Fit(dTrainX, dTrainY), dTestX, dTestY);
        yield return Case("digits OvO, linear, C=1", options, () => new OneVsOneSvc(() => new SupportVectorClassifier(Kernel.Linear(), 1.0)).Fit(dTrainX, dTrainY), dTestX, dTestY);
    }

    // The held-out accuracy is computed inside the timed call, as the python side's m.score is.
    private static BenchmarkRow Case(string name, BenchmarkOptions options, Func<MlCourse.Core.Estimators.IClassifier> fit,
        Matrix<double> testX, Vector<double> testY) =>
        Measure.Time(name, options, () =>
        {
            var model = fit();
            int supportVectors = model switch
            {
                SupportVectorClassifier s => s.SupportIndices.Length,
                OneVsOneSvc o => o.SupportIndices.Length,
                _ => -1,
            };
            return $"test accuracy {ClassificationMetrics.Accuracy(testY, model.Predict(testX)):F4}, {supportVectors} support vectors";
        });

    private static (Matrix<double>, Vector<double>, Matrix<double>, Vector<double>) Split(Matrix<double> x, Vector<double> y)
    {
        var test = Enumerable.Range(0, y.Count).Where(i => i % 4 == 0).ToArray();
        var train = Enumerable.Range(0, y.Count).Where(i => i % 4 != 0).ToArray();
        Matrix<double> Rows(int[] idx) => Matrix<double>.Build.Dense(idx.Length, x.ColumnCount, (r, c) => x[idx[r], c]);
        Vector<double> Labels(int[] idx) => Vector<double>.Build.Dense(idx.Length, r => y[idx[r]]);
        return (Rows(train), Labels(train), Rows(test), Labels(test));
    }
}
