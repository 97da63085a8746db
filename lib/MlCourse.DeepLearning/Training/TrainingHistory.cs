namespace MlCourse.DeepLearning.Training;

/// <summary>Why <see cref="Trainer.Fit"/> returned.</summary>
public enum StopReason { Completed, EarlyStopped, Cancelled }

/// <summary>One finished epoch: mean training loss and the validation scores (empty without validation data).</summary>
public sealed record EpochResult(int Epoch, double TrainLoss, IReadOnlyDictionary<string, double> Validation);

/// <summary>What a run did: the loss of every optimiser step, every epoch's scores, why it stopped.</summary>
public sealed record TrainingHistory(
    IReadOnlyList<double> StepLosses,
    IReadOnlyList<EpochResult> Epochs,
    StopReason StopReason,
    int? BestEpoch)
{
    public int Steps => StepLosses.Count;
}
