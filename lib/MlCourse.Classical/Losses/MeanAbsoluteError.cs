using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Losses;

/// <summary>
/// L = (1/n) Σ |ŷ_i − y_i|, the mean absolute error (Week 1, "Loss functions: MAE for robust
/// regression"). Its minimiser over a constant is the median, not the mean, so a few outliers move
/// it little; the price is a kink at 0.
/// </summary>
/// <remarks>
/// |r| has no derivative at r = 0; its subdifferential there is the interval [−1, 1]. We return the
/// subgradient sign(r)/n, which is 0 at r = 0 (as PyTorch's L1Loss does): any value in [−1, 1]/n is a
/// valid subgradient, and 0 is the one that leaves an exactly fitted sample alone. Finite differences
/// only agree with it away from r = 0.
/// </remarks>
public sealed class MeanAbsoluteError : ILoss
{
    public string Name => "MAE";

    public double Value(Vector<double> y, Vector<double> yHat)
    {
        LossGuard.Check(y, yHat);
        return (yHat - y).L1Norm() / y.Count;
    }

    public Vector<double> Gradient(Vector<double> y, Vector<double> yHat)
    {
        LossGuard.Check(y, yHat);
        int n = y.Count;
        return Vector<double>.Build.Dense(n, i => Math.Sign(yHat[i] - y[i]) / (double)n);
    }
}
