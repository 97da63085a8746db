namespace MlCourse.DeepLearning.Training;

/// <summary>Where a <see cref="Trainer.Fit"/> run is: the loop position and what it has recorded (all of it goes into a checkpoint).</summary>
internal sealed class TrainerState
{
    public int Step { get; set; }
    public int Epoch { get; set; }
    /// <summary>Index of the next accumulation group (optimiser step) within <see cref="Epoch"/>.</summary>
    public int NextGroup { get; set; }
    public double EpochLossSum { get; set; }
    public int EpochSamples { get; set; }
    public List<double> StepLosses { get; } = [];
    public List<EpochResult> Epochs { get; } = [];

    public TrainingHistory History(StopReason reason, EarlyStopper? stopper) =>
        new(StepLosses.ToArray(), Epochs.ToArray(), reason, stopper is { BestEpoch: >= 0 } ? stopper.BestEpoch : null);
}
