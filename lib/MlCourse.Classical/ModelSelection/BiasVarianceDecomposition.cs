using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// A Monte Carlo bias-variance decomposition at fixed test points (see <see cref="BiasVarianceDecomposition"/>).
/// All terms are averages over the test points.
/// </summary>
/// <param name="Bias2">Mean over test points of (E[ŷ(x)] − f(x))²: error of the average model.</param>
/// <param name="Variance">Mean over test points of E[(ŷ(x) − E[ŷ(x)])²]: how much the fit moves with the training set.</param>
/// <param name="Noise">σ², the irreducible error: no model can predict ε.</param>
/// <param name="ExpectedTestError">Measured directly: mean of (y − ŷ(x))² with a fresh noisy y for every repeat and test point.</param>
/// <param name="TrueValues">f at each test point (m).</param>
/// <param name="MeanPrediction">The average prediction over repeats at each test point (m).</param>
/// <param name="Predictions">(repeats, m): every repeat's predictions, e.g. to draw the spread of fits.</param>
public sealed record BiasVarianceResult(
    double Bias2,
    double Variance,
    double Noise,
    double ExpectedTestError,
    Vector<double> TrueValues,
    Vector<double> MeanPrediction,
    Matrix<double> Predictions)
{
    /// <summary>Bias² + Variance + Noise, the decomposition's prediction of the test error.</summary>
    public double Sum => Bias2 + Variance + Noise;

    /// <summary>ExpectedTestError − Sum: Monte Carlo error only, shrinking like 1/√(repeats · test points).</summary>
    public double Gap => ExpectedTestError - Sum;

    /// <summary>R, the number of simulated training sets.</summary>
    public int Repeats => Predictions.RowCount;

    /// <summary>
    /// Bias² with the Monte Carlo error of the mean prediction removed: the mean of R independent
    /// predictions misses E_D ŷ by an error of variance Var/R, so E[(ȳ̂ − f)²] = bias² + Var/R.
    /// Subtracting s²/R, with s² = <see cref="VarianceUnbiased"/>, gives an unbiased estimate
    /// (which can dip slightly below 0 when the true bias² is near 0).
    /// </summary>
    public double Bias2Corrected => Bias2 - VarianceUnbiased / Repeats;

    /// <summary>The variance with the 1/(R − 1) sample-variance divisor: R/(R − 1) times <see cref="Variance"/>.</summary>
    public double VarianceUnbiased => Variance * Repeats / (Repeats - 1.0);
}

