using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Losses;

/// <summary>
/// L = (1/n) Σ (ŷ_i − y_i)², the mean squared error, with no ½ (scikit-learn's mean_squared_error,
/// PyTorch's MSELoss), so ∂L/∂ŷ_i = (2/n)(ŷ_i − y_i) (Week 1, "Loss functions: MSE").
/// Convex in ŷ (a sum of squares) and therefore convex in the weights of a linear model, because
/// ŷ = Xw + b is affine in them: every local minimum is global.
/// </summary>
public sealed class MeanSquaredError : ILoss
{
    public string Name => "MSE";

    public double Value(Vector<double> y, Vector<double> yHat)
    {
        LossGuard.Check(y, yHat);
        var r = yHat - y;
        return r.DotProduct(r) / y.Count;
    }

    public Vector<double> Gradient(Vector<double> y, Vector<double> yHat)
    {
        LossGuard.Check(y, yHat);
        return (yHat - y) * (2.0 / y.Count);
    }
}
