using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Losses;

/// <summary>
/// A regression loss averaged over samples, L(y, ŷ) = (1/n) Σ ℓ(ŷ_i − y_i), and its gradient with
/// respect to the predictions (Week 1, "Loss functions: MSE, MAE, Huber"). The gradient with respect to
/// the predictions is all a model needs: by the chain rule, ∂L/∂w = (∂ŷ/∂w)ᵀ ∂L/∂ŷ
/// (see <see cref="LinearModelGradient"/>).
/// </summary>
public interface ILoss
{
    /// <summary>A short name for tables and charts.</summary>
    string Name { get; }

    /// <summary>The mean loss over the n samples.</summary>
    double Value(Vector<double> y, Vector<double> yHat);

    /// <summary>∂L/∂ŷ, a vector of n entries; each already carries the 1/n of the mean.</summary>
    Vector<double> Gradient(Vector<double> y, Vector<double> yHat);
}

/// <summary>The validation every loss applies before computing.</summary>
internal static class LossGuard
{
    public static void Check(Vector<double> y, Vector<double> yHat)
    {
        Guard.Vector(y, nameof(y));
        Guard.Vector(yHat, nameof(yHat));
        Guard.SameLength(y, yHat, nameof(y), nameof(yHat));
    }
}
