using MlCourse.Core.Randomness;
using MlCourse.Core.Schedules;
using MlCourse.Core.Training;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Data;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>How <see cref="ScratchTraining.Fit"/> trains: mini-batch SGD with momentum, batches cut by <see cref="BatchOrder"/>.</summary>
/// <param name="Epochs">Passes over the training set (≥ 1).</param>
/// <param name="BatchSize">Samples per step (≥ 1).</param>
/// <param name="LearningRate">η of every step, unless <see cref="Schedule"/> is set.</param>
/// <param name="Momentum">μ in [0, 1).</param>
public sealed record ScratchTrainingOptions(int Epochs, int BatchSize, double LearningRate, double Momentum = 0.9)
{
    /// <summary>Decides the batch order (the weights come from the model's own seed).</summary>
    public int Seed { get; init; } = Seeded.DefaultSeed;

    /// <summary>The rate of step t = 0, 1, ...; null keeps <see cref="LearningRate"/>.</summary>
    public ILearningRateSchedule? Schedule { get; init; }
}

/// <summary>One optimiser step: its loss and the Frobenius norm of each layer's weight gradient (input layer first).</summary>
public sealed record ScratchStep(int Step, double Loss, double LearningRate, double[] GradientNorms);

/// <summary>One epoch: mean training loss over its steps, and validation loss and accuracy (NaN without validation data).</summary>
public sealed record ScratchEpoch(int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy);

/// <summary>What a scratch run recorded, step by step and epoch by epoch.</summary>
public sealed record ScratchHistory(IReadOnlyList<ScratchStep> Steps, IReadOnlyList<ScratchEpoch> Epochs);

