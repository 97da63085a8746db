// A solution whose closed form keeps every intermediate matrix "for debugging" in a list that grows
// without bound (the loop's exit condition is never met): it must meet the drill's memory cap with a
// clear message, not fill the machine's memory, and the other checks must still run.
namespace Drills.Week01;

public sealed class LinearRegressionDrill
{
    private readonly List<double[]> _history = [];

    public double[] W { get; private set; } = [];

    public double B { get; private set; }

    public LinearRegressionDrill FitClosedForm(double[][] X, double[] y)
    {
        var residual = double.PositiveInfinity;
        while (residual > 0)
        {
            var snapshot = new double[1 << 20];   // 8 MB a step
            snapshot[0] = residual;
            _history.Add(snapshot);
        }
        return this;
    }

    public LinearRegressionDrill FitGradientDescent(double[][] X, double[] y, double lr = 0.1, int epochs = 1000)
    {
        W = new double[X[0].Length];
        return this;
    }

    public double Predict(double[] x) => B;
}
