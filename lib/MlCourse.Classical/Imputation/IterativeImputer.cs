using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Imputation;

/// <summary>
/// Multivariate imputation by chained equations (Week 8, "Iterative imputation", MICE): start from column means,
/// then repeatedly regress each incomplete column on all the others (ridge regression, on the rows where it is
/// observed) and replace its missing entries by the predictions, cycling over the columns for
/// <see cref="Iterations"/> rounds. Each column's model uses the latest imputations of the others.
/// </summary>
/// <remarks>
/// <para>With <see cref="SamplePosterior"/> = false it returns conditional means: good point predictions, but too
/// little spread, so any analysis of the completed data is over-confident. With true it draws imputations: the
/// regression is fitted on a bootstrap resample of the observed rows (uncertainty about the coefficients) and a
/// normal residual with the fit's residual standard deviation is added (uncertainty about the value). Running it
/// with m seeds gives m completed datasets for multiple imputation, pooled with <see cref="RubinsRules"/>.</para>
/// <para>Columns are visited in order of increasing missingness, as scikit-learn's IterativeImputer (whose
/// default regressor is BayesianRidge; this one uses the library's RidgeRegression).</para>
/// </remarks>
public sealed class IterativeImputer : ITransformer
{
    private Vector<double>? _initialMeans;
    private Matrix<double>? _train;

    public IterativeImputer(int iterations = 10, double alpha = 1.0, bool samplePosterior = false, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(iterations, nameof(iterations));
        Guard.NonNegative(alpha, nameof(alpha));
        Iterations = iterations;
        Alpha = alpha;
        SamplePosterior = samplePosterior;
        Seed = seed;
    }

    public int Iterations { get; }
    /// <summary>The ridge penalty of each column's regression.</summary>
    public double Alpha { get; }
    public bool SamplePosterior { get; }
    public int Seed { get; }

    public bool IsFitted => _train is not null;

    /// <summary>Stores the training rows; each Transform runs the chained equations on them together with the new rows.</summary>
    public IterativeImputer Fit(Matrix<double> x)
    {
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.HasAtLeast(x.ColumnCount, 2, nameof(x), "columns", "chained equations predict each from the others");
        var means = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var observed = ObservedValues.Of(x, j, "there is nothing to learn its regression from");
            means[j] = observed.Average();
        }
        _initialMeans = means;
        _train = x.Clone();
        return this;
    }

    /// <summary>
    /// Imputes the rows of x. The regressions are learned on the training rows and the rows of x together (as the
    /// observed part of x carries information about its own missing part) but never use values of x that are missing.
    /// </summary>
    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(IterativeImputer), nameof(Transform));
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.FeatureCount(x, _train!.ColumnCount, nameof(x));
        var all = _train.Stack(x);
        var completed = Impute(all);
        return completed.SubMatrix(_train.RowCount, x.RowCount, 0, x.ColumnCount);
    }

    public Matrix<double> FitTransform(Matrix<double> x)
    {
        Fit(x);
        return Impute(x.Clone());
    }

    private Matrix<double> Impute(Matrix<double> x)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var missing = new bool[n, p];
        var current = x.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                if (double.IsNaN(x[i, j])) { missing[i, j] = true; current[i, j] = _initialMeans![j]; }
        var order = Enumerable.Range(0, p).Select(j => (j, count: Enumerable.Range(0, n).Count(i => missing[i, j])))
            .Where(t => t.count > 0).OrderBy(t => t.count).ThenBy(t => t.j).Select(t => t.j).ToArray();
        var rng = Seeded.Random(Seed);
        for (int round = 0; round < Iterations; round++)
            foreach (int j in order)
            {
                // <snippet name="chained-equations">
                var others = Enumerable.Range(0, p).Where(k => k != j).ToArray();
                var observedRows = Enumerable.Range(0, n).Where(i => !missing[i, j]).ToArray();
                var missingRows = Enumerable.Range(0, n).Where(i => missing[i, j]).ToArray();
                // A bootstrap resample of the observed rows draws the coefficients (posterior mode only).
                var fitRows = SamplePosterior ? observedRows.Select(_ => observedRows[rng.Next(observedRows.Length)]).ToArray() : observedRows;
                var xFit = Matrix<double>.Build.Dense(fitRows.Length, others.Length, (r, c) => current[fitRows[r], others[c]]);
                var yFit = Vector<double>.Build.Dense(fitRows.Length, r => current[fitRows[r], j]);
                var model = new RidgeRegression(Alpha).Fit(xFit, yFit);
                double residualSd = Math.Sqrt((yFit - model.Predict(xFit)).PointwisePower(2).Sum() / Math.Max(1, fitRows.Length - others.Length - 1));
                var xMissing = Matrix<double>.Build.Dense(missingRows.Length, others.Length, (r, c) => current[missingRows[r], others[c]]);
                var prediction = model.Predict(xMissing);
                for (int r = 0; r < missingRows.Length; r++)
                    current[missingRows[r], j] = prediction[r] + (SamplePosterior ? residualSd * rng.NextGaussian() : 0.0);
                // </snippet>
            }
        return current;
    }

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
