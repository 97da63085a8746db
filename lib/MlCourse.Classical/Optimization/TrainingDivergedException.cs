namespace MlCourse.Classical.Optimization;

/// <summary>
/// Thrown when gradient-based training produces a non-finite loss or weights (Week 1, "Gradient
/// descent: choosing the learning rate"). Returning such a model would only hide the problem.
/// </summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    public TrainingDivergedException(string estimatorName, int epoch, double learningRate, double loss)
        : base($"{estimatorName} diverged in epoch {epoch} with learning rate {learningRate}: the training loss became {loss}. " +
               $"Gradient descent overshoots when the step is too large for the curvature of the loss: use a smaller learning rate " +
               $"(try {learningRate / 10}) or standardise the features (StandardScaler) so that one step size suits every direction.")
    {
        EstimatorName = estimatorName;
        Epoch = epoch;
        LearningRate = learningRate;
        Loss = loss;
    }

    public string EstimatorName { get; }
    /// <summary>The 0-based epoch in which the loss stopped being finite.</summary>
    public int Epoch { get; }
    public double LearningRate { get; }
    public double Loss { get; }
}
