using MlCourse.Core.Schedules;
using MlCourse.DeepLearning.Data.Augmentation;
using MlCourse.DeepLearning.Training;
using static MlCourse.DeepLearning.Tests.Training.TrainingProblem;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Training;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mlcourse-trainer-{Guid.NewGuid():N}.ckpt");

    public void Dispose()
    {
        if (File.Exists(_path)) File.Delete(_path);
    }

    // Everything that carries state across steps: dropout (global RNG), Adam (moments), a schedule,
    // augmentation, accumulation and early stopping (its best-so-far and best weights).
    private TrainerOptions Options(string? path) => new(Epochs: 4, BatchSize: 10)
    {
        AccumulationSteps = 2,
        Schedule = new LinearWarmup(4, new CosineAnnealing(0.02, 36)),
        Augmentation = new Compose(new RandomCrop(1), new GaussianNoise(0.1)),
        Metrics = [Metric.Accuracy],
        EarlyStopping = new EarlyStopping("loss", Patience: 10),
        CheckpointPath = path,
        CheckpointEvery = path is null ? 0 : 3,
    };

    private static Trainer Make(nn.Module<Tensor, Tensor> model, TrainerOptions options) =>
        new(model, optim.Adam(model.parameters(), 0.02), CrossEntropy, options);

    [Fact]
    public void A_run_resumed_from_a_checkpoint_ends_exactly_where_an_uninterrupted_one_does()
    {
        var (x, y) = Blobs(100, 1);
        var (xv, yv) = Blobs(40, 2);

        var whole = Mlp(0, dropout: 0.3);
        var uninterrupted = Make(whole, Options(null)).Fit(x, y, (xv, yv));

        // Interrupted: checkpoints after steps 3, 6, ...; cancelled after step 11 (of 20), so the last checkpoint is step 9.
        using var cancel = new CancellationTokenSource();
        var first = Mlp(0, dropout: 0.3);
        var stopped = Make(first, Options(_path)).Fit(x, y, (xv, yv), p => { if (p.Step == 11) cancel.Cancel(); }, cancellation: cancel.Token);
        Assert.Equal(StopReason.Cancelled, stopped.StopReason);
        Assert.Equal(11, stopped.Steps);

        // A new process would start from a fresh model with other weights and another global RNG state.
        var second = Mlp(99, dropout: 0.3);
        manual_seed(12345);
        var resumed = Make(second, Options(_path)).Fit(x, y, (xv, yv), resumeFrom: _path);

        Assert.Equal(uninterrupted.StepLosses, resumed.StepLosses);
        Assert.Equal(Weights(whole), Weights(second));
        Assert.Equal(uninterrupted.Epochs.Select(e => e.Validation["accuracy"]), resumed.Epochs.Select(e => e.Validation["accuracy"]));
        Assert.Equal(uninterrupted.BestEpoch, resumed.BestEpoch);
    }

    [Fact]
    public void Resuming_under_other_options_is_refused()
    {
        var (x, y) = Blobs(40, 1);
        var (xv, yv) = Blobs(20, 2);
        var model = Mlp(0);
        Make(model, Options(_path)).Fit(x, y, (xv, yv));
        var other = Options(null) with { BatchSize = 20 };
        var e = Assert.Throws<ArgumentException>(() => Make(Mlp(0), other).Fit(x, y, (xv, yv), resumeFrom: _path));
        Assert.Contains("BatchSize 10", e.Message);
        Assert.Contains("BatchSize 20", e.Message);
        Assert.Throws<FileNotFoundException>(() => Make(Mlp(0), Options(null)).Fit(x, y, (xv, yv), resumeFrom: _path + ".missing"));
    }
}