/// <summary>
/// The from-scratch training loop (Week 9, "Training the scratch MLP"): shuffle, cut mini-batches,
/// forward, loss, backward, update; evaluate after each epoch. It reports each step as a Core
/// <see cref="TrainingProgress"/>, so the notebook's <c>TrainingMonitor</c> shows a scratch run exactly
/// as it shows a TorchSharp one.
/// </summary>
public static class ScratchTraining
{
    /// <summary>Trains a classifier on x (n, in) row-major with labels y (n) by softmax cross-entropy.</summary>
    public static ScratchHistory Fit(ScratchMlp model, double[] x, IReadOnlyList<int> y, ScratchTrainingOptions options,
        (double[] X, int[] Y)? validation = null, Action<TrainingProgress>? progress = null)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.NotNull(options, nameof(options));
        Guard.Positive(options.Epochs, nameof(options.Epochs));
        Guard.Positive(options.BatchSize, nameof(options.BatchSize));
        int n = y.Count, d = model.InputSize, classes = model.OutputSize;
        Guard.HasAtLeast(n, 1, nameof(y), "labels");
        Guard.Length(x.Length, n * d, nameof(x), $"shape (n, {d}) for the {n} labels");
        var optimizer = new SgdMomentum(options.LearningRate, options.Momentum);
        var batcher = new BatcherOptions(options.BatchSize, Shuffle: true, Seed: options.Seed);
        int stepsPerEpoch = BatchOrder.BatchesPerEpoch(n, batcher);
        var steps = new List<ScratchStep>();
        var epochs = new List<ScratchEpoch>();
        IReadOnlyDictionary<string, double> lastMetrics = new Dictionary<string, double>();
        // <snippet name="scratch-training-loop">
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double lossSum = 0;
            foreach (var rows in BatchOrder.EpochBatches(n, batcher, epoch))
            {
                var (xb, yb) = Gather(x, y, d, rows);                                         // (b, d), (b)
                optimizer.LearningRate = options.Schedule?.Rate(steps.Count) ?? options.LearningRate;
                var pass = model.Forward(xb, rows.Length);
                var (loss, dLogits) = ScratchLosses.SoftmaxCrossEntropy(pass.Output, rows.Length, classes, yb);
                var gradients = model.Backward(pass, dLogits);
                optimizer.Step(model, gradients);
                steps.Add(new ScratchStep(steps.Count + 1, loss, optimizer.LearningRate, gradients.WeightNorms()));
                lossSum += loss * rows.Length;
                progress?.Invoke(new TrainingProgress(steps.Count, stepsPerEpoch * options.Epochs, epoch, options.Epochs, loss, optimizer.LearningRate, lastMetrics, Evaluated: false));
            }
            var (validationLoss, validationAccuracy) = validation is { } v ? Evaluate(model, v.X, v.Y) : (double.NaN, double.NaN);
            epochs.Add(new ScratchEpoch(epoch, lossSum / n, validationLoss, validationAccuracy));
            if (validation is not null) lastMetrics = new Dictionary<string, double> { ["loss"] = validationLoss, ["accuracy"] = validationAccuracy };
            progress?.Invoke(new TrainingProgress(steps.Count, stepsPerEpoch * options.Epochs, epoch, options.Epochs, steps[^1].Loss, optimizer.LearningRate, lastMetrics, Evaluated: true));
        }
        // </snippet>
        return new ScratchHistory(steps, epochs);
    }

    /// <summary>Mean cross-entropy and accuracy of the classifier on (x, y), in chunks of 500 samples.</summary>
    public static (double Loss, double Accuracy) Evaluate(ScratchMlp model, double[] x, IReadOnlyList<int> y)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        int n = y.Count, d = model.InputSize;
        Guard.HasAtLeast(n, 1, nameof(y), "labels");
        Guard.Length(x.Length, n * d, nameof(x), $"shape (n, {d}) for the {n} labels");
        double lossSum = 0;
        int correct = 0;
        const int chunk = 500;
        for (int start = 0; start < n; start += chunk)
        {
            var rows = Enumerable.Range(start, Math.Min(chunk, n - start)).ToArray();
            var (xb, yb) = Gather(x, y, d, rows);
            var logits = model.Predict(xb, rows.Length);
            lossSum += ScratchLosses.SoftmaxCrossEntropy(logits, rows.Length, model.OutputSize, yb).Loss * rows.Length;
            for (int i = 0; i < rows.Length; i++)
            {
                int best = 0;
                for (int k = 1; k < model.OutputSize; k++)
                    if (logits[i * model.OutputSize + k] > logits[i * model.OutputSize + best]) best = k;
                if (best == yb[i]) correct++;
            }
        }
        return (lossSum / n, (double)correct / n);
    }

    /// <summary>
    /// Full-batch regression by mean squared error (the universal-approximation demonstration):
    /// <paramref name="steps"/> updates of <paramref name="optimizer"/>; returns the loss before each step.
    /// </summary>
    public static double[] FitRegression(ScratchMlp model, double[] x, IReadOnlyList<double> y, int steps, SgdMomentum optimizer)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.NotNull(optimizer, nameof(optimizer));
        Guard.Positive(steps, nameof(steps));
        if (model.OutputSize != 1)
            throw new ArgumentException($"FitRegression needs a network with one output, but this one has {model.OutputSize}.", nameof(model));
        int n = y.Count;
        Guard.HasAtLeast(n, 1, nameof(y), "targets");
        Guard.Length(x.Length, n * model.InputSize, nameof(x), $"shape (n, {model.InputSize}) for the {n} targets");
        var losses = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            var pass = model.Forward(x, n);
            var (loss, gradient) = ScratchLosses.MeanSquaredError(pass.Output, y);
            losses[t] = loss;
            optimizer.Step(model, model.Backward(pass, gradient));
        }
        return losses;
    }

    private static (double[] X, int[] Y) Gather(double[] x, IReadOnlyList<int> y, int d, int[] rows)
    {
        var xb = new double[rows.Length * d];
        var yb = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Array.Copy(x, rows[i] * d, xb, i * d, d);
            yb[i] = y[rows[i]];
        }
        return (xb, yb);
    }
}
