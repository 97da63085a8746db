using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>
/// RMSprop: AdaGrad with the sum of squared gradients replaced by an exponential moving average, so old
/// gradients are forgotten (Week 3, "RMSprop"). Same update as PyTorch's <c>torch.optim.RMSprop</c>,
/// including its momentum and centered variants.
/// </summary>
/// <remarks>
/// s ← α s + (1 − α) g², θ ← θ − η g / (√s + ε). s estimates E[g²] over roughly the last 1/(1 − α) steps
/// (100 for α = 0.99), so the effective rate η/√s settles instead of decaying to zero. Centered: also track
/// ḡ ← α ḡ + (1 − α) g and divide by √(s − ḡ²) + ε, an estimate of the gradient's standard deviation.
/// Momentum: b ← μ b + g/(√s + ε), θ ← θ − η b. No bias correction (unlike Adam): s starts at 0, so the first
/// steps are large (|Δθ| ≈ η/√(1 − α) = 10η for α = 0.99).
/// </remarks>
public sealed class RmsProp : OptimizerBase
{
    private double[] _square = [], _mean = [], _buffer = [];

    /// <param name="lr">η (> 0); PyTorch's default is 0.01.</param>
    /// <param name="alpha">Smoothing constant α in [0, 1).</param>
    /// <param name="eps">ε ≥ 0, added after the square root.</param>
    /// <param name="momentum">μ in [0, 1).</param>
    /// <param name="centered">Divide by the estimated standard deviation instead of the root mean square.</param>
    /// <param name="weightDecay">λ ≥ 0: adds λθ to the gradient.</param>
    /// <param name="schedule">Learning rate per step instead of a constant <paramref name="lr"/>.</param>
    public RmsProp(double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double momentum = 0.0, bool centered = false, double weightDecay = 0.0, ILearningRateSchedule? schedule = null)
        : base(lr, schedule)
    {
        Guard.InHalfOpenRange(alpha, 0.0, 1.0, nameof(alpha), "at 1 the average would never move");
        Guard.NonNegative(eps, nameof(eps));
        Guard.InHalfOpenRange(momentum, 0.0, 1.0, nameof(momentum));
        Guard.NonNegative(weightDecay, nameof(weightDecay));
        Alpha = alpha;
        Eps = eps;
        Momentum = momentum;
        Centered = centered;
        WeightDecay = weightDecay;
    }

    public double Alpha { get; }
    public double Eps { get; }
    public double Momentum { get; }
    public bool Centered { get; }
    public double WeightDecay { get; }

    public override string Name => $"RMSprop(lr={Lr}, α={Alpha}{(Momentum > 0 ? $", μ={Momentum}" : "")}{(Centered ? ", centered" : "")})";

    protected override void Allocate(int dimension)
    {
        _square = new double[dimension];
        _mean = new double[dimension];
        _buffer = new double[dimension];
    }

    protected override void Update(Vector<double> theta, Vector<double> g, double lr, int t)
    {
        // <snippet name="rmsprop">
        for (int i = 0; i < theta.Count; i++)
        {
            double gi = g[i] + WeightDecay * theta[i];
            _square[i] = Alpha * _square[i] + (1 - Alpha) * gi * gi;   // s ≈ E[g²] over the last ~1/(1−α) steps
            double variance = _square[i];
            if (Centered)
            {
                _mean[i] = Alpha * _mean[i] + (1 - Alpha) * gi;          // ḡ ≈ E[g]
                variance -= _mean[i] * _mean[i];                         // E[g²] − E[g]² = Var[g]
            }
            double denominator = Math.Sqrt(variance) + Eps;
            if (Momentum > 0)
            {
                _buffer[i] = Momentum * _buffer[i] + gi / denominator;
                theta[i] -= lr * _buffer[i];
            }
            else
                theta[i] -= lr * gi / denominator;
        }
        // </snippet>
    }
}
