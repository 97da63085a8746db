using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;
using MlCourse.Core.Schedules;

namespace MlCourse.Classical.Optimization.Optimizers;

/// <summary>
/// Adam: momentum (a moving average of g) divided by RMSprop's root moving average of g², both corrected for
/// their zero start (Week 3, "Adam"). Same update as PyTorch's <c>torch.optim.Adam</c>; with
/// <c>decoupled: true</c> it is AdamW (see <see cref="AdamW"/>).
/// </summary>
/// <remarks>
/// <para>m ← β₁ m + (1 − β₁) g and v ← β₂ v + (1 − β₂) g². Started at 0, E[m_t] = (1 − β₁ᵗ) E[g] (sum the
/// geometric weights), so m_t/(1 − β₁ᵗ) is unbiased; likewise v_t/(1 − β₂ᵗ). Without the correction the first
/// step would be 0.1/√0.001 ≈ 3.2 times too large for the defaults, with it the first step is η·g/|g|: about η
/// per coordinate whatever the gradient's scale.</para>
/// <para>θ ← θ − η m̂ / (√v̂ + ε). PyTorch adds ε after dividing √v by √(1 − β₂ᵗ) and folds 1/(1 − β₁ᵗ) into
/// the step size; this is the same number written in the same order, so the two agree to rounding.</para>
/// <para>Weight decay: Adam adds λθ to g (an L2 penalty, which the 1/√v̂ scaling then weakens for coordinates
/// with large gradients); AdamW instead shrinks θ ← θ(1 − ηλ) before the Adam step (Loshchilov and Hutter 2019).</para>
/// </remarks>
public class Adam : OptimizerBase
{
    private double[] _m = [], _v = [];

    /// <param name="lr">η (> 0); default 0.001.</param>
    /// <param name="beta1">β₁ in [0, 1): decay of the gradient average (momentum).</param>
    /// <param name="beta2">β₂ in [0, 1): decay of the squared-gradient average.</param>
    /// <param name="eps">ε ≥ 0 added to √v̂.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    /// <param name="decoupled">false: L2 penalty in the gradient (Adam); true: decoupled decay (AdamW).</param>
    /// <param name="schedule">Learning rate per step instead of a constant <paramref name="lr"/>.</param>
    public Adam(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.0, bool decoupled = false, ILearningRateSchedule? schedule = null)
        : base(lr, schedule)
    {
        Guard.InHalfOpenRange(beta1, 0.0, 1.0, nameof(beta1));
        Guard.InHalfOpenRange(beta2, 0.0, 1.0, nameof(beta2));
        Guard.NonNegative(eps, nameof(eps));
        Guard.NonNegative(weightDecay, nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        Decoupled = decoupled;
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public bool Decoupled { get; }

    public override string Name => $"{(Decoupled ? "AdamW" : "Adam")}(lr={Lr}, β1={Beta1}, β2={Beta2}{(WeightDecay > 0 ? $", λ={WeightDecay}" : "")})";

    protected override void Allocate(int dimension)
    {
        _m = new double[dimension];
        _v = new double[dimension];
    }

    protected override void Update(Vector<double> theta, Vector<double> g, double lr, int t)
    {
        // <snippet name="adam-step">
        double correction1 = 1 - Math.Pow(Beta1, t);                 // E[m_t] = (1 − β₁ᵗ)·E[g]
        double correction2 = 1 - Math.Pow(Beta2, t);                 // E[v_t] = (1 − β₂ᵗ)·E[g²]
        for (int i = 0; i < theta.Count; i++)
        {
            double gi = g[i];
            if (Decoupled) theta[i] *= 1 - lr * WeightDecay;         // AdamW: shrink θ itself
            else gi += WeightDecay * theta[i];                       // Adam: L2 penalty inside the gradient
            _m[i] = Beta1 * _m[i] + (1 - Beta1) * gi;                // momentum: average of g
            _v[i] = Beta2 * _v[i] + (1 - Beta2) * gi * gi;           // RMSprop: average of g²
            double mHat = _m[i] / correction1;
            double vHat = _v[i] / correction2;
            theta[i] -= lr * mHat / (Math.Sqrt(vHat) + Eps);
        }
        // </snippet>
    }
}

/// <summary>
/// AdamW: Adam with decoupled weight decay, θ ← θ(1 − ηλ) then the Adam step (Week 3, "Adam"). PyTorch's
/// <c>torch.optim.AdamW</c> defaults to λ = 0.01, and so does this class (TorchSharp's factory defaults to 0).
/// </summary>
public sealed class AdamW : Adam
{
    public AdamW(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01, ILearningRateSchedule? schedule = null)
        : base(lr, beta1, beta2, eps, weightDecay, decoupled: true, schedule) { }
}
