using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>
/// The reliability diagram's points (Week 4, "Calibration"): predicted probabilities cut into equal-width bins
/// on [0, 1]; in each non-empty bin, the mean predicted probability against the observed fraction of positives.
/// A calibrated model's points lie on the diagonal. Binning as scikit-learn's calibration_curve(strategy="uniform"):
/// a probability exactly on an inner edge goes to the lower bin.
/// </summary>
/// <param name="MeanPredicted">Mean of p in each non-empty bin, in increasing bin order.</param>
/// <param name="FractionPositive">Fraction of y = 1 in the same bins.</param>
/// <param name="Counts">Rows in each of those bins.</param>
public sealed record CalibrationCurve(IReadOnlyList<double> MeanPredicted, IReadOnlyList<double> FractionPositive, IReadOnlyList<int> Counts)
{
    /// <summary>
    /// Expected calibration error Σ_b (n_b / n) |fraction positive_b − mean predicted_b|: the average distance from
    /// the diagonal, weighted by how many rows each bin holds. 0 for a calibrated model (up to sampling noise,
    /// which keeps it above 0 on a finite sample), and it depends on the number of bins.
    /// </summary>
    public double ExpectedCalibrationError
    {
        get
        {
            double n = Counts.Sum(), ece = 0;
            for (int b = 0; b < Counts.Count; b++) ece += Counts[b] / n * Math.Abs(FractionPositive[b] - MeanPredicted[b]);
            return ece;
        }
    }

    /// <param name="y">Labels 0 and 1.</param>
    /// <param name="p">Predicted P(y = 1), in [0, 1].</param>
    /// <param name="bins">Equal-width bins on [0, 1] (at least 1).</param>
    public static CalibrationCurve Compute(Vector<double> y, Vector<double> p, int bins = 10)
    {
        ProbabilisticMetrics.Validate(y, p);
        Guard.Positive(bins, nameof(bins));
        var sumP = new double[bins];
        var positives = new double[bins];
        var counts = new int[bins];
        // <snippet name="calibration-bins">
        double width = 1.0 / bins;                       // inner edges k·width, computed as numpy's linspace does
        for (int i = 0; i < y.Count; i++)
        {
            // Bin = number of inner edges strictly below p (so p = 0.1 with 10 bins is in bin 0).
            int bin = 0;
            while (bin < bins - 1 && (bin + 1) * width < p[i]) bin++;
            sumP[bin] += p[i];
            positives[bin] += y[i];
            counts[bin]++;
        }
        // </snippet>
        var kept = Enumerable.Range(0, bins).Where(b => counts[b] > 0).ToArray();
        return new CalibrationCurve(
            kept.Select(b => sumP[b] / counts[b]).ToArray(),
            kept.Select(b => positives[b] / counts[b]).ToArray(),
            kept.Select(b => counts[b]).ToArray());
    }
}
