using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.FeatureSelection;

/// <summary>A score per feature and, for a statistical test, its p-value (small p: the feature and the target are related).</summary>
public sealed record FeatureScores(Vector<double> Scores, Vector<double>? PValues = null);

/// <summary>
/// Filter methods of feature selection (Week 8, "Filter methods" and "Statistical tests"): each feature is
/// scored against the target on its own, before and independently of any model. Fast (one pass over the data)
/// and model-agnostic, but blind to interactions (a feature useless alone but decisive together with another)
/// and to redundancy (ten copies of a good feature all score well).
/// </summary>
/// <remarks>
/// The F statistics and chi-square agree with scikit-learn 1.2's f_regression, f_classif and chi2 (tested against
/// values recorded by tests/reference/week08_features.py). p-values are upper tails computed from the regularised
/// incomplete beta and gamma functions directly rather than as 1 − CDF, which would round small p to 0.
/// </remarks>
public static class FilterScores
{
    /// <summary>Pearson correlation of each feature with y (0 for a constant feature, whose correlation is undefined).</summary>
    public static Vector<double> Pearson(Matrix<double> x, Vector<double> y)
    {
        Validate(x, y);
        double yMean = y.Average();
        var yc = y - yMean;
        double yNorm = yc.L2Norm();
        return Vector<double>.Build.Dense(x.ColumnCount, j =>
        {
            var column = x.Column(j);
            var xc = column - column.Average();
            double denominator = xc.L2Norm() * yNorm;
            return denominator == 0 ? 0.0 : xc.DotProduct(yc) / denominator;
        });
    }

    /// <summary>
    /// Univariate regression F test: F = r² / (1 − r²) · (n − 2), with (1, n − 2) degrees of freedom; the same
    /// as testing the slope of a one-feature least-squares fit.
    /// </summary>
    public static FeatureScores FRegression(Matrix<double> x, Vector<double> y)
    {
        var r = Pearson(x, y);
        int dfResidual = x.RowCount - 2;
        Guard.HasAtLeast(x.RowCount, 3, nameof(x), "rows", "the F test has n − 2 residual degrees of freedom");
        var f = r.Map(rj => rj * rj / (1 - rj * rj) * dfResidual);
        return new FeatureScores(f, f.Map(fj => FUpperTail(fj, 1, dfResidual)));
    }

