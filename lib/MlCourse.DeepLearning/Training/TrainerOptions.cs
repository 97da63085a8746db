using MlCourse.Core.Randomness;
using MlCourse.Core.Schedules;
using MlCourse.DeepLearning.Data.Augmentation;

namespace MlCourse.DeepLearning.Training;

/// <summary>
/// Everything <see cref="Trainer"/> does besides forward and backward, as one plain record
/// (Week 9, "The training loop"; Week 11 adds clipping, accumulation, schedules, early stopping).
/// <code>new TrainerOptions(Epochs: 10, BatchSize: 64) { Schedule = new CosineAnnealing(1e-3, 10 * stepsPerEpoch), ClipGradientNorm = 1.0 }</code>
/// </summary>
/// <param name="Epochs">Passes over the training set (≥ 1).</param>
/// <param name="BatchSize">Samples per forward pass (≥ 1). With accumulation, one update sees <c>BatchSize · AccumulationSteps</c>.</param>
public sealed record TrainerOptions(int Epochs, int BatchSize)
{
    /// <summary>Decides the batch order and the augmentation draws (the model's initial weights come from <see cref="Runtime.TorchSeed"/>).</summary>
    public int Seed { get; init; } = Seeded.DefaultSeed;

    public bool Shuffle { get; init; } = true;

    public bool DropLast { get; init; }

    /// <summary>Forward/backward passes whose gradients are summed before one optimiser step (≥ 1).</summary>
    public int AccumulationSteps { get; init; } = 1;

    /// <summary>Rescale the gradient so its global L2 norm is at most this (<c>clip_grad_norm_</c>); null: no clipping.</summary>
    public double? ClipGradientNorm { get; init; }

    /// <summary>
    /// The learning rate of every optimiser step: <c>Rate(t)</c> for step t = 0, 1, 2, ... (so a
    /// schedule's period is counted in steps). Null keeps the optimiser's own rate.
    /// </summary>
    public ILearningRateSchedule? Schedule { get; init; }

    /// <summary>Applied to each training batch's inputs (never to validation data).</summary>
    public IBatchTransform? Augmentation { get; init; }

    /// <summary>Validation metrics computed after each epoch, besides the loss (always reported as "loss").</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    /// <summary>Stop when a validation metric stops improving; needs validation data.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>File the trainer writes a checkpoint to every <see cref="CheckpointEvery"/> optimiser steps.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Optimiser steps between checkpoints (≥ 1 when <see cref="CheckpointPath"/> is set).</summary>
    public int CheckpointEvery { get; init; }
}

/// <summary>
/// Stop when validation <paramref name="Metric"/> has not improved by more than
/// <paramref name="MinDelta"/> for <paramref name="Patience"/> epochs, and (by default) put back
/// the weights of the best epoch (Keras's EarlyStopping with restore_best_weights).
/// </summary>
/// <param name="Metric">"loss" or the name of one of <see cref="TrainerOptions.Metrics"/>.</param>
public sealed record EarlyStopping(string Metric = "loss", int Patience = 5, double MinDelta = 0.0, bool RestoreBestWeights = true);
