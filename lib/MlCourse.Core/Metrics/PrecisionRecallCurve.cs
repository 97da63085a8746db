using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Metrics;

/// <summary>
/// Precision against recall as the threshold moves over the distinct scores (Week 4, "PR curves for
/// imbalanced data"), in scikit-learn's order: thresholds ascending, so recall falls from 1 and the
/// last point is (recall 0, precision 1), which has no threshold (Precision and Recall have one more
/// entry than Thresholds). Unlike ROC, the curve moves with the positive rate, which is why it is the
/// honest picture when positives are rare.
/// </summary>
public sealed record PrecisionRecallCurve(Vector<double> Precision, Vector<double> Recall, Vector<double> Thresholds)
{
    /// <summary>y holds labels 0 and 1 and must contain at least one positive; higher scores mean "more positive".</summary>
    public static PrecisionRecallCurve Compute(Vector<double> y, Vector<double> scores)
    {
        var c = ThresholdCounts.From(y, scores);
        RequirePositives(c);
        int m = c.Thresholds.Length;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thr = new double[m];
        for (int k = 0; k < m; k++)
        {
            int j = m - 1 - k;                          // counts run from the highest threshold; reverse them
            precision[k] = (double)c.TruePositives[j] / (c.TruePositives[j] + c.FalsePositives[j]);
            recall[k] = (double)c.TruePositives[j] / c.Positives;
            thr[k] = c.Thresholds[j];
        }
        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallCurve(Vector<double>.Build.DenseOfArray(precision), Vector<double>.Build.DenseOfArray(recall), Vector<double>.Build.DenseOfArray(thr));
    }

    /// <summary>
    /// Average precision, scikit-learn's step definition: AP = Σ_k (R_k − R_{k−1}) P_k over thresholds
    /// from high to low. It is a right-step (not trapezoid) area, so it does not reward the
    /// optimistic linear interpolation between PR points, which are not achievable classifiers.
    /// </summary>
    public static double AveragePrecision(Vector<double> y, Vector<double> scores)
    {
        var c = ThresholdCounts.From(y, scores);
        RequirePositives(c);
        // <snippet name="average-precision">
        double ap = 0, previousRecall = 0;
        for (int k = 0; k < c.Thresholds.Length; k++)
        {
            double recall = (double)c.TruePositives[k] / c.Positives;
            double precision = (double)c.TruePositives[k] / (c.TruePositives[k] + c.FalsePositives[k]);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return ap;
        // </snippet>
    }

    private static void RequirePositives(ThresholdCounts c)
    {
        if (c.Positives == 0)
            throw new ArgumentException(
                $"Precision-recall is undefined when y has no positive samples (all {c.Negatives} are 0): recall is 0/0.", "y");
    }
}
