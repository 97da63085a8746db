using MlCourse.Core.Schedules;
using MlCourse.Core.Training;
using MlCourse.DeepLearning.Data.Augmentation;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static MlCourse.DeepLearning.Tests.Training.TrainingProblem;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void It_learns_the_blobs_and_reports_accuracy_as_torch_computes_it()
    {
        var (x, y) = Blobs(300, 1);
        var (xv, yv) = Blobs(200, 2);
        var model = Mlp(0);
        var trainer = new Trainer(model, optim.Adam(model.parameters(), 0.01), CrossEntropy,
            new TrainerOptions(Epochs: 8, BatchSize: 32) { Metrics = [Metric.Accuracy] });
        var history = trainer.Fit(x, y, (xv, yv));

        // Centres 2 apart with unit noise in 16 dimensions: the Bayes accuracy is above 0.99.
        double accuracy = history.Epochs[^1].Validation["accuracy"];
        Assert.True(accuracy >= 0.95, $"validation accuracy {accuracy}");
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss / 2);
        using var noGrad = no_grad();
        model.eval();
        double byTorch = (model.forward(xv).argmax(1) == yv).to(ScalarType.Float64).mean().item<double>();
        Assert.Equal(byTorch, accuracy, 12);
        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.Equal(8 * 10, history.Steps); // ⌈300 / 32⌉ = 10 steps an epoch
    }

    [Fact]
    public void Two_runs_with_the_same_seed_agree_exactly_and_another_seed_differs()
    {
        var (first, firstLosses) = Run(seed: 3);
        var (second, secondLosses) = Run(seed: 3);
        var (other, otherLosses) = Run(seed: 4);
        Assert.Equal(first, second);
        Assert.Equal(firstLosses, secondLosses);
        Assert.NotEqual(first, other);
        Assert.NotEqual(firstLosses, otherLosses);

        static (double[], IReadOnlyList<double>) Run(int seed)
        {
            var (x, y) = Blobs(100, 1);
            var model = Mlp(seed, dropout: 0.3);   // dropout draws from the global generator that TorchSeed seeded
            var options = new TrainerOptions(Epochs: 2, BatchSize: 16) { Seed = seed, Augmentation = new GaussianNoise(0.1) };
            var history = new Trainer(model, optim.SGD(model.parameters(), 0.1), CrossEntropy, options).Fit(x, y);
            return (Weights(model), history.StepLosses);
        }
    }

    [Fact]
    public void The_live_tensor_count_stays_flat_over_many_steps()
    {
        var (x, y) = Blobs(200, 1);
        var (xv, yv) = Blobs(50, 2);
        var model = Mlp(0, dropout: 0.2);
        var options = new TrainerOptions(Epochs: 12, BatchSize: 10)
        {
            Metrics = [Metric.Accuracy],
            Augmentation = new Compose(new HorizontalFlip(), new RandomCrop(1), new GaussianNoise(0.05)),
            ClipGradientNorm = 1.0,
            AccumulationSteps = 2,
            Schedule = new CosineAnnealing(0.01, 120),
            EarlyStopping = new EarlyStopping("accuracy", Patience: 100),
        };
        var counts = new List<(int Step, long Live)>();
        new Trainer(model, optim.Adam(model.parameters(), 0.01), CrossEntropy, options)
            .Fit(x, y, (xv, yv), p => counts.Add((p.Step, DisposeScopeManager.Statistics.ThreadTotalLiveCount)));

        // After the first step (Adam's moment buffers and the gradients appear then), nothing may accumulate:
        // 120 steps and 12 evaluations later the count is what it was.
        Assert.Equal(120 + 12, counts.Count);
        var settled = counts.Where(c => c.Step >= 2).Select(c => c.Live).Distinct().ToArray();
        Assert.True(settled.Length == 1, $"live tensors over the run: {string.Join(", ", settled)}");
    }

    [Fact]
    public void Accumulating_four_micro_batches_is_one_update_on_their_union()
    {
        // 100 samples: batches of 32 are 32, 32, 32, 4; micro-batches of 8 grouped by 4 are the same samples
        // (the order depends on seed and N only), the last group a single micro-batch of 4.
        var large = Train(batchSize: 32, accumulation: 1);
        var accumulated = Train(batchSize: 8, accumulation: 4);
        var small = Train(batchSize: 8, accumulation: 1);
        Assert.True(MaxDifference(large, accumulated) < 1e-6, $"max difference {MaxDifference(large, accumulated)}");
        Assert.True(MaxDifference(large, small) > 1e-3, "the control: four times as many small steps must end elsewhere");

        static double[] Train(int batchSize, int accumulation)
        {
            var (x, y) = Blobs(100, 1);
            var model = Mlp(0);
            var options = new TrainerOptions(Epochs: 3, BatchSize: batchSize) { AccumulationSteps = accumulation };
            new Trainer(model, optim.SGD(model.parameters(), 0.5), CrossEntropy, options).Fit(x, y);
            return Weights(model);
        }
    }

    [Fact]
    public void Clipping_limits_the_update_to_lr_times_the_maximum_norm()
    {
        // Plain SGD moves by lr · g; clipping rescales g to norm c, so one step moves the parameters by exactly lr · c.
        Assert.Equal(0.5 * 1e-3, StepLength(1e-3), 8);
        Assert.True(StepLength(null) > 0.5 * 1e-3 * 10, "without clipping the same step is much longer");

        static double StepLength(double? clip)
        {
            var (x, y) = Blobs(64, 1);
            var model = Mlp(0);
            var before = Weights(model);
            var options = new TrainerOptions(Epochs: 1, BatchSize: 64) { ClipGradientNorm = clip };
            new Trainer(model, optim.SGD(model.parameters(), 0.5), CrossEntropy, options).Fit(x, y);
            return Math.Sqrt(before.Zip(Weights(model), (a, b) => (a - b) * (a - b)).Sum());
        }
    }

    [Fact]
    public void The_schedule_sets_the_rate_of_every_step()
    {
        var (x, y) = Blobs(64, 1);
        var model = Mlp(0);
        var schedule = new LinearWarmup(5, new CosineAnnealing(0.1, 15));
        var optimizer = optim.SGD(model.parameters(), 123.0);   // overridden by the schedule from the first step
        var reports = new List<TrainingProgress>();
        new Trainer(model, optimizer, CrossEntropy, new TrainerOptions(Epochs: 5, BatchSize: 16) { Schedule = schedule })
            .Fit(x, y, progress: reports.Add);
        var steps = reports.Where(r => !r.Evaluated).ToArray();
        Assert.Equal(20, steps.Length);
        for (int t = 0; t < steps.Length; t++)
        {
            Assert.Equal(t + 1, steps[t].Step);
            Assert.Equal(schedule.Rate(t), steps[t].LearningRate, 15);
        }
        Assert.Equal(schedule.Rate(19), optimizer.ParamGroups.First().LearningRate, 15);
    }

    [Fact]
    public void Early_stopping_stops_after_the_patience_and_puts_back_the_best_weights()
    {
        // Training fits y = 2x while the validation set is y = −2x: every epoch moves the weight away from
        // the validation optimum, so epoch 0 is best and patience 2 stops the run after epoch 2.
        var history = Run(epochs: 10, new EarlyStopping(Patience: 2), out var restored);
        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(0, history.BestEpoch);
        Run(epochs: 1, null, out var afterFirstEpoch);
        Run(epochs: 3, null, out var afterThirdEpoch);
        Assert.Equal(afterFirstEpoch, restored);
        Assert.NotEqual(afterThirdEpoch, restored);

        static TrainingHistory Run(int epochs, EarlyStopping? stop, out double[] weights)
        {
            var x = linspace(-1, 1, 40).unsqueeze(1);   // (40, 1)
            var model = new Func<nn.Module<Tensor, Tensor>>(() => { TorchSeed.Seed(5); return nn.Linear(1, 1); })();
            var options = new TrainerOptions(epochs, BatchSize: 8) { EarlyStopping = stop };
            var history = new Trainer(model, optim.SGD(model.parameters(), 0.05), (p, t) => nn.functional.mse_loss(p, t), options)
                .Fit(x, 2 * x, (x, -2 * x));
            weights = Weights(model);
            return history;
        }
    }

    [Fact]
    public void Evaluation_runs_in_eval_mode_without_gradients_and_restores_training_mode()
    {
        var (x, y) = Blobs(50, 1);
        var model = Mlp(0, dropout: 0.9);
        var trainer = new Trainer(model, optim.SGD(model.parameters(), 0.1), CrossEntropy, new TrainerOptions(1, 16));
        var first = trainer.Evaluate(x, y)["loss"];
        Assert.Equal(first, trainer.Evaluate(x, y)["loss"]);    // dropout off: deterministic
        Assert.True(model.training);
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
        using var noGrad = no_grad();
        model.eval();
        Assert.Equal(CrossEntropy(model.forward(x), y).item<float>(), first, 5);
    }

    [Fact]
    public void Inconsistent_options_are_refused_before_training()
    {
        var (x, y) = Blobs(20, 1);
        var model = Mlp(0);
        var sgd = optim.SGD(model.parameters(), 0.1);
        Assert.Contains("validation", Assert.Throws<ArgumentException>(() =>
            new Trainer(model, sgd, CrossEntropy, new TrainerOptions(1, 4) { EarlyStopping = new EarlyStopping() }).Fit(x, y)).Message);
        Assert.Contains("\"accuracy\"", Assert.Throws<ArgumentException>(() =>
            new Trainer(model, sgd, CrossEntropy, new TrainerOptions(1, 4) { EarlyStopping = new EarlyStopping("accuracy") })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, sgd, CrossEntropy, new TrainerOptions(1, 4) { AccumulationSteps = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, sgd, CrossEntropy, new TrainerOptions(1, 4) { ClipGradientNorm = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, sgd, CrossEntropy, new TrainerOptions(1, 4) { CheckpointPath = "x.ckpt" }));
    }
}
