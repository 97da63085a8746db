using MlCourse.Core.Training;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>
/// The course's one training loop, used by every deep-learning week (Week 9, "The training loop";
/// Week 11 for clipping, accumulation, schedules, early stopping and checkpoints).
/// <code>
/// TorchSeed.Seed(0);
/// var model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
/// var trainer = new Trainer(model, optim.Adam(model.parameters(), 1e-3),
///     (logits, y) => nn.functional.cross_entropy(logits, y),
///     new TrainerOptions(Epochs: 5, BatchSize: 64) { Metrics = [Metric.Accuracy] });
/// var history = trainer.Fit(xTrain, yTrain, (xVal, yVal), monitor.Report);
/// </code>
/// </summary>
/// <remarks>
/// <para>Each optimiser step runs in its own <c>torch.NewDisposeScope()</c>: every tensor made by
/// the batch, the forward pass, the loss and the backward pass is freed when the step ends, so
/// memory stays flat however long the run (a test counts live tensors). Evaluation runs under
/// <c>torch.no_grad()</c> in <c>eval()</c> mode (dropout off, batch norm on running statistics).</para>
/// <para>Randomness: batch order and augmentation are derived from (<see cref="TrainerOptions.Seed"/>,
/// epoch or step), and dropout draws from TorchSharp's global generator, whose state a checkpoint
/// saves; so a run resumed from a checkpoint gives the same weights as one that never stopped.</para>
/// <para>The loss function must return the mean over its batch (PyTorch's default reduction):
/// accumulation weighs each micro-batch by its share of the samples, which makes k accumulated
/// micro-batches exactly one update on their union.</para>
/// </remarks>
public sealed class Trainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Func<Tensor, Tensor, Tensor> _loss;

    public Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor> loss, TrainerOptions options)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(optimizer, nameof(optimizer));
        Guard.NotNull(loss, nameof(loss));
        Guard.NotNull(options, nameof(options));
        Guard.Positive(options.Epochs, nameof(options.Epochs));
        Guard.Positive(options.BatchSize, nameof(options.BatchSize));
        Guard.Positive(options.AccumulationSteps, nameof(options.AccumulationSteps));
        if (options.ClipGradientNorm is { } clip) Guard.Positive(clip, nameof(options.ClipGradientNorm));
        Guard.NotNull(options.Metrics, nameof(options.Metrics));
        var names = new HashSet<string> { "loss" };
        foreach (var metric in options.Metrics)
            if (metric is null || !names.Add(metric.Name))
                throw new ArgumentException($"options.Metrics must hold distinct metrics, none named \"loss\"; \"{metric?.Name}\" repeats or is missing.", nameof(options));
        if (options.EarlyStopping is { } stop)
        {
            Guard.Positive(stop.Patience, nameof(stop.Patience));
            Guard.NonNegative(stop.MinDelta, nameof(stop.MinDelta));
            if (!names.Contains(stop.Metric))
                throw new ArgumentException($"EarlyStopping.Metric is \"{stop.Metric}\", but the trainer reports only [{string.Join(", ", names)}].", nameof(options));
        }
        if (options.CheckpointPath is not null) Guard.Positive(options.CheckpointEvery, nameof(options.CheckpointEvery));
        _model = model;
        _optimizer = optimizer;
        _loss = loss;
        Options = options;
    }

    public TrainerOptions Options { get; }

    /// <summary>
    /// Trains on (<paramref name="x"/>, <paramref name="y"/>), evaluating on
    /// <paramref name="validation"/> after every epoch, reporting each step to
    /// <paramref name="progress"/>. With <paramref name="resumeFrom"/> the model, optimiser, RNG and
    /// loop position are read from a checkpoint this trainer's options wrote, and the run continues
    /// from there. Cancelling stops cleanly between steps.
    /// </summary>
    public TrainingHistory Fit(Tensor x, Tensor y, (Tensor X, Tensor Y)? validation = null,
        Action<TrainingProgress>? progress = null, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        var batcher = new TensorBatcher(x, y, new BatcherOptions(Options.BatchSize, Options.Shuffle, Options.DropLast, Options.Seed));
        if (Options.EarlyStopping is not null && validation is null)
            throw new ArgumentException("options.EarlyStopping needs validation data: pass validation: (xVal, yVal).", nameof(validation));
        var stopper = Options.EarlyStopping is { } rule ? new EarlyStopper(rule, HigherIsBetter(rule.Metric)) : null;
        int stepsPerEpoch = (batcher.BatchesPerEpoch + Options.AccumulationSteps - 1) / Options.AccumulationSteps;
        var state = resumeFrom is null ? new TrainerState() : TrainerCheckpoint.Read(resumeFrom, Options, _model, _optimizer, stopper);
        IReadOnlyDictionary<string, double> lastMetrics = state.Epochs.Count > 0 ? state.Epochs[^1].Validation : new Dictionary<string, double>();

        for (; state.Epoch < Options.Epochs; state.Epoch++, state.NextGroup = 0)
        {
            var groups = batcher.EpochBatches(state.Epoch).Chunk(Options.AccumulationSteps).ToArray();
            _model.train();
            for (; state.NextGroup < groups.Length; state.NextGroup++)
            {
                if (cancellation.IsCancellationRequested)
                    return state.History(StopReason.Cancelled, stopper);
                var (loss, samples, lr) = Step(batcher, groups[state.NextGroup], state.Step);
                state.Step++;
                state.StepLosses.Add(loss);
                state.EpochLossSum += loss * samples;
                state.EpochSamples += samples;
                progress?.Invoke(new TrainingProgress(state.Step, stepsPerEpoch * Options.Epochs, state.Epoch, Options.Epochs, loss, lr, lastMetrics, Evaluated: false));
                if (Options.CheckpointPath is { } path && state.Step % Options.CheckpointEvery == 0)
                {
                    state.NextGroup++;   // the checkpoint resumes after this step
                    TrainerCheckpoint.Write(path, Options, _model, _optimizer, state, stopper);
                    state.NextGroup--;
                }
            }

            lastMetrics = validation is { } v ? Evaluate(v.X, v.Y) : new Dictionary<string, double>();
            state.Epochs.Add(new EpochResult(state.Epoch, state.EpochLossSum / state.EpochSamples, lastMetrics));
            state.EpochLossSum = 0;
            state.EpochSamples = 0;
            progress?.Invoke(new TrainingProgress(state.Step, stepsPerEpoch * Options.Epochs, state.Epoch, Options.Epochs,
                state.StepLosses[^1], CurrentRate(), lastMetrics, Evaluated: true));
            if (stopper is not null && stopper.Update(state.Epoch, lastMetrics[stopper.Rule.Metric], _model))
            {
                stopper.RestoreBest(_model);
                return state.History(StopReason.EarlyStopped, stopper);
            }
        }
        stopper?.RestoreBest(_model);
        return state.History(StopReason.Completed, stopper);
    }

    /// <summary>Validation loss ("loss") and every metric of the options on (x, y), in eval mode without gradients.</summary>
    public Dictionary<string, double> Evaluate(Tensor x, Tensor y)
    {
        var batcher = new TensorBatcher(x, y, new BatcherOptions(Options.BatchSize, Shuffle: false));
        bool wasTraining = _model.training;
        _model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var outputs = new List<Tensor>();
            double lossSum = 0;
            foreach (var indices in batcher.EpochBatches(0))
            {
                var (xb, yb) = batcher.Take(indices);
                var output = _model.forward(xb);                         // (b, ...)
                lossSum += LossValue(_loss(output, yb)) * indices.Length;
                outputs.Add(output);
            }
            var metrics = new Dictionary<string, double> { ["loss"] = lossSum / batcher.Count };
            if (Options.Metrics.Count > 0)
            {
                var all = cat(outputs, 0);                                // (N, ...)
                foreach (var metric in Options.Metrics) metrics[metric.Name] = metric.Compute(all, y);
            }
            return metrics;
        }
        finally
        {
            _model.train(wasTraining);
        }
    }

    // One optimiser step over an accumulation group of micro-batches, in one dispose scope.
    // <snippet name="trainer-step">
    private (double Loss, int Samples, double Lr) Step(TensorBatcher batcher, int[][] group, int step)
    {
        using var scope = NewDisposeScope();
        double lr = Options.Schedule is { } schedule ? SetRate(schedule.Rate(step)) : CurrentRate();
        _optimizer.zero_grad();
        int samples = group.Sum(indices => indices.Length);
        double lossSum = 0;
        for (int k = 0; k < group.Length; k++)
        {
            var (xb, yb) = batcher.Take(group[k]);                                   // (b, ...), (b, ...)
            if (Options.Augmentation is { } augment)
                xb = augment.Apply(xb, TorchSeed.Derive(Options.Seed, (long)step * Options.AccumulationSteps + k));
            var loss = _loss(_model.forward(xb), yb);                                // () mean over the b samples
            // Weighting by b / samples turns the sum of micro-batch gradients into the gradient of the group's mean loss.
            (loss * ((double)group[k].Length / samples)).backward();
            lossSum += LossValue(loss) * group[k].Length;
        }
        if (Options.ClipGradientNorm is { } maxNorm)
            nn.utils.clip_grad_norm_(_model.parameters(), maxNorm);
        _optimizer.step();
        return (lossSum / samples, samples, lr);
    }
    // </snippet>

    // The loss as a double whatever the model's dtype (a float64 model's loss is a float64 tensor; item<float> would throw).
    private static double LossValue(Tensor loss) => loss.to_type(ScalarType.Float64).item<double>();

    private double SetRate(double lr)
    {
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
        return lr;
    }

    private double CurrentRate() => _optimizer.ParamGroups.First().LearningRate;

    private bool HigherIsBetter(string metric) =>
        metric != "loss" && Options.Metrics.First(m => m.Name == metric).HigherIsBetter;
}