/// <summary>
/// Estimates bias², variance and noise of a model family by refitting it on many training sets drawn
/// from a known generating process y = f(x) + ε, ε ~ N(0, σ²) (Week 1, "The bias-variance trade-off").
/// </summary>
/// <remarks>
/// For a test point x with fresh noise ε' and a model ŷ fitted on a random training set D (independent
/// of ε'), E_{D,ε'}[(f(x) + ε' − ŷ(x))²] = (f(x) − E_D ŷ(x))² + E_D[(ŷ(x) − E_D ŷ(x))²] + σ²:
/// expand the square around E_D ŷ(x); the cross terms vanish because E[ε'] = 0 and ε' is independent
/// of D, and because E_D[ŷ(x) − E_D ŷ(x)] = 0. Bias² and variance here use the same predictions, with
/// 1/repeats (the expectation over the simulated training sets), so they add up exactly to the mean
/// squared distance of the fits from f; the direct test error uses independent noise draws, so its
/// agreement with the sum is a real check.
/// With R repeats, the plug-in bias² is itself noisy: the mean prediction is off by about
/// √(Variance/R), which on average adds Variance/R to bias² (and the 1/R variance is low by the same
/// amount, so the sum is unaffected). <see cref="BiasVarianceResult.Bias2Corrected"/> and
/// <see cref="BiasVarianceResult.VarianceUnbiased"/> remove that error; their sum equals Bias2 + Variance.
/// </remarks>
public static class BiasVarianceDecomposition
{
    /// <param name="modelFactory">Makes the model to fit on each training set (a new one each call is simplest).</param>
    /// <param name="trueFunction">f, evaluated on one raw input row.</param>
    /// <param name="sampleInputs">Draws n raw input rows (n x d) from the input distribution, e.g. <see cref="UniformInputs"/>.</param>
    /// <param name="testInputs">Raw test points (m x d), fixed across repeats.</param>
    /// <param name="noiseStd">σ, the standard deviation of the Gaussian noise (>= 0).</param>
    /// <param name="nTrain">Training-set size (>= 1).</param>
    /// <param name="nRepeats">Training sets to draw (>= 2).</param>
    /// <param name="featureMap">Raw inputs to model features (e.g. polynomial expansion), applied to train and test; null for none.</param>
    /// <param name="seed">Seeds every draw (inputs, training noise, test noise).</param>
    public static BiasVarianceResult Estimate(
        Func<IRegressor> modelFactory,
        Func<Vector<double>, double> trueFunction,
        Func<Random, int, Matrix<double>> sampleInputs,
        Matrix<double> testInputs,
        double noiseStd,
        int nTrain,
        int nRepeats,
        Func<Matrix<double>, Matrix<double>>? featureMap = null,
        int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(modelFactory, nameof(modelFactory));
        Guard.NotNull(trueFunction, nameof(trueFunction));
        Guard.NotNull(sampleInputs, nameof(sampleInputs));
        Guard.Matrix(testInputs, nameof(testInputs));
        Guard.NonNegative(noiseStd, nameof(noiseStd));
        Guard.Positive(nTrain, nameof(nTrain));
        Guard.InRange(nRepeats, 2, int.MaxValue, nameof(nRepeats));

        var map = featureMap ?? (m => m);
        var rng = Seeded.Random(seed);
        int m = testInputs.RowCount;
        var f = Vector<double>.Build.Dense(m, j => trueFunction(testInputs.Row(j)));   // f(x_j): (m)
        Guard.Finite(f, "trueFunction(testInputs)");
        var testFeatures = map(testInputs);
        var predictions = Matrix<double>.Build.Dense(nRepeats, m);                        // (R, m)
        double squaredErrorSum = 0.0;

        for (int r = 0; r < nRepeats; r++)
        {
            var xTrain = sampleInputs(rng, nTrain);
            if (xTrain is null || xTrain.RowCount != nTrain || xTrain.ColumnCount != testInputs.ColumnCount)
                throw new ArgumentException(
                    $"{nameof(sampleInputs)} must return {nTrain} rows with {testInputs.ColumnCount} columns (like {nameof(testInputs)}), " +
                    $"but returned {(xTrain is null ? "null" : Guard.Shape(xTrain))}.", nameof(sampleInputs));
            // In index order (SeededVector), not Vector.Build.Dense(n, init): MathNet calls a vector's init in
            // parallel for large n, and a shared Random drawn from several threads is neither repeatable nor safe.
            var yTrain = SeededVector.Draw(nTrain, i => trueFunction(xTrain.Row(i)) + noiseStd * rng.NextGaussian());
            var model = modelFactory() ?? throw new ArgumentException($"{nameof(modelFactory)} returned null.", nameof(modelFactory));
            var yHat = model.Fit(map(xTrain), yTrain).Predict(testFeatures);
            predictions.SetRow(r, yHat);
            for (int j = 0; j < m; j++)
            {
                double yTest = f[j] + noiseStd * rng.NextGaussian();                      // a fresh noisy target
                squaredErrorSum += (yTest - yHat[j]) * (yTest - yHat[j]);
            }
        }

        // <snippet name="bias-variance">
        var meanPrediction = predictions.ColumnSums() / nRepeats;              // E_D[ŷ(x_j)]: (m)
        double bias2 = 0.0, variance = 0.0;
        for (int j = 0; j < m; j++)
        {
            bias2 += (meanPrediction[j] - f[j]) * (meanPrediction[j] - f[j]);   // (E_D ŷ − f)²
            for (int r = 0; r < nRepeats; r++)
            {
                double d = predictions[r, j] - meanPrediction[j];
                variance += d * d / nRepeats;                                   // E_D[(ŷ − E_D ŷ)²]
            }
        }
        bias2 /= m;
        variance /= m;
        double noise = noiseStd * noiseStd;                                     // σ²: irreducible
        double measured = squaredErrorSum / (nRepeats * m);                     // E[(y − ŷ)²] directly
        // </snippet>
        return new BiasVarianceResult(bias2, variance, noise, measured, f, meanPrediction, predictions);
    }

    /// <summary>
    /// The one-dimensional case of the notebook: x uniform on [low, high], f a function of a number,
    /// test points given as numbers.
    /// </summary>
    public static BiasVarianceResult Estimate1D(
        Func<IRegressor> modelFactory,
        Func<double, double> trueFunction,
        double low,
        double high,
        IReadOnlyList<double> testX,
        double noiseStd,
        int nTrain,
        int nRepeats,
        Func<Matrix<double>, Matrix<double>>? featureMap = null,
        int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(trueFunction, nameof(trueFunction));
        Guard.NotNull(testX, nameof(testX));
        Guard.NotEmpty(testX, nameof(testX), "test point");
        var test = Matrix<double>.Build.Dense(testX.Count, 1, (i, _) => testX[i]);
        return Estimate(modelFactory, row => trueFunction(row[0]), UniformInputs(low, high), test, noiseStd, nTrain, nRepeats, featureMap, seed);
    }

    /// <summary>Draws n rows of <paramref name="dimensions"/> inputs, each uniform on [low, high).</summary>
    public static Func<Random, int, Matrix<double>> UniformInputs(double low, double high, int dimensions = 1)
    {
        Guard.Finite(low, nameof(low));
        Guard.Finite(high, nameof(high));
        Guard.GreaterThan(high, low, nameof(high), nameof(low));
        Guard.Positive(dimensions, nameof(dimensions));
        return (rng, n) => Matrix<double>.Build.Dense(n, dimensions, (_, _) => low + (high - low) * rng.NextDouble());
    }
}
