using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 5 checker accepts the reference solution, rejects plausible wrong answers, and reports the notebook's
/// unimplemented stub as "not attempted".
/// </summary>
public class Week05ExercisesTests
{
    // ---- Exercise 1: Gini ----

    public static TheoryData<string, Func<int[], double>> WrongGini() => new()
    {
        // Σ p² instead of 1 − Σ p² (the purity, not the impurity).
        { "sum of squares without 1 −", labels => 1 - Week05Solutions.Gini(labels) },
        // Entropy in bits instead of Gini.
        { "entropy instead of Gini", labels => -labels.GroupBy(v => v).Sum(g => { double q = g.Count() / (double)labels.Length; return q * Math.Log2(q); }) },
        // Counts instead of proportions.
        { "counts not divided by n", labels => 1 - labels.GroupBy(v => v).Sum(g => (double)g.Count() * g.Count()) },
        // Assumes labels 0..K−1 and indexes an array by the label value 0 or 1 only.
        { "binary only", labels => { double q = labels.Count(v => v == 1) / (double)labels.Length; return 2 * q * (1 - q); } },
    };

    [Fact]
    public void The_Gini_checker_accepts_the_reference_solution() => AssertPassed(Week05.CheckGini(Week05Solutions.Gini));

    [Theory]
    [MemberData(nameof(WrongGini))]
    public void The_Gini_checker_rejects_a_wrong_answer(string mistake, Func<int[], double> f) => AssertRejected(mistake, Week05.CheckGini(f));

    // ---- Exercise 2: best threshold ----

    public static TheoryData<string, Func<double[], int[], ThresholdSplit>> WrongThreshold() => new()
    {
        // Children's Gini averaged without weighting by their sizes.
        { "unweighted mean of the children", UnweightedMean },
        // Thresholds at the values themselves (x ≤ v) instead of midpoints.
        { "threshold at the value, not the midpoint", (x, y) => { var r = Week05Solutions.BestThreshold(x, y); var v = x.Distinct().Order().ToArray(); return r with { Threshold = v.Last(t => t < r.Threshold) }; } },
        // Splits between equal values (positions in sorted order, not distinct values).
        { "splits between equal values", BetweenEqualValues },
        // Returns the impurity decrease instead of the weighted child impurity.
        { "decrease instead of the children's impurity", (x, y) => { var r = Week05Solutions.BestThreshold(x, y); return r with { WeightedGini = Week05Solutions.Gini(y) - r.WeightedGini }; } },
    };

    private static ThresholdSplit UnweightedMean(double[] x, int[] y)
    {
        var values = x.Distinct().Order().ToArray();
        double best = double.PositiveInfinity, bestT = double.NaN;
        for (int k = 0; k + 1 < values.Length; k++)
        {
            double t = (values[k] + values[k + 1]) / 2;
            double score = (Week05Solutions.Gini(y.Where((_, i) => x[i] <= t).ToArray()) + Week05Solutions.Gini(y.Where((_, i) => x[i] > t).ToArray())) / 2;
            if (score < best - 1e-12) { best = score; bestT = t; }
        }
        return new ThresholdSplit(bestT, best);
    }

    private static ThresholdSplit BetweenEqualValues(double[] x, int[] y)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        double best = double.PositiveInfinity, bestT = double.NaN;
        for (int k = 1; k < order.Length; k++)
        {
            var left = order.Take(k).Select(i => y[i]).ToArray();
            var right = order.Skip(k).Select(i => y[i]).ToArray();
            double score = (left.Length * Week05Solutions.Gini(left) + right.Length * Week05Solutions.Gini(right)) / y.Length;
            if (score < best - 1e-12) { best = score; bestT = (x[order[k - 1]] + x[order[k]]) / 2; }
        }
        return new ThresholdSplit(bestT, best);
    }

    [Fact]
    public void The_threshold_checker_accepts_the_reference_solution() => AssertPassed(Week05.CheckBestThreshold(Week05Solutions.BestThreshold));

    [Theory]
    [MemberData(nameof(WrongThreshold))]
    public void The_threshold_checker_rejects_a_wrong_answer(string mistake, Func<double[], int[], ThresholdSplit> f) => AssertRejected(mistake, Week05.CheckBestThreshold(f));

    // ---- Exercise 3: Newton leaf ----

    public static TheoryData<string, Func<double[], double[], double, double>> WrongLeaf() => new()
    {
        { "gradient step (mean residual, no Hessian)", (y, p, l) => y.Select((v, i) => v - p[i]).Average() },
        { "sign flipped", (y, p, l) => -Week05Solutions.NewtonLeaf(y, p, l) },
        { "lambda ignored", (y, p, l) => Week05Solutions.NewtonLeaf(y, p, 0) },
        { "Hessian p instead of p(1 − p)", (y, p, l) => -y.Select((v, i) => p[i] - v).Sum() / (p.Sum() + l) },
    };

    [Fact]
    public void The_Newton_leaf_checker_accepts_the_reference_solution() => AssertPassed(Week05.CheckNewtonLeaf(Week05Solutions.NewtonLeaf));

    [Fact]
    public void The_Newton_leaf_checker_accepts_the_library_formula()
    {
        static double Library(double[] y, double[] p, double lambda) =>
            MlCourse.Classical.Ensembles.SecondOrder.LeafWeight(y.Select((v, i) => p[i] - v).Sum(), p.Sum(q => q * (1 - q)), lambda);
        AssertPassed(Week05.CheckNewtonLeaf(Library));
    }

    [Theory]
    [MemberData(nameof(WrongLeaf))]
    public void The_Newton_leaf_checker_rejects_a_wrong_answer(string mistake, Func<double[], double[], double, double> f) => AssertRejected(mistake, Week05.CheckNewtonLeaf(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week05.CheckGini(_ => throw new NotImplementedException()));
        AssertNotAttempted(Week05.CheckBestThreshold((_, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week05.CheckNewtonLeaf((_, _, _) => throw new NotImplementedException()));
    }
}
