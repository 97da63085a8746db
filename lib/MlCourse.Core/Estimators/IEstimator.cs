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

/// <summary>Learns a transformation of the features (scaling, polynomial expansion, ...).</summary>
public interface ITransformer : IEstimator
{
    ITransformer Fit(Matrix<double> x);
    Matrix<double> Transform(Matrix<double> x);
}
