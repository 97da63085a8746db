using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// Training and validation score as a function of training-set size (Week 4, "Learning curves"):
/// a large, persistent gap between the two curves signals variance (overfitting; more data or more
/// regularisation helps), two low curves that meet signal bias (a richer model helps, more data does
/// not). Computed as scikit-learn's learning_curve: for each fold of <c>cv</c> and each size m, fit on
/// the first m of that fold's training rows, score on those m rows and on the fold's test rows.
/// Sizes are ⌊fraction · (training rows of the first fold)⌋, duplicates removed.
/// </summary>
public sealed record LearningCurve(IReadOnlyList<int> TrainSizes, Matrix<double> TrainScores, Matrix<double> TestScores)
    : FoldScores(TrainScores, TestScores)
{
    public static LearningCurve Compute(Func<IRegressor> factory, Matrix<double> x, Vector<double> y, ICrossValidator cv,
        Func<Vector<double>, Vector<double>, double> scoring, IReadOnlyList<double> trainFractions)
    {
        Guard.NotNull(factory, nameof(factory));
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NotNull(cv, nameof(cv));
        Guard.NotNull(scoring, nameof(scoring));
        Guard.NotNull(trainFractions, nameof(trainFractions));
        Guard.NotEmpty(trainFractions, nameof(trainFractions), "fraction");
        foreach (var f in trainFractions)
            Guard.InLeftOpenRange(f, 0, 1, nameof(trainFractions), "each is a fraction of the training folds");

        var folds = cv.Split(y);
        int maxTrain = folds[0].TrainIndices.Count;
        var sizes = trainFractions.Select(f => (int)(f * maxTrain)).Distinct().Order().ToArray();
        if (sizes[0] < 1)
            throw new ArgumentOutOfRangeException(nameof(trainFractions), sizes[0],
                $"the smallest fraction gives {sizes[0]} training rows of {maxTrain}; use a larger fraction.");

        var train = Matrix<double>.Build.Dense(sizes.Length, folds.Count);
        var test = Matrix<double>.Build.Dense(sizes.Length, folds.Count);
        for (int f = 0; f < folds.Count; f++)
        {
            var xTest = CrossValidation.Rows(x, folds[f].TestIndices);
            var yTest = CrossValidation.Entries(y, folds[f].TestIndices);
            for (int s = 0; s < sizes.Length; s++)
            {
                var rows = folds[f].TrainIndices.Take(sizes[s]).ToArray();
                var xTrain = CrossValidation.Rows(x, rows);
                var yTrain = CrossValidation.Entries(y, rows);
                var model = factory().Fit(xTrain, yTrain);
                train[s, f] = scoring(yTrain, model.Predict(xTrain));
                test[s, f] = scoring(yTest, model.Predict(xTest));
            }
        }
        return new LearningCurve(sizes, train, test);
    }
}
