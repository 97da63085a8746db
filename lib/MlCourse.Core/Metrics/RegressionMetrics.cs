using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>
/// Scores for regression predictions, defined as in scikit-learn.metrics (Week 1, "Evaluating a
/// regression model"). Later weeks add more here.
/// </summary>
public static class RegressionMetrics
{
    /// <summary>(1/n) Σ (y_i − ŷ_i)².</summary>
    public static double MeanSquaredError(Vector<double> y, Vector<double> yHat)
    {
        Validate(y, yHat);
        var r = y - yHat;
        return r.DotProduct(r) / y.Count;
    }

    /// <summary>√MSE, in the target's own units.</summary>
    public static double RootMeanSquaredError(Vector<double> y, Vector<double> yHat) => Math.Sqrt(MeanSquaredError(y, yHat));

    /// <summary>(1/n) Σ |y_i − ŷ_i|.</summary>
    public static double MeanAbsoluteError(Vector<double> y, Vector<double> yHat)
    {
        Validate(y, yHat);
        return (y - yHat).L1Norm() / y.Count;
    }

    /// <summary>
    /// Mean absolute percentage error (1/n) Σ |y_i − ŷ_i| / max(|y_i|, ε), as a fraction (0.1 = 10 %), with ε the
    /// double machine epsilon as in scikit-learn. The pitfalls: a target near 0 makes one row's term explode
    /// (ε only keeps it finite), and it is asymmetric: under-predicting a positive target costs at most 100 %,
    /// over-predicting costs without bound, so minimising it favours predictions that are too low.
    /// </summary>
    public static double MeanAbsolutePercentageError(Vector<double> y, Vector<double> yHat)
    {
        Validate(y, yHat);
        const double eps = 2.220446049250313e-16;
        double sum = 0;
        for (int i = 0; i < y.Count; i++) sum += Math.Abs(y[i] - yHat[i]) / Math.Max(Math.Abs(y[i]), eps);
        return sum / y.Count;
    }

    /// <summary>
    /// Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: the fraction of the target's
    /// variance the model explains. 1 is perfect, 0 is no better than predicting the mean, and it is
    /// negative for a model worse than that (it is not a square of anything). For a constant y the
    /// ratio is 0/0; like scikit-learn (force_finite=True) we return 1 for perfect predictions and 0
    /// otherwise.
    /// </summary>
    public static double R2(Vector<double> y, Vector<double> yHat)
    {
        Validate(y, yHat);
        double mean = y.Sum() / y.Count;
        var r = y - yHat;
        double residual = r.DotProduct(r);
        double total = 0.0;
        foreach (var v in y) total += (v - mean) * (v - mean);
        if (total == 0.0) return residual == 0.0 ? 1.0 : 0.0;
        return 1.0 - residual / total;
    }

    private static void Validate(Vector<double> y, Vector<double> yHat)
    {
        Guard.Vector(y, nameof(y));
        Guard.Vector(yHat, nameof(yHat));
        Guard.SameLength(y, yHat, nameof(y), nameof(yHat));
    }
}
