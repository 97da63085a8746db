using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// Cross-validated training and test scores, one row per setting (a training-set size, a hyper-parameter value) and
/// one column per fold: what learning and validation curves share, with their means over folds.
/// </summary>
public abstract record FoldScores(Matrix<double> TrainScores, Matrix<double> TestScores)
{
    /// <summary>Mean over folds of the training score of each setting (entry i is row i).</summary>
    public Vector<double> MeanTrainScores => MeanOverFolds(TrainScores);

    /// <summary>Mean over folds of the test (validation) score of each setting.</summary>
    public Vector<double> MeanTestScores => MeanOverFolds(TestScores);

    private static Vector<double> MeanOverFolds(Matrix<double> scores) => scores.RowSums() / scores.ColumnCount;
}
