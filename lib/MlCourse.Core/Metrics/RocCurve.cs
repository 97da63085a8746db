using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Metrics;

/// <summary>
/// The receiver operating characteristic curve: false positive rate against true positive rate as
/// the decision threshold sweeps from +∞ down to the lowest score (Week 4, "ROC curves and AUC").
/// Points sit at the distinct scores, as scikit-learn's roc_curve with drop_intermediate=False
/// (its default drops points on straight segments, which changes the plot's vertex count but not the
/// area). The first point (0, 0) has threshold +∞ (scikit-learn ≥ 1.3; 1.2 used max score + 1).
/// </summary>
public sealed record RocCurve(Vector<double> FalsePositiveRate, Vector<double> TruePositiveRate, Vector<double> Thresholds)
{
    /// <summary>y holds labels 0 and 1 (both must occur); scores are any real numbers, higher meaning "more positive".</summary>
    public static RocCurve Compute(Vector<double> y, Vector<double> scores)
    {
        var c = ThresholdCounts.From(y, scores);
        RequireBothClasses(c);
        int m = c.Thresholds.Length + 1;
        var fpr = new double[m];
        var tpr = new double[m];
        var thr = new double[m];
        thr[0] = double.PositiveInfinity;              // nothing is called positive: the (0, 0) corner
        for (int k = 1; k < m; k++)
        {
            fpr[k] = (double)c.FalsePositives[k - 1] / c.Negatives;
            tpr[k] = (double)c.TruePositives[k - 1] / c.Positives;
            thr[k] = c.Thresholds[k - 1];
        }
        return new RocCurve(Vector<double>.Build.DenseOfArray(fpr), Vector<double>.Build.DenseOfArray(tpr), Vector<double>.Build.DenseOfArray(thr));
    }

    /// <summary>
    /// Area under the ROC curve: the probability that a random positive scores above a random
    /// negative, ties counting one half. O(n log n): one sort, then the trapezoid rule over the curve
    /// (a tie block contributes a diagonal segment, which is exactly the "one half").
    /// </summary>
    public static double Auc(Vector<double> y, Vector<double> scores)
    {
        var c = ThresholdCounts.From(y, scores);
        RequireBothClasses(c);
        // <snippet name="roc-auc">
        double area = 0;                                // in units of (false positives) x (true positives)
        int previousFp = 0, previousTp = 0;
        for (int k = 0; k < c.Thresholds.Length; k++)
        {
            area += (c.FalsePositives[k] - previousFp) * 0.5 * (c.TruePositives[k] + previousTp);
            previousFp = c.FalsePositives[k];
            previousTp = c.TruePositives[k];
        }
        return area / ((double)c.Positives * c.Negatives);
        // </snippet>
    }

    /// <summary>Area under this curve by the trapezoid rule (equals <see cref="Auc"/> on the same data).</summary>
    public double Area()
    {
        double area = 0;
        for (int k = 1; k < FalsePositiveRate.Count; k++)
            area += (FalsePositiveRate[k] - FalsePositiveRate[k - 1]) * 0.5 * (TruePositiveRate[k] + TruePositiveRate[k - 1]);
        return area;
    }

    private static void RequireBothClasses(ThresholdCounts c)
    {
        if (c.Positives == 0 || c.Negatives == 0)
            throw new ArgumentException(
                $"ROC AUC is undefined when y contains only one class: y has {c.Positives} positives and {c.Negatives} negatives, " +
                "so one of the rates is 0/0. Evaluate on data with both classes (e.g. use stratified folds).", "y");
    }
}
