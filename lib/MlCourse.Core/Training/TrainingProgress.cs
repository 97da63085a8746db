namespace MlCourse.Core.Training;

/// <summary>
/// What a training loop reports after each optimiser step, for a progress bar and a loss chart
/// (the deep-learning trainer sends it; <c>MlCourse.Notebook.TrainingMonitor</c> shows it). Plain
/// numbers, so the display side needs no TorchSharp and a classical loop can report the same way.
/// </summary>
/// <param name="Step">Optimiser steps done so far (1 after the first update).</param>
/// <param name="TotalSteps">Steps the run will take if it is not stopped early.</param>
/// <param name="Epoch">The epoch this step belongs to (0-based).</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Loss">Mean training loss of this step's samples.</param>
/// <param name="LearningRate">The rate this step used.</param>
/// <param name="Metrics">Validation metrics of the latest evaluation (empty before the first one).</param>
/// <param name="Evaluated">True for the report that follows an evaluation (the end of an epoch).</param>
public sealed record TrainingProgress(
    int Step,
    int TotalSteps,
    int Epoch,
    int Epochs,
    double Loss,
    double LearningRate,
    IReadOnlyDictionary<string, double> Metrics,
    bool Evaluated);
