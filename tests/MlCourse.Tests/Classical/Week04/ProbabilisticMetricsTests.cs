using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class ProbabilisticMetricsTests
{
    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    [Fact]
    public void Log_loss_and_brier_score_match_scikit_learn()
    {
        // Expected: log_loss and brier_score_loss, recorded by tests/reference/week04_evaluation.py.
        var r = Week04Reference.Get("probabilistic");
        Expect.Close(r.Number("log_loss"), ProbabilisticMetrics.LogLoss(r.Vector("y"), r.Vector("p")), 1e-15);
        Expect.Close(r.Number("brier"), ProbabilisticMetrics.BrierScore(r.Vector("y"), r.Vector("p")), 1e-15);
    }

    [Fact]
    public void A_confident_wrong_probability_is_clipped_not_infinite()
    {
        // Clipping at machine epsilon: −log(2.22e-16) ≈ 36.04 nats for the one wrong row, halved over two rows.
        double loss = ProbabilisticMetrics.LogLoss(V(1, 0), V(0, 0));
        Expect.Close(-Math.Log(2.220446049250313e-16) / 2, loss, 1e-9);
    }

    [Fact]
    public void Probabilities_outside_zero_one_are_rejected_naming_p()
    {
        var e = Assert.Throws<ArgumentException>(() => ProbabilisticMetrics.BrierScore(V(1, 0), V(1.2, 0)));
        Assert.Equal("p", e.ParamName);
        Assert.Contains("p[0] is 1.2", e.Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ProbabilisticMetrics.LogLoss(V(1, 3), V(0.5, 0.5))).ParamName);
    }
}
