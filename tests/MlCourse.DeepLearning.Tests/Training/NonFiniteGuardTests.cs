using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static MlCourse.DeepLearning.Tests.Training.TrainingProblem;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Training;

public sealed class NonFiniteGuardTests
{
    [Fact]
    public void The_gradient_norm_is_the_total_norm_clip_grad_norm_reports()
    {
        var (x, y) = Blobs(32, 1);
        var model = Mlp(0);
        using var scope = NewDisposeScope();
        CrossEntropy(model.forward(x), y).backward();
        double ours = NonFiniteGuard.GradientNorm(model);
        double torchs = nn.utils.clip_grad_norm_(model.parameters(), 1e30);   // a bound that never clips
        Assert.Equal(torchs, ours, 1e-5);
    }

    [Fact]
    public void A_finite_run_passes_and_records_one_norm_per_step_with_a_flat_tensor_count()
    {
        var (x, y) = Blobs(64, 1);
        var model = Mlp(0);
        var guard = new NonFiniteGuard(model);
        var live = new List<long>();
        new Trainer(model, optim.Adam(model.parameters(), 0.01), CrossEntropy, new TrainerOptions(Epochs: 4, BatchSize: 8))
            .Fit(x, y, progress: p => { guard.Check(p); live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount); });
        Assert.Equal(4 * 8, guard.GradientNorms.Count);
        Assert.All(guard.GradientNorms, n => Assert.True(double.IsFinite(n) && n > 0));
        Assert.Single(live.Skip(2).Distinct());
    }

    [Fact]
    public void A_hand_written_loss_with_log_of_zero_stops_the_run_at_its_first_step()
    {
        var (x, y) = Blobs(64, 1);
        var model = Mlp(0);
        var guard = new NonFiniteGuard(model);
        // A hand-written loss with log(0): NaN from the step whose batch contains the poisoned sample on.
        Tensor LogOfZero(Tensor logits, Tensor labels) => -(nn.functional.softmax(logits, 1) * 0).gather(1, labels.unsqueeze(1)).log().mean();
        var error = Assert.Throws<NonFiniteTrainingException>(() =>
            new Trainer(model, optim.SGD(model.parameters(), 0.1), LogOfZero, new TrainerOptions(Epochs: 2, BatchSize: 8))
                .Fit(x, y, progress: guard.Check));
        Assert.Equal(1, error.Step);
        Assert.Contains("step 1", error.Message);
    }

    [Fact]
    public void A_learning_rate_far_too_high_is_caught_before_the_run_ends()
    {
        var (x, y) = Blobs(64, 1);
        var model = Mlp(0);
        var guard = new NonFiniteGuard(model);
        var error = Assert.Throws<NonFiniteTrainingException>(() =>
            new Trainer(model, optim.SGD(model.parameters(), 1e6), CrossEntropy, new TrainerOptions(Epochs: 20, BatchSize: 8))
                .Fit(x, y, progress: guard.Check));
        Assert.InRange(error.Step, 1, 20 * 8 - 1);
    }
    [Fact]
    public void Clipping_keeps_finite_the_linear_regression_that_diverges_without_it()
    {
        // The notebook's headline (section 3): SGD above 2/λ_max on a squared error grows the weights geometrically;
        // clipping the gradient norm bounds every update, so the same seeded run stays finite.
        var (x, labels) = Blobs(256, 1);
        var y = labels.to_type(ScalarType.Float32).unsqueeze(1);                                      // (N, 1)
        double? Final(double? clip)
        {
            TorchSeed.Seed(3);
            var model = nn.Sequential(nn.Flatten(), nn.Linear(16, 1));
            var guard = new NonFiniteGuard(model);
            var options = new TrainerOptions(Epochs: 20, BatchSize: 16) { ClipGradientNorm = clip };
            try { return new Trainer(model, optim.SGD(model.parameters(), 0.5), (yHat, target) => nn.functional.mse_loss(yHat, target), options).Fit(x, y, progress: guard.Check).Epochs[^1].TrainLoss; }
            catch (NonFiniteTrainingException) { return null; }
        }
        Assert.Null(Final(null));
        var clipped = Final(0.1);
        Assert.NotNull(clipped);
        Assert.True(double.IsFinite(clipped!.Value));
    }
}
