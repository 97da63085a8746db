using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>
/// Stochastic gradient descent, optionally with (heavy-ball or Nesterov) momentum and L2 weight decay
/// (Week 3, "SGD with momentum"). Same update as PyTorch's <c>torch.optim.SGD</c> with dampening 0.
/// </summary>
/// <remarks>
/// <para>Plain: θ ← θ − η g. Momentum keeps a velocity v ← μ v + g (v₁ = g₁) and steps θ ← θ − η v.
/// Unrolled, v_t = Σ_k μ^k g_{t−k}: an exponentially weighted sum of past gradients. Along a direction where
/// the gradient keeps its sign the sum approaches g/(1 − μ) (ten times the step for μ = 0.9); along a direction
/// where it alternates (the walls of a narrow valley) the terms cancel. That is why momentum helps.</para>
/// <para>Nesterov evaluates the momentum step "ahead": θ ← θ − η (g + μ v), with v updated first. Written this
/// way (Sutskever et al. 2013, PyTorch's form) it needs only the gradient at the current parameters.</para>
/// </remarks>
public sealed class Sgd : OptimizerBase
{
    private double[] _velocity = [];
    private bool _hasVelocity;

    /// <param name="lr">Learning rate η (> 0).</param>
    /// <param name="momentum">μ in [0, 1); 0 is plain SGD.</param>
    /// <param name="nesterov">Use Nesterov's look-ahead form (needs momentum > 0).</param>
    /// <param name="weightDecay">λ ≥ 0: adds λθ to the gradient (the gradient of (λ/2)||θ||²).</param>
    /// <param name="schedule">Learning rate per step instead of a constant <paramref name="lr"/>.</param>
    public Sgd(double lr = 0.01, double momentum = 0.0, bool nesterov = false, double weightDecay = 0.0, ILearningRateSchedule? schedule = null)
        : base(lr, schedule)
    {
        Guard.InHalfOpenRange(momentum, 0.0, 1.0, nameof(momentum), "at 1 the velocity would never forget");
        if (nesterov && momentum == 0)
            throw new ArgumentException($"Nesterov momentum needs a {nameof(momentum)} above 0, but {nameof(momentum)} is 0.", nameof(nesterov));
        Guard.NonNegative(weightDecay, nameof(weightDecay));
        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    public double Momentum { get; }
    public bool Nesterov { get; }
    public double WeightDecay { get; }

    public override string Name => Momentum == 0 ? $"SGD(lr={Lr})" : $"{(Nesterov ? "Nesterov" : "Momentum")}(lr={Lr}, μ={Momentum})";

    protected override void Allocate(int dimension)
    {
        _velocity = new double[dimension];
        _hasVelocity = false;
    }

    protected override void Update(Vector<double> theta, Vector<double> g, double lr, int t)
    {
        // <snippet name="sgd-momentum">
        for (int i = 0; i < theta.Count; i++)
        {
            double gi = g[i] + WeightDecay * theta[i];               // L2 penalty folded into the gradient
            if (Momentum != 0)
            {
                // v₁ = g₁ (PyTorch starts the buffer at the first gradient, not at 0), then v ← μv + g.
                _velocity[i] = _hasVelocity ? Momentum * _velocity[i] + gi : gi;
                gi = Nesterov ? gi + Momentum * _velocity[i] : _velocity[i];
            }
            theta[i] -= lr * gi;
        }
        _hasVelocity = true;
        // </snippet>
    }
}