    /// <summary>
    /// One-way ANOVA F per feature across the classes of y: F = [SS_between/(K − 1)] / [SS_within/(n − K)]. Large F:
    /// the class means differ by more than the spread inside the classes explains.
    /// </summary>
    public static FeatureScores FClassif(Matrix<double> x, Vector<double> y)
    {
        Validate(x, y);
        var classes = y.Distinct().Order().ToArray();
        int n = x.RowCount, k = classes.Length;
        Guard.HasAtLeast(k, 2, nameof(y), "classes", "for ANOVA");
        Guard.HasAtLeast(n, k + 1, nameof(y), "rows", $"ANOVA needs more rows than its {k} classes");
        var f = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            // <snippet name="anova-f">
            var column = x.Column(j);
            double grandMean = column.Average(), between = 0, within = 0;
            foreach (double c in classes)
            {
                var members = Enumerable.Range(0, n).Where(i => y[i] == c).Select(i => column[i]).ToArray();
                double mean = members.Average();
                between += members.Length * (mean - grandMean) * (mean - grandMean);
                within += members.Sum(v => (v - mean) * (v - mean));
            }
            f[j] = between / (k - 1) / (within / (n - k));
            // </snippet>
        }
        return new FeatureScores(f, f.Map(fj => FUpperTail(fj, k - 1, n - k)));
    }

    /// <summary>
    /// scikit-learn's chi2 for non-negative features (counts, frequencies, one-hot indicators): observed O[c, j] is
    /// the sum of feature j over the rows of class c, expected E[c, j] = P(c) · Σᵢ x[i, j];
    /// χ² = Σ_c (O − E)² / E with K − 1 degrees of freedom.
    /// </summary>
    public static FeatureScores Chi2(Matrix<double> x, Vector<double> y)
    {
        Validate(x, y);
        Guard.NonNegativeEntries(x, nameof(x), "chi2 needs counts or indicators");
        var classes = y.Distinct().Order().ToArray();
        Guard.HasAtLeast(classes.Length, 2, nameof(y), "classes", "for chi2");
        int n = x.RowCount;
        var chi2 = Vector<double>.Build.Dense(x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            // <snippet name="chi-square">
            double total = x.Column(j).Sum();
            foreach (double c in classes)
            {
                var rows = Enumerable.Range(0, n).Where(i => y[i] == c).ToArray();
                double observed = rows.Sum(i => x[i, j]);
                double expected = rows.Length / (double)n * total;
                chi2[j] += (observed - expected) * (observed - expected) / expected;
            }
            // </snippet>
        }
        int df = classes.Length - 1;
        return new FeatureScores(chi2, chi2.Map(s => double.IsNaN(s) ? double.NaN : SpecialFunctions.GammaUpperRegularized(df / 2.0, s / 2.0)));
    }

    /// <summary>
    /// Mutual information I(X_j; Y) in nats by the plug-in estimator on a contingency table: each feature is cut
    /// into <paramref name="bins"/> equal-frequency bins (ties kept together); y is used as classes when
    /// <paramref name="discreteTarget"/>, otherwise binned the same way. Unlike correlation it sees any dependence
    /// (a U shape), but the plug-in estimate is biased upwards by about (B_x − 1)(B_y − 1)/(2n), so compare features
    /// with the same number of bins. scikit-learn's mutual_info_* use a k-nearest-neighbour estimator instead.
    /// </summary>
    public static Vector<double> MutualInformation(Matrix<double> x, Vector<double> y, int bins = 10, bool discreteTarget = true)
    {
        Validate(x, y);
        Guard.AtLeast(bins, 2, nameof(bins));
        var yCodes = discreteTarget ? Codes(y) : BinCodes(y, bins);
        return Vector<double>.Build.Dense(x.ColumnCount, j => MutualInformation(BinCodes(x.Column(j), bins), yCodes));
    }

    /// <summary>Plug-in mutual information of two discrete codings: Σ p(a, b) log[p(a, b) / (p(a) p(b))].</summary>
    public static double MutualInformation(int[] a, int[] b)
    {
        Guard.NotNull(a, nameof(a));
        Guard.NotNull(b, nameof(b));
        Guard.HasAtLeast(a.Length, 1, nameof(a), "value");
        Guard.SameLength(a.Length, b.Length, nameof(a), nameof(b));
        int n = a.Length;
        var joint = new Dictionary<(int, int), int>();
        var pa = new Dictionary<int, int>();
        var pb = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            joint[(a[i], b[i])] = joint.GetValueOrDefault((a[i], b[i])) + 1;
            pa[a[i]] = pa.GetValueOrDefault(a[i]) + 1;
            pb[b[i]] = pb.GetValueOrDefault(b[i]) + 1;
        }
        double mi = 0;
        foreach (var ((ai, bi), count) in joint)
            mi += count / (double)n * Math.Log(count * (double)n / (pa[ai] * (double)pb[bi]));
        return Math.Max(0, mi);
    }

    /// <summary>The indices of the k highest scores, best first (ties: lower index first; NaN counts as lowest).</summary>
    public static int[] TopK(Vector<double> scores, int k)
    {
        Guard.NotNull(scores, nameof(scores));
        Guard.InRange(k, 1, scores.Count, nameof(k));
        return Enumerable.Range(0, scores.Count).OrderByDescending(j => double.IsNaN(scores[j]) ? double.NegativeInfinity : scores[j]).ThenBy(j => j).Take(k).ToArray();
    }

    /// <summary>P(F(d1, d2) > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2).</summary>
    internal static double FUpperTail(double f, int d1, int d2)
    {
        if (double.IsNaN(f)) return double.NaN;
        if (double.IsPositiveInfinity(f)) return 0.0;
        return SpecialFunctions.BetaRegularized(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f));
    }

    private static int[] Codes(Vector<double> values)
    {
        var map = new Dictionary<double, int>();
        return values.Select(v => map.TryGetValue(v, out int c) ? c : map[v] = map.Count).ToArray();
    }

    // Equal-frequency bins: rank the values and cut the ranks into `bins` groups; equal values share the bin of their first rank.
    private static int[] BinCodes(Vector<double> values, int bins)
    {
        int n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var codes = new int[n];
        for (int r = 0; r < n; r++)
        {
            int i = order[r];
            codes[i] = r > 0 && values[i] == values[order[r - 1]] ? codes[order[r - 1]] : (int)((long)r * bins / n);
        }
        return codes;
    }

    private static void Validate(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
    }
}
