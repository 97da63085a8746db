using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Core.Metrics;

/// <summary>How per-class precision, recall and F1 are combined into one number.</summary>
public enum Averaging
{
    /// <summary>Only the positive class (<c>positiveLabel</c>) counts: the usual binary definition.</summary>
    Binary,
    /// <summary>Pool TP, FP, FN over all classes first. For single-label problems micro precision = recall = F1 = accuracy.</summary>
    Micro,
    /// <summary>Unweighted mean over classes: every class matters equally, so rare classes weigh as much as common ones.</summary>
    Macro,
    /// <summary>Mean over classes weighted by support (true count): dominated by the common classes.</summary>
    Weighted,
}

/// <summary>
/// Accuracy, precision, recall and F1 derived from the confusion matrix (Week 4, "Metrics from the
/// confusion matrix"), with scikit-learn's averaging options. Where a ratio is 0/0 (no predicted
/// positives for precision, no true positives and no errors for F1) the value is 0, as scikit-learn's
/// default zero_division.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of samples predicted correctly: trace / n.</summary>
    public static double Accuracy(Vector<double> y, Vector<double> yHat)
    {
        var cm = ConfusionMatrix.From(y, yHat);
        int correct = 0;
        for (int k = 0; k < cm.ClassCount; k++) correct += cm[k, k];
        return (double)correct / cm.Total;
    }

    /// <summary>TP / (TP + FP): of the samples flagged positive, how many are.</summary>
    public static double Precision(Vector<double> y, Vector<double> yHat, Averaging average = Averaging.Binary, double positiveLabel = 1.0) =>
        Averaged(ConfusionMatrix.From(y, yHat), average, positiveLabel, static (tp, fp, fn) => Ratio(tp, tp + fp));

    /// <summary>TP / (TP + FN): of the positive samples, how many were found (sensitivity, true positive rate).</summary>
    public static double Recall(Vector<double> y, Vector<double> yHat, Averaging average = Averaging.Binary, double positiveLabel = 1.0) =>
        Averaged(ConfusionMatrix.From(y, yHat), average, positiveLabel, static (tp, fp, fn) => Ratio(tp, tp + fn));

    /// <summary>Harmonic mean of precision and recall, 2TP / (2TP + FP + FN): low if either is low.</summary>
    public static double F1(Vector<double> y, Vector<double> yHat, Averaging average = Averaging.Binary, double positiveLabel = 1.0) =>
        Averaged(ConfusionMatrix.From(y, yHat), average, positiveLabel, static (tp, fp, fn) => Ratio(2 * tp, 2 * tp + fp + fn));

    // <snippet name="averaging">
    private static double Averaged(ConfusionMatrix cm, Averaging average, double positiveLabel, Func<int, int, int, double> score)
    {
        Guard.Defined(average, nameof(average));
        switch (average)
        {
            case Averaging.Binary:
                if (cm.ClassCount > 2)
                    throw new ArgumentException(
                        $"average = Binary needs at most two labels, but y and yHat contain {cm.ClassCount}: [{string.Join(", ", cm.Labels)}]; use Micro, Macro or Weighted.",
                        nameof(average));
                int p = cm.IndexOf(positiveLabel, nameof(positiveLabel));
                return score(cm.TruePositives(p), cm.FalsePositives(p), cm.FalseNegatives(p));
            case Averaging.Micro:
                int tp = 0, fp = 0, fn = 0;
                for (int k = 0; k < cm.ClassCount; k++)
                {
                    tp += cm.TruePositives(k); fp += cm.FalsePositives(k); fn += cm.FalseNegatives(k);
                }
                return score(tp, fp, fn);
            case Averaging.Macro:
            case Averaging.Weighted:
                double sum = 0, weights = 0;
                for (int k = 0; k < cm.ClassCount; k++)
                {
                    double w = average == Averaging.Macro ? 1.0 : cm.Support(k);
                    sum += w * score(cm.TruePositives(k), cm.FalsePositives(k), cm.FalseNegatives(k));
                    weights += w;
                }
                return sum / weights;
            default:
                throw new UnreachableException($"Averaging.{average} has no case here.");
        }
    }
    // </snippet>

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0.0 : (double)numerator / denominator;
}
