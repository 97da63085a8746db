using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Losses;

/// <summary>
/// The Huber loss (Week 1, "Loss functions: Huber, combining both"): quadratic for small residuals,
/// linear for large ones. With r = ŷ − y,
///   ℓ(r) = ½ r²              if |r| <= δ,
///   ℓ(r) = δ (|r| − ½ δ)     otherwise,
/// averaged over samples. This is the convention of PyTorch's torch.nn.HuberLoss(delta) (mean
/// reduction) and of scikit-learn's SGDRegressor(loss="huber", epsilon=δ). Note the ½: for large δ
/// it tends to ½·MSE, not MSE. (PyTorch's SmoothL1Loss is this divided by δ; scikit-learn's
/// HuberRegressor uses a different, scale-estimating form.)
/// </summary>
public sealed class HuberLoss : ILoss
{
    public HuberLoss(double delta = 1.0)
    {
        Guard.Positive(delta, nameof(delta));
        Delta = delta;
    }

    /// <summary>Where the loss switches from quadratic to linear (in units of the target).</summary>
    public double Delta { get; }

    public string Name => $"Huber(δ={Delta})";

    // <snippet name="huber-loss">
    public double Value(Vector<double> y, Vector<double> yHat)
    {
        LossGuard.Check(y, yHat);
        double sum = 0.0;
        for (int i = 0; i < y.Count; i++)
        {
            double a = Math.Abs(yHat[i] - y[i]);
            // The two pieces meet with equal value (½δ²) and equal slope (δ) at |r| = δ,
            // so the loss is continuously differentiable: smooth like MSE, robust like MAE.
            sum += a <= Delta ? 0.5 * a * a : Delta * (a - 0.5 * Delta);
        }
        return sum / y.Count;
    }

    public Vector<double> Gradient(Vector<double> y, Vector<double> yHat)
    {
        LossGuard.Check(y, yHat);
        int n = y.Count;
        // dℓ/dr = r inside [−δ, δ] and δ·sign(r) outside: the residual clipped to [−δ, δ].
        // An outlier's pull on the fit is therefore capped at δ, however far away it is.
        return Vector<double>.Build.Dense(n, i => Math.Clamp(yHat[i] - y[i], -Delta, Delta) / n);
    }
    // </snippet>
}
