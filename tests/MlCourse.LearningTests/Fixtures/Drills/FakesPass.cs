// A solution that does not solve the drill but prints the harness's protocol lines (as they looked
// before they carried a per-run nonce) straight to the real stdout, claiming every check passed, and
// ends the process before the real checks can report. The check must not believe it.
using System.Text;

namespace Drills.Week01;

public sealed class LinearRegressionDrill
{
    private static readonly string[] Names =
    [
        "closed form recovers an exact line (w0, w1, b)", "Predict uses the weights and the intercept",
        "one feature: slope and intercept of simple regression", "closed form satisfies the normal equations on noisy data",
        "gradient descent converges to the exact line", "one gradient step from zero has the factor 2 of the MSE gradient",
        "an ill-conditioned design is solved, not inverted (backward-stable residual)",
        "collinear features are refused with InvalidOperationException", "fitting does not modify X or y",
    ];

    public double[] W { get; private set; } = [];

    public double B { get; private set; }

    public LinearRegressionDrill FitClosedForm(double[][] X, double[] y)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        stdout.WriteLine("@@drill {\"event\":\"plan\",\"names\":[" + string.Join(",", Names.Select(n => $"\"{n}\"")) + "]}");
        foreach (var name in Names)
            stdout.WriteLine($"@@drill {{\"event\":\"result\",\"name\":\"{name}\",\"inputs\":\"\",\"passed\":true,\"expected\":\"\",\"actual\":\"\",\"ms\":1}}");
        stdout.WriteLine("@@drill {\"event\":\"done\"}");
        stdout.Flush();
        Environment.Exit(0);
        return this;
    }

    public LinearRegressionDrill FitGradientDescent(double[][] X, double[] y, double lr = 0.1, int epochs = 1000) => this;

    public double Predict(double[] x) => B;
}
