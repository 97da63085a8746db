using MlCourse.Core.Metrics;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>
/// A validation score the trainer computes from the model's outputs over the whole validation
/// set and the targets. Scores are computed by the course's one implementation in
/// <c>MlCourse.Core.Metrics</c> where one exists, so a deep-learning notebook's accuracy is the
/// same function as a classical one's.
/// </summary>
/// <param name="Name">Key in the reported metrics (not "loss", which is always the validation loss).</param>
/// <param name="Compute">(outputs (N, ...), targets (N, ...)) → score.</param>
/// <param name="HigherIsBetter">Direction for early stopping.</param>
public sealed record Metric(string Name, Func<Tensor, Tensor, double> Compute, bool HigherIsBetter)
{
    /// <summary>Fraction of samples whose arg-max logit (N, K) equals the label (N,).</summary>
    public static Metric Accuracy { get; } = new("accuracy", ArgmaxAccuracy, HigherIsBetter: true);

    private static double ArgmaxAccuracy(Tensor logits, Tensor labels)
    {
        Guard.NotNull(logits, nameof(logits));
        TensorGuard.Rank(logits, 2, nameof(logits), "(N, K): accuracy compares the argmax over K classes");
        using var scope = NewDisposeScope();
        var predicted = TensorConversion.ToVector(logits.argmax(1)); // (N,)
        var truth = TensorConversion.ToVector(labels.flatten());      // (N,)
        return ClassificationMetrics.Accuracy(truth, predicted);
    }
}
