using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// Training and validation scores of one model family across the values of one hyper-parameter, each value
/// cross-validated on the same folds (Week 4, "Validation curves"). Rows are values, columns folds.
/// Low scores on both sides: under-fitting; a high training score with a low validation score: over-fitting.
/// </summary>
public sealed record ValidationCurve(IReadOnlyList<double> Values, Matrix<double> TrainScores, Matrix<double> TestScores)
    : FoldScores(TrainScores, TestScores)
{
    /// <summary>The value with the best mean validation score (the first of equals, as scikit-learn).</summary>
    public double BestValue
    {
        get
        {
            var mean = MeanTestScores;
            int best = 0;
            for (int v = 1; v < mean.Count; v++) if (mean[v] > mean[best]) best = v;
            return Values[best];
        }
    }

    /// <param name="factory">Builds a fresh model for one hyper-parameter value.</param>
    /// <param name="values">The hyper-parameter values, in the order to report them (at least one).</param>
    /// <param name="scoring">(y, yHat) to a score where higher is better, e.g. <c>RegressionMetrics.R2</c>.</param>
    public static ValidationCurve Compute(Func<double, IRegressor> factory, IReadOnlyList<double> values, Matrix<double> x, Vector<double> y,
        ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return ComputeCore(v => { var m = factory(v); return (xt, yt) => { m.Fit(xt, yt); return m.Predict; }; }, values, x, y, cv, scoring);
    }

    /// <inheritdoc cref="Compute(Func{double, IRegressor}, IReadOnlyList{double}, Matrix{double}, Vector{double}, ICrossValidator, Func{Vector{double}, Vector{double}, double})"/>
    public static ValidationCurve Compute(Func<double, IClassifier> factory, IReadOnlyList<double> values, Matrix<double> x, Vector<double> y,
        ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(factory, nameof(factory));
        return ComputeCore(v => { var m = factory(v); return (xt, yt) => { m.Fit(xt, yt); return m.Predict; }; }, values, x, y, cv, scoring);
    }

    // fitFor(value) returns "fit on (X, y), then give the predictor": one fresh model per value and fold.
    private static ValidationCurve ComputeCore(
        Func<double, Func<Matrix<double>, Vector<double>, Func<Matrix<double>, Vector<double>>>> fitFor,
        IReadOnlyList<double> values, Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring)
    {
        Guard.NotNull(values, nameof(values));
        Guard.NotEmpty(values, nameof(values), "hyper-parameter value");
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NotNull(cv, nameof(cv));
        Guard.NotNull(scoring, nameof(scoring));

        var folds = cv.Split(y);
        var train = Matrix<double>.Build.Dense(values.Count, folds.Count);
        var test = Matrix<double>.Build.Dense(values.Count, folds.Count);
        for (int f = 0; f < folds.Count; f++)
        {
            var xTrain = CrossValidation.Rows(x, folds[f].TrainIndices);
            var yTrain = CrossValidation.Entries(y, folds[f].TrainIndices);
            var xTest = CrossValidation.Rows(x, folds[f].TestIndices);
            var yTest = CrossValidation.Entries(y, folds[f].TestIndices);
            for (int v = 0; v < values.Count; v++)
            {
                var predict = fitFor(values[v])(xTrain, yTrain);
                train[v, f] = scoring(yTrain, predict(xTrain));
                test[v, f] = scoring(yTest, predict(xTest));
            }
        }
        return new ValidationCurve(values.ToArray(), train, test);
    }
}
