using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Schedules;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Optimizers;

/// <summary>
/// The from-scratch optimisers of Week 3 against TorchSharp's torch.optim (libtorch 2.10 semantics, ported to C#
/// by TorchSharp 0.107.0): the same starting parameters and the same gradient at every step, in float64, and the
/// parameters must agree after every one of 300 steps. Every hyper-parameter is passed explicitly on both sides,
/// because some TorchSharp factory defaults differ from PyTorch's (its optim.Adam factory uses beta2 = 0.99).
/// </summary>
public sealed class TorchOptimizerAgreementTests
{
    private const int Dimension = 7;
    private const int Steps = 300;

    // Relative agreement per step. Both sides do the same float64 arithmetic in a slightly different order
    // (PyTorch divides √v by √(1 − β₂ᵗ) and folds 1/(1 − β₁ᵗ) into the step), so they differ by rounding only.
    private const double Tolerance = 1e-10;

    [Theory]
    [InlineData(0.0, false, 0.0)]
    [InlineData(0.9, false, 0.0)]
    [InlineData(0.9, true, 0.0)]
    [InlineData(0.5, false, 0.01)]
    [InlineData(0.8, true, 0.05)]
    public void Sgd_matches_torch_optim_SGD(double momentum, bool nesterov, double weightDecay) =>
        AssertSameSteps(new Sgd(lr: 0.02, momentum: momentum, nesterov: nesterov, weightDecay: weightDecay),
            p => optim.SGD(p, 0.02, momentum: momentum, dampening: 0, weight_decay: weightDecay, nesterov: nesterov));

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.1, 0.0)]
    [InlineData(0.0, 0.02)]
    public void AdaGrad_matches_torch_optim_Adagrad(double initialAccumulator, double weightDecay) =>
        AssertSameSteps(new AdaGrad(lr: 0.1, eps: 1e-10, initialAccumulator: initialAccumulator, weightDecay: weightDecay),
            p => optim.Adagrad(p, lr: 0.1, lr_decay: 0, weight_decay: weightDecay, initial_accumulator_value: initialAccumulator, eps: 1e-10));

    [Theory]
    [InlineData(0.0, false, 0.0)]
    [InlineData(0.9, false, 0.0)]
    [InlineData(0.0, true, 0.0)]
    [InlineData(0.9, true, 0.0)]
    [InlineData(0.0, false, 0.01)]
    public void RmsProp_matches_torch_optim_RMSprop(double momentum, bool centered, double weightDecay) =>
        AssertSameSteps(new RmsProp(lr: 0.005, alpha: 0.95, eps: 1e-8, momentum: momentum, centered: centered, weightDecay: weightDecay),
            p => optim.RMSProp(p, lr: 0.005, alpha: 0.95, eps: 1e-8, weight_decay: weightDecay, momentum: momentum, centered: centered));

    [Theory]
    [InlineData(0.9, 0.999, 0.0)]
    [InlineData(0.8, 0.99, 0.0)]
    [InlineData(0.9, 0.999, 0.05)]
    public void Adam_matches_torch_optim_Adam(double beta1, double beta2, double weightDecay) =>
        AssertSameSteps(new Adam(lr: 0.01, beta1: beta1, beta2: beta2, eps: 1e-8, weightDecay: weightDecay),
            p => optim.Adam(p, lr: 0.01, beta1: beta1, beta2: beta2, eps: 1e-8, weight_decay: weightDecay, amsgrad: false));

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    public void AdamW_matches_torch_optim_AdamW(double weightDecay) =>
        AssertSameSteps(new AdamW(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: weightDecay),
            p => optim.AdamW(p, lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: weightDecay, amsgrad: false));

    [Fact]
    public void Adam_and_AdamW_with_the_same_decay_really_differ()
    {
        // The control for the AdamW test: the decoupled decay is a different rule, not a renaming of Adam's L2.
        var (theta, gradients) = Problem();
        var adam = theta.Clone();
        var adamW = theta.Clone();
        var a = new Adam(lr: 0.01, weightDecay: 0.1);
        var w = new AdamW(lr: 0.01, weightDecay: 0.1);
        for (int t = 0; t < 50; t++)
        {
            a.Step(adam, gradients(adam, t));
            w.Step(adamW, gradients(adamW, t));
        }
        Assert.True((adam - adamW).InfinityNorm() > 1e-4, $"Adam and AdamW ended {(adam - adamW).InfinityNorm()} apart");
    }

    [Fact]
    public void Adam_with_a_cosine_schedule_matches_torch_Adam_with_CosineAnnealingLR()
    {
        // The schedule input of the optimiser: the rate of update t is Rate(t), as torch's scheduler.step() after every update gives.
        const int period = 120;
        var (theta, gradients) = Problem();
        var mine = new Adam(lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, schedule: new CosineAnnealing(0.05, period, 0.001));
        using var scope = NewDisposeScope();
        var p = new TorchSharp.Modules.Parameter(tensor(theta.ToArray(), float64), requires_grad: true);
        var torchAdam = optim.Adam([p], lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(torchAdam, period, 0.001);
        for (int t = 0; t < period; t++)
        {
            var g = gradients(theta, t);
            mine.Step(theta, g);
            TorchStep(torchAdam, p, g);
            scheduler.step();
            AssertClose(theta, p, t);
        }
    }

    private static void AssertSameSteps(IOptimizer mine, Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> makeTorch)
    {
        var (theta, gradients) = Problem();
        using var scope = NewDisposeScope();
        var p = new TorchSharp.Modules.Parameter(tensor(theta.ToArray(), float64), requires_grad: true);
        var theirs = makeTorch([p]);
        for (int t = 0; t < Steps; t++)
        {
            // One gradient, computed at our parameters, fed to both: any difference is in the update rule alone.
            var g = gradients(theta, t);
            mine.Step(theta, g);
            TorchStep(theirs, p, g);
            AssertClose(theta, p, t);
        }
        Assert.Equal(Steps, mine.StepCount);
    }

    private static void TorchStep(optim.Optimizer optimizer, TorchSharp.Modules.Parameter p, Vector<double> g)
    {
        using var step = NewDisposeScope();
        optimizer.zero_grad();
        // d/dp Σ p_i g_i = g: makes torch's gradient exactly our g.
        var loss = (p * tensor(g.ToArray(), float64)).sum();
        loss.backward();
        optimizer.step();
    }

    private static void AssertClose(Vector<double> theta, Tensor p, int t)
    {
        var theirs = p.detach().data<double>().ToArray();
        for (int i = 0; i < theta.Count; i++)
        {
            double scale = Math.Max(1.0, Math.Abs(theirs[i]));
            Assert.True(Math.Abs(theta[i] - theirs[i]) <= Tolerance * scale,
                $"step {t + 1}, parameter {i}: ours {theta[i]:R}, torch {theirs[i]:R}");
        }
    }

    /// <summary>
    /// A start and a gradient oracle with everything an optimiser's state reacts to: an ill-conditioned quadratic
    /// part (curvatures 0.1 to 10), a non-linear part, seeded noise (like mini-batches), and a coordinate whose
    /// gradient is zero on most steps (the sparse case AdaGrad is for).
    /// </summary>
    private static (Vector<double> Theta, Func<Vector<double>, int, Vector<double>> Gradient) Problem()
    {
        var rng = Seeded.Random(3);
        var theta = Vector<double>.Build.Dense(Dimension, i => 1.0 + 0.5 * i);
        double[] curvature = [0.1, 0.3, 1, 2, 4, 7, 10];
        var noise = new double[Steps * Dimension];
        for (int i = 0; i < noise.Length; i++) noise[i] = rng.NextGaussian();
        return (theta, (th, t) => Vector<double>.Build.Dense(Dimension, i =>
        {
            if (i == Dimension - 1 && t % 5 != 0) return 0.0;
            return curvature[i] * th[i] + 0.3 * Math.Sin(3 * th[i]) + 0.2 * noise[(t % Steps) * Dimension + i];
        }));
    }
}
