using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Estimators;

// The course's one estimator shape, in the spirit of scikit-learn:
//  - hyper-parameters are constructor arguments, exposed as get-only properties, never changed by Fit;
//  - Fit(X, y) validates, learns, stores the learned state, and returns the same instance (typed);
//  - learned state lives in properties that throw NotFittedException before Fit;
//  - Fit never mutates X or y; refitting replaces all learned state;
//  - every random choice comes from a `seed` constructor argument (see Randomness/Seeded.cs).
// Implementations return their own type from Fit (RidgeRegression Fit(...)) and implement the
// interface explicitly, so fluent code keeps the concrete type.

/// <summary>Something that learns from data and knows whether it has.</summary>
public interface IEstimator
{
    bool IsFitted { get; }
}

/// <summary>A supervised model with a continuous target.</summary>
public interface IRegressor : IEstimator
{
    IRegressor Fit(Matrix<double> x, Vector<double> y);
    Vector<double> Predict(Matrix<double> x);
}

/// <summary>A supervised model with class labels 0..K-1 stored as doubles (MathNet vectors).</summary>
public interface IClassifier : IEstimator
{
    IClassifier Fit(Matrix<double> x, Vector<double> y);
    Vector<double> Predict(Matrix<double> x);
}

/// <summary>
/// A classifier that also estimates class probabilities. One shape everywhere, scikit-learn's predict_proba:
/// an (n, K) matrix whose column k is P(y = k | x) for the labels 0..K−1 seen in Fit, each row summing to 1.
/// Binary models return (n, 2) too; P(y = 1) is <c>PredictProbability(x).Column(1)</c>.
/// </summary>
public interface IProbabilisticClassifier : IClassifier
{
    Matrix<double> PredictProbability(Matrix<double> x);
}

/// <summary>
/// Groups the rows of x without targets (k-means, DBSCAN, agglomerative clustering). Labels are the cluster of each
/// training row (0..K−1; a clusterer with a noise notion may use −1). Clusterers that can place new rows
/// (k-means) also have Predict(x); those that cannot (DBSCAN, agglomerative) do not pretend to.
/// </summary>
public interface IClusterer : IEstimator
{
    IClusterer Fit(Matrix<double> x);
    int[] Labels { get; }
}

/// <summary>
/// Anything that, once fitted, maps feature rows to new feature rows: the common part of an unsupervised
/// <see cref="ITransformer"/> and a supervised transformer (one that needs y to fit, e.g. a target encoder).
/// Pipelines hold their steps as this type and fit each step the way its own interface says.
/// </summary>
public interface IFeatureTransformer : IEstimator
{
    Matrix<double> Transform(Matrix<double> x);
}

/// <summary>Learns a transformation of the features from x alone (scaling, polynomial expansion, imputation, ...).</summary>
public interface ITransformer : IFeatureTransformer
{
    ITransformer Fit(Matrix<double> x);
}
