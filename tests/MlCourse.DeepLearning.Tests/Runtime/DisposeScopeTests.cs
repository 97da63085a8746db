using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Runtime;

/// <summary>
/// The course's rule for every training loop: one dispose scope per step. These tests fit
/// y = 2x + 1 with full-batch gradient descent and watch TorchSharp's live-tensor count, which is
/// per thread (an xunit test runs on one thread).
/// </summary>
public sealed class DisposeScopeTests
{
    [Fact]
    public void Training_steps_inside_dispose_scopes_keep_the_live_tensor_count_flat()
    {
        using var problem = new LineFit();
        for (int step = 0; step < 5; step++) problem.ScopedStep(); // gradients and optimizer state appear on the first steps
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int step = 0; step < 300; step++) problem.ScopedStep();

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        // The loop really trained: the loss is a convex quadratic, and gradient descent with lr 0.1
        // contracts the error by at least (1 - 0.1 * 0.7) per step, so 305 steps reach (2, 1).
        Assert.Equal(2.0, problem.Weight, 3);
        Assert.Equal(1.0, problem.Bias, 3);
    }

    [Fact]
    public void Without_a_scope_keeping_each_loss_tensor_leaks_tensors_every_step()
    {
        // The control: shows the counter above can see a leak. Collecting loss tensors in a list
        // (instead of loss.item) is the classic way a learner's loop grows without bound.
        using var problem = new LineFit();
        var losses = new List<Tensor>();
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int step = 0; step < 50; step++) losses.Add(problem.UnscopedStep());

        Assert.True(DisposeScopeManager.Statistics.ThreadTotalLiveCount >= live + 50,
            $"live tensors went from {live} to {DisposeScopeManager.Statistics.ThreadTotalLiveCount} over 50 unscoped steps");
        foreach (var loss in losses) loss.Dispose();
    }

    private sealed class LineFit : IDisposable
    {
        private readonly nn.Module<Tensor, Tensor> _model;
        private readonly optim.Optimizer _optimizer;
        private readonly Tensor _x, _y;

        public LineFit()
        {
            manual_seed(42);
            _model = nn.Linear(1, 1);
            _optimizer = optim.SGD(_model.parameters(), learningRate: 0.1);
            _x = linspace(-1, 1, 32).unsqueeze(1); // (32, 1)
            _y = 2 * _x + 1;                       // (32, 1)
        }

        public double Weight => _model.parameters().First().item<float>();
        public double Bias => _model.parameters().Last().item<float>();

        public double ScopedStep()
        {
            using var scope = NewDisposeScope();
            return UnscopedStep().item<float>();
        }

        public Tensor UnscopedStep()
        {
            _optimizer.zero_grad();
            var loss = nn.functional.mse_loss(_model.forward(_x), _y);
            loss.backward();
            _optimizer.step();
            return loss;
        }

        public void Dispose()
        {
            _model.Dispose();
            _x.Dispose();
            _y.Dispose();
        }
    }
}
