using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class CurveTests
{
    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    [Fact]
    public void Roc_curve_matches_scikit_learn_with_tied_scores()
    {
        // Expected: roc_curve(drop_intermediate=False), recorded by tests/reference/week04_evaluation.py.
        // scikit-learn 1.2.1 sets thresholds[0] = max + 1; we use +inf (as 1.3+), so compare from index 1.
        var r = Week04Reference.Get("curves");
        var roc = RocCurve.Compute(r.Vector("y"), r.Vector("scores"));
        Expect.Close(r.Vector("fpr"), roc.FalsePositiveRate, 1e-15);
        Expect.Close(r.Vector("tpr"), roc.TruePositiveRate, 1e-15);
        var thresholds = r.Vector("thresholds");
        Assert.Equal(double.PositiveInfinity, roc.Thresholds[0]);
        Expect.Close(thresholds.SubVector(1, thresholds.Count - 1), roc.Thresholds.SubVector(1, roc.Thresholds.Count - 1), 0.0);
    }

    [Theory]
    [InlineData("curves")]
    [InlineData("curves_large")]
    public void Roc_auc_matches_scikit_learn_with_ties(string name)
    {
        // Expected: roc_auc_score (12 scores with ties; 400 scores rounded to 2 decimals), recorded by the script.
        var r = Week04Reference.Get(name);
        var (y, scores) = (r.Vector("y"), r.Vector("scores"));
        Expect.Close(r.Number("auc"), RocCurve.Auc(y, scores), 1e-13);
        Expect.Close(r.Number("auc"), RocCurve.Compute(y, scores).Area(), 1e-13);
    }

    [Fact]
    public void Roc_auc_is_the_probability_a_positive_outranks_a_negative()
    {
        // Independent definition (Mann-Whitney U / (P·N)): count all positive-negative pairs, ties 1/2. O(n²).
        // Filled in a plain loop: MathNet's Dense(n, init) may call init in parallel, and Random is not thread-safe.
        var rng = Seeded.Random(3);
        var y = Vector<double>.Build.Dense(300);
        var scores = Vector<double>.Build.Dense(300);
        for (int i = 0; i < 300; i++)
        {
            y[i] = rng.NextDouble() < 0.2 ? 1 : 0;
            scores[i] = Math.Round(rng.NextGaussian() + y[i], 1);     // rounding creates ties
        }
        double wins = 0, pairs = 0;
        for (int i = 0; i < 300; i++)
            for (int j = 0; j < 300; j++)
                if (y[i] == 1 && y[j] == 0)
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        Expect.Close(wins / pairs, RocCurve.Auc(y, scores), 1e-13);
    }

    [Fact]
    public void Precision_recall_curve_and_average_precision_match_scikit_learn()
    {
        // Expected: precision_recall_curve and average_precision_score, recorded by the script.
        var r = Week04Reference.Get("curves");
        var pr = PrecisionRecallCurve.Compute(r.Vector("y"), r.Vector("scores"));
        Expect.Close(r.Vector("precision"), pr.Precision, 1e-15);
        Expect.Close(r.Vector("recall"), pr.Recall, 1e-15);
        Expect.Close(r.Vector("pr_thresholds"), pr.Thresholds, 0.0);
        Expect.Close(r.Number("average_precision"), PrecisionRecallCurve.AveragePrecision(r.Vector("y"), r.Vector("scores")), 1e-15);
        var large = Week04Reference.Get("curves_large");
        Expect.Close(large.Number("average_precision"), PrecisionRecallCurve.AveragePrecision(large.Vector("y"), large.Vector("scores")), 1e-13);
    }

    [Fact]
    public void A_perfect_ranking_has_auc_and_average_precision_one_and_a_reversed_one_auc_zero()
    {
        var y = V(0, 0, 1, 1, 1);
        var scores = V(0.1, 0.2, 0.7, 0.8, 0.9);
        Assert.Equal(1.0, RocCurve.Auc(y, scores));
        Assert.Equal(1.0, PrecisionRecallCurve.AveragePrecision(y, scores));
        Assert.Equal(0.0, RocCurve.Auc(y, -scores));
        Assert.Equal(0.5, RocCurve.Auc(y, V(1, 1, 1, 1, 1)));   // one tie block: the diagonal
    }

    [Fact]
    public void Roc_auc_with_a_single_class_is_a_clear_error()
    {
        // scikit-learn: "Only one class present in y_true. ROC AUC score is not defined in that case."
        var e = Assert.Throws<ArgumentException>(() => RocCurve.Auc(V(1, 1, 1), V(0.2, 0.5, 0.9)));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("only one class", e.Message);
        Assert.Throws<ArgumentException>(() => RocCurve.Compute(V(0, 0), V(0.2, 0.5)));
        var pr = Assert.Throws<ArgumentException>(() => PrecisionRecallCurve.AveragePrecision(V(0, 0), V(0.2, 0.5)));
        Assert.Contains("no positive samples", pr.Message);
    }

    [Fact]
    public void Curves_reject_labels_other_than_zero_and_one_and_mismatched_lengths()
    {
        Assert.Contains("y[1] is 2", Assert.Throws<ArgumentException>(() => RocCurve.Auc(V(0, 2), V(0.1, 0.2))).Message);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => RocCurve.Auc(V(0, 1), V(0.1))).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => PrecisionRecallCurve.Compute(V(0, 1), V(0.1, double.NaN))).ParamName);
    }
}
