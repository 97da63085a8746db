using MlCourse.Core.Validation;

namespace MlCourse.Classical.Trees;

/// <summary>
/// Node impurities and the information-theoretic quantities behind split criteria (Week 5, "Impurity:
/// entropy, Gini, information gain"). Inputs are class counts (or weights) of one node; entropy is in bits
/// (log base 2), as in ID3 and scikit-learn's criterion="entropy".
/// </summary>
public static class Impurity
{
    // <snippet name="impurity-measures">
    /// <summary>H(p) = −Σ_k p_k log₂ p_k: the expected number of bits to name the class of a random sample.</summary>
    public static double Entropy(IReadOnlyList<double> counts)
    {
        double total = Total(counts, nameof(counts));
        double h = 0;
        foreach (var c in counts)
            if (c > 0) h -= c / total * Math.Log2(c / total);   // 0·log 0 = 0 (the limit)
        return h;
    }

    /// <summary>G(p) = 1 − Σ_k p_k²: the chance that two independent draws from the node disagree.</summary>
    public static double Gini(IReadOnlyList<double> counts)
    {
        double total = Total(counts, nameof(counts));
        double s = 0;
        foreach (var c in counts) s += c / total * (c / total);
        return 1 - s;
    }

    /// <summary>
    /// Impurity decrease of a split: I(parent) − (n_L/n)·I(left) − (n_R/n)·I(right). With entropy this is the
    /// information gain, the mutual information between the class and the side of the split.
    /// </summary>
    public static double Decrease(Func<IReadOnlyList<double>, double> impurity, IReadOnlyList<double> left, IReadOnlyList<double> right)
    {
        Guard.NotNull(impurity, nameof(impurity));
        double nl = Total(left, nameof(left)), nr = Total(right, nameof(right));
        var parent = left.Zip(right, (a, b) => a + b).ToArray();
        Guard.SameLength(left.Count, right.Count, nameof(left), nameof(right));
        double n = nl + nr;
        return impurity(parent) - nl / n * impurity(left) - nr / n * impurity(right);
    }
    // </snippet>

    /// <summary>Information gain of a split (entropy decrease), in bits.</summary>
    public static double InformationGain(IReadOnlyList<double> left, IReadOnlyList<double> right) => Decrease(Entropy, left, right);

    // <snippet name="mutual-information">
    /// <summary>
    /// I(X; Y) = Σ_{x,y} p(x,y) log₂ [p(x,y) / (p(x)p(y))] in bits, from a contingency table counts[x][y].
    /// It equals H(Y) − H(Y|X), so a split's information gain is the mutual information between the branch
    /// a sample takes and its class.
    /// </summary>
    public static double MutualInformation(double[][] counts)
    {
        Guard.NotNull(counts, nameof(counts));
        Guard.HasAtLeast(counts.Length, 1, nameof(counts), "row");
        Guard.HasAtLeast(counts[0]?.Length ?? 0, 1, nameof(counts), "column");
        Guard.RowLengths(counts, counts[0].Length, nameof(counts), "counts must be rectangular");
        int cols = counts[0].Length;
        double n = 0;
        var py = new double[cols];
        var px = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                if (!(counts[i][j] >= 0) || !double.IsFinite(counts[i][j])) throw new ArgumentException($"counts[{i}][{j}] must be a finite non-negative count, but is {counts[i][j]}.", nameof(counts));
                px[i] += counts[i][j]; py[j] += counts[i][j]; n += counts[i][j];
            }
        }
        if (n <= 0) throw new ArgumentException("counts must not all be zero.", nameof(counts));
        double mi = 0;
        for (int i = 0; i < counts.Length; i++)
            for (int j = 0; j < cols; j++)
                if (counts[i][j] > 0) mi += counts[i][j] / n * Math.Log2(counts[i][j] * n / (px[i] * py[j]));
        return mi;
    }
    // </snippet>

    private static double Total(IReadOnlyList<double> counts, string name)
    {
        Guard.NotNull(counts, name);
        Guard.HasAtLeast(counts.Count, 1, name, "class");
        Guard.NonNegativeEntries(counts, name, "class counts");
        double total = counts.Sum();
        if (total <= 0) throw new ArgumentException($"{name} must have a positive total, but all counts are zero.", name);
        return total;
    }
}
