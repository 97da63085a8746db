using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>
/// AdaGrad: a learning rate per coordinate, divided by the root of the sum of all its past squared gradients
/// (Week 3, "AdaGrad"). Same update as PyTorch's <c>torch.optim.Adagrad</c> with lr_decay 0.
/// </summary>
/// <remarks>
/// G ← G + g², θ ← θ − η g / (√G + ε). A coordinate that rarely gets a gradient (a rare word's embedding, a
/// sparse feature) keeps a small G and so a large step when it finally does; a coordinate with large gradients
/// is slowed down. The cost: G only grows, so every effective rate η/√G shrinks like 1/√t and training can stall
/// long before the minimum, the problem RMSprop fixes. ε sits outside the root, as in PyTorch (default 1e-10).
/// </remarks>
public sealed class AdaGrad : OptimizerBase
{
    private double[] _sum = [];

    /// <param name="lr">η (> 0); PyTorch's default is 0.01.</param>
    /// <param name="eps">ε ≥ 0 added to √G.</param>
    /// <param name="initialAccumulator">Starting value of G (≥ 0); PyTorch's default 0.</param>
    /// <param name="weightDecay">λ ≥ 0: adds λθ to the gradient.</param>
    /// <param name="schedule">Learning rate per step instead of a constant <paramref name="lr"/>.</param>
    public AdaGrad(double lr = 0.01, double eps = 1e-10, double initialAccumulator = 0.0, double weightDecay = 0.0, ILearningRateSchedule? schedule = null)
        : base(lr, schedule)
    {
        Guard.NonNegative(eps, nameof(eps));
        Guard.NonNegative(initialAccumulator, nameof(initialAccumulator));
        Guard.NonNegative(weightDecay, nameof(weightDecay));
        Eps = eps;
        InitialAccumulator = initialAccumulator;
        WeightDecay = weightDecay;
    }

    public double Eps { get; }
    public double InitialAccumulator { get; }
    public double WeightDecay { get; }

    public override string Name => $"AdaGrad(lr={Lr})";

    protected override void Allocate(int dimension) => _sum = Enumerable.Repeat(InitialAccumulator, dimension).ToArray();

    protected override void Update(Vector<double> theta, Vector<double> g, double lr, int t)
    {
        // <snippet name="adagrad">
        for (int i = 0; i < theta.Count; i++)
        {
            double gi = g[i] + WeightDecay * theta[i];
            _sum[i] += gi * gi;                                      // G: every squared gradient so far
            theta[i] -= lr * gi / (Math.Sqrt(_sum[i]) + Eps);
        }
        // </snippet>
    }
}
