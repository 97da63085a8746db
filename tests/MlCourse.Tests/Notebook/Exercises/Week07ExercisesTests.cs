using MathNet.Numerics.LinearAlgebra;
using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 7 checker accepts the reference solution, rejects plausible wrong answers, and reports the notebook's
/// unimplemented stub as "not attempted".
/// </summary>
public class Week07ExercisesTests
{
    // ---- Exercise 1: explained variance ratio ----

    public static TheoryData<string, Func<Matrix<double>, double[]>> WrongRatios() => new()
    {
        // Not centring: the SVD of raw data mixes the mean into the first "component".
        { "not centred", x => { var s2 = x.Svd(false).S.Select(s => s * s).ToArray(); return s2.Select(v => v / s2.Sum()).ToArray(); } },
        // Singular values instead of their squares (standard deviations, not variances).
        { "s instead of s squared", x => { var mean = x.ColumnSums() / x.RowCount; var s = (x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean[j])).Svd(false).S.Take(Math.Min(x.RowCount, x.ColumnCount)).ToArray(); return s.Select(v => v / s.Sum()).ToArray(); } },
        // Per-feature variances (the diagonal of the covariance) instead of its eigenvalues.
        { "feature variances", x => { var v = Enumerable.Range(0, x.ColumnCount).Select(j => { var col = x.Column(j); double m = col.Average(); return col.Select(t => (t - m) * (t - m)).Sum(); }).OrderDescending().Take(Math.Min(x.RowCount, x.ColumnCount)).ToArray(); return v.Select(t => t / v.Sum()).ToArray(); } },
        // Smallest first.
        { "ascending order", x => Week07Solutions.ExplainedVarianceRatio(x).Reverse().ToArray() },
        // Absolute variances, not ratios.
        { "variances instead of ratios", x => { var r = Week07Solutions.ExplainedVarianceRatio(x); var mean = x.ColumnSums() / x.RowCount; var xc = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean[j]); double total = xc.PointwisePower(2).Enumerate().Sum() / (x.RowCount - 1); return r.Select(v => v * total).ToArray(); } },
    };

    [Fact]
    public void The_explained_variance_checker_accepts_the_reference_solution() =>
        AssertPassed(Week07.CheckExplainedVarianceRatio(Week07Solutions.ExplainedVarianceRatio));

    [Fact]
    public void The_explained_variance_checker_accepts_the_covariance_eigenvalue_route()
    {
        // Any correct method passes: the eigenvalues of the covariance, sorted descending.
        static double[] ViaEigen(Matrix<double> x)
        {
            var mean = x.ColumnSums() / x.RowCount;
            var xc = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean[j]);
            var ev = xc.TransposeThisAndMultiply(xc).Evd(Symmetricity.Symmetric).EigenValues.Select(c => Math.Max(c.Real, 0)).OrderDescending()
                .Take(Math.Min(x.RowCount, x.ColumnCount)).ToArray();
            return ev.Select(v => v / ev.Sum()).ToArray();
        }
        AssertPassed(Week07.CheckExplainedVarianceRatio(ViaEigen));
    }

    [Theory]
    [MemberData(nameof(WrongRatios))]
    public void The_explained_variance_checker_rejects_a_wrong_answer(string mistake, Func<Matrix<double>, double[]> f) =>
        AssertRejected(mistake, Week07.CheckExplainedVarianceRatio(f));

    // ---- Exercise 2: k-means++ probabilities ----

    public static TheoryData<string, Func<double[][], double[][], double[]>> WrongProbabilities() => new()
    {
        // D instead of D².
        { "distance, not squared", (p, c) => { var d = p.Select(x => c.Min(m => Math.Sqrt(x.Zip(m, (a, b) => (a - b) * (a - b)).Sum()))).ToArray(); return d.Select(v => v / d.Sum()).ToArray(); } },
        // Deterministic farthest point (the "furthest-first" heuristic) as a one-hot vector.
        { "farthest point with probability 1", (p, c) => { var r = Week07Solutions.PlusPlusProbabilities(p, c); int i = Array.IndexOf(r, r.Max()); return r.Select((_, j) => j == i ? 1.0 : 0.0).ToArray(); } },
        // Distance to the first centre only, not to the nearest.
        { "first centre only", (p, c) => Week07Solutions.PlusPlusProbabilities(p, [c[0]]) },
        // Uniform over the points not yet chosen.
        { "uniform", (p, c) => p.Select(_ => 1.0 / p.Length).ToArray() },
    };

    [Fact]
    public void The_plus_plus_checker_accepts_the_reference_solution() =>
        AssertPassed(Week07.CheckPlusPlusProbabilities(Week07Solutions.PlusPlusProbabilities));

    [Theory]
    [MemberData(nameof(WrongProbabilities))]
    public void The_plus_plus_checker_rejects_a_wrong_answer(string mistake, Func<double[][], double[][], double[]> f) =>
        AssertRejected(mistake, Week07.CheckPlusPlusProbabilities(f));

    // ---- Exercise 3: silhouette samples ----

    public static TheoryData<string, Func<double[][], int[], double[]>> WrongSilhouettes() => new()
    {
        // a includes the point itself (divides by the cluster size, with a zero distance).
        { "self included in a", (p, l) => Silhouette(p, l, includeSelf: true, singletonZero: true, nearestOther: true) },
        // b over the farthest other cluster instead of the nearest.
        { "b = farthest cluster", (p, l) => Silhouette(p, l, includeSelf: false, singletonZero: true, nearestOther: false) },
        // A singleton gets (b − 0)/b = 1 instead of 0.
        { "singleton scored 1", (p, l) => Silhouette(p, l, includeSelf: false, singletonZero: false, nearestOther: true) },
        // Divided by b instead of max(a, b).
        { "divide by b", (p, l) => { var s = Week07Solutions.SilhouetteSamples(p, l); return s.Select(v => v < 0 ? v * 2 : v).ToArray(); } },
    };

    [Fact]
    public void The_silhouette_checker_accepts_the_reference_solution() =>
        AssertPassed(Week07.CheckSilhouetteSamples(Week07Solutions.SilhouetteSamples));

    [Theory]
    [MemberData(nameof(WrongSilhouettes))]
    public void The_silhouette_checker_rejects_a_wrong_answer(string mistake, Func<double[][], int[], double[]> f) =>
        AssertRejected(mistake, Week07.CheckSilhouetteSamples(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week07.CheckExplainedVarianceRatio(_ => throw new NotImplementedException()));
        AssertNotAttempted(Week07.CheckPlusPlusProbabilities((_, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week07.CheckSilhouetteSamples((_, _) => throw new NotImplementedException()));
    }

    private static double[] Silhouette(double[][] p, int[] l, bool includeSelf, bool singletonZero, bool nearestOther)
    {
        double D(int i, int j) => Math.Sqrt(p[i].Zip(p[j], (a, b) => (a - b) * (a - b)).Sum());
        return Enumerable.Range(0, p.Length).Select(i =>
        {
            var own = Enumerable.Range(0, p.Length).Where(j => l[j] == l[i] && (includeSelf || j != i)).ToArray();
            if (own.Length == 0 || (own.Length == 1 && includeSelf)) { if (singletonZero) return 0.0; }
            double a = own.Length == 0 ? 0 : own.Average(j => D(i, j));
            var others = l.Distinct().Where(c => c != l[i]).Select(c => Enumerable.Range(0, p.Length).Where(j => l[j] == c).Average(j => D(i, j)));
            double b = nearestOther ? others.Min() : others.Max();
            return (b - a) / Math.Max(a, b);
        }).ToArray();
    }
}
