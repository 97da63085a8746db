using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// Rows held out for testing and rows to train on (Week 1, "Train and test error"). The indices say
/// which rows of the original data went where, so other arrays (names, groups) can follow.
/// </summary>
public sealed record TrainTestSplit(
    Matrix<double> XTrain,
    Matrix<double> XTest,
    Vector<double> yTrain,
    Vector<double> yTest,
    IReadOnlyList<int> TrainIndices,
    IReadOnlyList<int> TestIndices)
{
    /// <summary>
    /// Splits rows into a training and a test set, as scikit-learn's train_test_split: the test set has
    /// ⌈testFraction·n⌉ rows and the training set the rest. With <paramref name="shuffle"/> the rows are
    /// assigned by a seeded random permutation (the first test-size entries go to the test set);
    /// without, the last rows are the test set (for data in time order, where shuffling would let the
    /// model see the future). x and y are not modified; the parts are copies.
    /// </summary>
    public static TrainTestSplit Split(Matrix<double> x, Vector<double> y, double testFraction = 0.25, bool shuffle = true, int seed = Seeded.DefaultSeed)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.InOpenRange(testFraction, 0.0, 1.0, nameof(testFraction));
        int n = x.RowCount;
        int testCount = (int)Math.Ceiling(testFraction * n);
        int trainCount = n - testCount;
        if (trainCount < 1)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"{nameof(testFraction)} = {testFraction} of {n} rows puts {testCount} rows in the test set and none in the training set; use a smaller fraction or more data.");

        int[] order = shuffle ? Seeded.Random(seed).Permutation(n) : Enumerable.Range(0, n).ToArray();
        int[] test = shuffle ? order[..testCount] : order[trainCount..];
        int[] train = shuffle ? order[testCount..] : order[..trainCount];
        return new TrainTestSplit(Rows(x, train), Rows(x, test), Entries(y, train), Entries(y, test), train, test);
    }

    private static Matrix<double> Rows(Matrix<double> x, int[] rows) => Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));
    private static Vector<double> Entries(Vector<double> y, int[] rows) => Vector<double>.Build.DenseOfEnumerable(rows.Select(i => y[i]));
}
