using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Trees;

namespace MlCourse.Tests.Classical.Trees;

/// <summary>
/// Compares our tree with scikit-learn's preorder node list. Where both split the same rows but on different
/// features, the two splits must tie (the same impurity decrease on those rows): scikit-learn breaks exact ties
/// by a random feature order, we by the lowest feature index, so from there the subtrees legitimately differ and
/// are not compared further. Every other node must match: feature, threshold and sample count.
/// </summary>
internal static class TreeComparison
{
    public sealed record Outcome(int Matched, int Ties);

    public static Outcome Compare((int Feature, double Threshold, int Samples)[] expected, TreeStructure tree, Matrix<double> x, Vector<double> y,
        Func<double[], double> impurity)
    {
        int matched = 0, ties = 0;
        int pos = 0;
        Visit(0, Enumerable.Range(0, x.RowCount).ToArray());
        return new Outcome(matched, ties);

        void Visit(int node, int[] rows)
        {
            var e = expected[pos];
            var a = tree.Node(node);
            Assert.True(e.Samples == a.Samples && e.Samples == rows.Length, $"preorder node {pos}: scikit-learn has {e.Samples} samples, ours {a.Samples}.");
            if (e.Feature < 0 || a.IsLeaf)
            {
                Assert.True(e.Feature < 0 && a.IsLeaf, $"preorder node {pos}: one tree has a leaf where the other splits (scikit-learn feature {e.Feature}, ours {a.Feature}).");
                pos++; matched++;
                return;
            }
            if (e.Feature != a.Feature)
            {
                double ours = Decrease(rows, a.Feature, a.Threshold), theirs = Decrease(rows, e.Feature, e.Threshold);
                Assert.True(Math.Abs(ours - theirs) <= 1e-9 * Math.Max(1, Math.Abs(ours)),
                    $"preorder node {pos}: scikit-learn splits feature {e.Feature} at {e.Threshold} (decrease {theirs}), ours feature {a.Feature} at {a.Threshold} (decrease {ours}): not a tie.");
                ties++;
                pos = SkipSubtree(pos);
                return;
            }
            // scikit-learn casts X to float32, so its thresholds are midpoints of float32-rounded values.
            Assert.Equal(e.Threshold, a.Threshold, 1e-6 * Math.Max(1, Math.Abs(e.Threshold)));
            matched++;
            pos++;
            Visit(a.Left, rows.Where(i => x[i, a.Feature] <= a.Threshold).ToArray());
            Visit(a.Right, rows.Where(i => x[i, a.Feature] > a.Threshold).ToArray());
        }

        double Decrease(int[] rows, int feature, double threshold)
        {
            var left = rows.Where(i => x[i, feature] <= threshold).Select(i => y[i]).ToArray();
            var right = rows.Where(i => x[i, feature] > threshold).Select(i => y[i]).ToArray();
            var all = rows.Select(i => y[i]).ToArray();
            return all.Length * impurity(all) - left.Length * impurity(left) - right.Length * impurity(right);
        }

        int SkipSubtree(int p) => expected[p].Feature < 0 ? p + 1 : SkipSubtree(SkipSubtree(p + 1));
    }

    public static Func<double[], double> ClassImpurity(SplitCriterion criterion, int classes) => labels =>
    {
        var counts = new double[classes];
        foreach (var v in labels) counts[(int)v]++;
        return criterion == SplitCriterion.Gini ? Impurity.Gini(counts) : Impurity.Entropy(counts);
    };

    public static double Variance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }
}
