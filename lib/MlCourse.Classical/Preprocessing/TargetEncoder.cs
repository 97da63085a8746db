using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Pipelines;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Replaces each category by a smoothed mean of the target over the rows of that category (Week 8, "Target
/// encoding"): enc(c) = (Σ_{i∈c} yᵢ + m·ȳ) / (n_c + m). One column per categorical feature, whatever the
/// cardinality, which is why it is the standard answer for high-cardinality features (zip code, user id).
/// </summary>
/// <remarks>
/// <para><b>Smoothing.</b> m = <see cref="Smoothing"/> acts as m pseudo-rows at the global mean ȳ: a category
/// seen twice gets an encoding close to ȳ, one seen thousands of times gets its own mean. It is the posterior
/// mean of the category's target under a prior worth m observations.</para>
/// <para><b>Leakage.</b> Encoding a training row with a mean that includes its own target hands the model the
/// answer: a category seen once is encoded as (yᵢ + m·ȳ)/(1 + m), a monotone function of yᵢ. On a random,
/// high-cardinality column the model then finds a strong "signal" in training that is absent on new data.
/// <see cref="FitTransform"/> therefore encodes the training rows <i>out of fold</i>: split them into
/// <see cref="Folds"/> folds and encode each fold with statistics of the other folds only. New rows
/// (<see cref="Transform"/>) use the statistics of all training rows; unseen categories get ȳ.</para>
/// <para>Not in scikit-learn 1.2 (its TargetEncoder arrived in 1.3, with the same cross fitting); the tests
/// check it against hand computations.</para>
/// </remarks>
public sealed class TargetEncoder : ISupervisedTransformer
{
    private Dictionary<double, double>[]? _encodings;
    private double _globalMean;

    public TargetEncoder(double smoothing = 10.0, int folds = 5, bool shuffle = true, int seed = Seeded.DefaultSeed)
    {
        Guard.NonNegative(smoothing, nameof(smoothing));
        Guard.AtLeast(folds, 2, nameof(folds), "for out-of-fold encoding");
        Smoothing = smoothing;
        Folds = folds;
        Shuffle = shuffle;
        Seed = seed;
    }

    /// <summary>m: the weight of the global mean, in rows.</summary>
    public double Smoothing { get; }
    public int Folds { get; }
    public bool Shuffle { get; }
    public int Seed { get; }

    public bool IsFitted => _encodings is not null;

    /// <summary>ȳ of the training targets: the encoding of an unseen category.</summary>
    public double GlobalMean { get { Guard.Fitted(IsFitted, nameof(TargetEncoder), nameof(GlobalMean)); return _globalMean; } }

    /// <summary>The learned encoding of each category of feature <paramref name="feature"/>.</summary>
    public IReadOnlyDictionary<double, double> Encodings(int feature)
    {
        Guard.Fitted(IsFitted, nameof(TargetEncoder), nameof(Encodings));
        Guard.InRange(feature, 0, _encodings!.Length - 1, nameof(feature));
        return new Dictionary<double, double>(_encodings[feature]);
    }

    /// <summary>Learns the encodings from all rows (used by <see cref="Transform"/> on new rows).</summary>
    public TargetEncoder Fit(Matrix<double> x, Vector<double> y)
    {
        Validate(x, y);
        (_encodings, _globalMean) = Learn(x, y, Enumerable.Range(0, x.RowCount).ToArray(), Smoothing);
        return this;
    }

    /// <summary>Encodes new rows with the statistics of all training rows; unseen categories get the global mean.</summary>
    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(TargetEncoder), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _encodings!.Length, nameof(x));
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
            for (int j = 0; j < x.ColumnCount; j++)
                result[i, j] = _encodings[j].GetValueOrDefault(x[i, j], _globalMean);
        return result;
    }

    /// <summary>
    /// Fits on all rows (for later Transform calls) and returns the <i>out-of-fold</i> encoding of the training
    /// rows: row i is encoded with statistics of the folds that do not contain it.
    /// </summary>
    public Matrix<double> FitTransform(Matrix<double> x, Vector<double> y)
    {
        Fit(x, y);
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        // <snippet name="target-encoding-out-of-fold">
        foreach (var fold in new KFold(Folds, Shuffle, Seed).Split(y))
        {
            // Statistics from the other folds only: no row's encoding has seen its own target.
            var (encodings, globalMean) = Learn(x, y, fold.TrainIndices, Smoothing);
            foreach (int i in fold.TestIndices)
                for (int j = 0; j < x.ColumnCount; j++)
                    result[i, j] = encodings[j].GetValueOrDefault(x[i, j], globalMean);
        }
        // </snippet>
        return result;
    }

    private void Validate(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.HasAtLeast(x.RowCount, Folds, nameof(x), "rows", $"{Folds} folds");
    }

    private static (Dictionary<double, double>[] Encodings, double GlobalMean) Learn(Matrix<double> x, Vector<double> y, IReadOnlyList<int> rows, double m)
    {
        double globalMean = rows.Average(i => y[i]);
        var encodings = new Dictionary<double, double>[x.ColumnCount];
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var sums = new Dictionary<double, (double Sum, int Count)>();
            foreach (int i in rows)
            {
                var s = sums.GetValueOrDefault(x[i, j]);
                sums[x[i, j]] = (s.Sum + y[i], s.Count + 1);
            }
            // <snippet name="target-encoding-smoothing">
            // Posterior mean with m pseudo-rows at the global mean: shrinks rare categories towards ȳ.
            encodings[j] = sums.ToDictionary(kv => kv.Key, kv => (kv.Value.Sum + m * globalMean) / (kv.Value.Count + m));
            // </snippet>
        }
        return (encodings, globalMean);
    }

    ISupervisedTransformer ISupervisedTransformer.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);

}
