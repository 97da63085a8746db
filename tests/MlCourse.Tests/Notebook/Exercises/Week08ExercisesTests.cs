using MlCourse.Classical.Imputation;
using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 8 checker accepts the reference solution (and the library where it applies), rejects plausible wrong
/// answers, and reports the notebook's unimplemented stub as "not attempted".
/// </summary>
public class Week08ExercisesTests
{
    public static TheoryData<string, Func<double[], double[], double[]>> WrongScaling() => new()
    {
        // Fitting the scaler on the test values: the leak this week is about.
        { "min and max of the test values", (train, test) => Week08Solutions.MinMaxScale(test, test) },
        // Standardising instead of min-max.
        { "z-score", (train, test) => { double m = train.Average(), s = Math.Sqrt(train.Average(v => (v - m) * (v - m))); return test.Select(v => (v - m) / s).ToArray(); } },
        // Clipping to [0, 1] (not what MinMaxScaler does by default).
        { "clipped to [0, 1]", (train, test) => Week08Solutions.MinMaxScale(train, test).Select(v => Math.Clamp(v, 0, 1)).ToArray() },
        // No guard for a constant column: division by zero gives NaN/∞.
        { "constant column not handled", (train, test) => test.Select(v => (v - train.Min()) / (train.Max() - train.Min())).ToArray() },
    };

    public static TheoryData<string, Func<double[], double[], int[], double, double[]>> WrongEncoding() => new()
    {
        // In-sample encoding: each row's own target in its category mean (the leak).
        { "in-sample encoding", (c, y, f, m) => InSample(c, y, m) },
        // Smoothing towards 0 instead of the global mean.
        { "shrinks towards 0", (c, y, f, m) => ShrinkToZero(c, y, f, m) },
        // Global mean of all rows (including the row's own fold) as the prior and for unseen categories.
        { "global mean over all rows", (c, y, f, m) => GlobalMeanAllRows(c, y, f, m) },
    };

    [Fact]
    public void The_min_max_checker_accepts_the_reference_solution() => AssertPassed(Week08.CheckMinMaxScale(Week08Solutions.MinMaxScale));

    [Theory]
    [MemberData(nameof(WrongScaling))]
    public void The_min_max_checker_rejects_a_wrong_answer(string mistake, Func<double[], double[], double[]> f) =>
        AssertRejected(mistake, Week08.CheckMinMaxScale(f));

    [Fact]
    public void The_target_encoding_checker_accepts_the_reference_solution() =>
        AssertPassed(Week08.CheckOutOfFoldTargetEncoding(Week08Solutions.OutOfFoldTargetEncoding));

    [Theory]
    [MemberData(nameof(WrongEncoding))]
    public void The_target_encoding_checker_rejects_a_wrong_answer(string mistake, Func<double[], double[], int[], double, double[]> f) =>
        AssertRejected(mistake, Week08.CheckOutOfFoldTargetEncoding(f));

    [Fact]
    public void The_rubin_checker_accepts_the_reference_solution_and_the_library()
    {
        AssertPassed(Week08.CheckRubinsRules(Week08Solutions.RubinsRules));
        AssertPassed(Week08.CheckRubinsRules((q, u) => { var p = RubinsRules.Pool(q, u); return new PooledResult(p.Estimate, p.Total); }));
    }

    public static TheoryData<string, Func<double[], double[], PooledResult>> WrongPooling() => new()
    {
        // Single-imputation thinking: ignore the between-imputation variance.
        { "T = W", (q, u) => new PooledResult(q.Average(), u.Average()) },
        // Forgetting the (1 + 1/m) factor.
        { "T = W + B", (q, u) => { double m = q.Average(); return new PooledResult(m, u.Average() + q.Sum(v => (v - m) * (v - m)) / (q.Length - 1)); } },
        // Population variance (divide by m) for B.
        { "B divides by m", (q, u) => { double m = q.Average(); return new PooledResult(m, u.Average() + (1 + 1.0 / q.Length) * q.Sum(v => (v - m) * (v - m)) / q.Length); } },
    };

    [Theory]
    [MemberData(nameof(WrongPooling))]
    public void The_rubin_checker_rejects_a_wrong_answer(string mistake, Func<double[], double[], PooledResult> f) =>
        AssertRejected(mistake, Week08.CheckRubinsRules(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week08.CheckMinMaxScale((_, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week08.CheckOutOfFoldTargetEncoding((_, _, _, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week08.CheckRubinsRules((_, _) => throw new NotImplementedException()));
    }

    private static double[] InSample(double[] c, double[] y, double m)
    {
        double g = y.Average();
        return c.Select(cat => { var rows = Enumerable.Range(0, y.Length).Where(i => c[i] == cat).ToArray(); return (rows.Sum(i => y[i]) + m * g) / (rows.Length + m); }).ToArray();
    }

    private static double[] ShrinkToZero(double[] c, double[] y, int[] f, double m) =>
        Enumerable.Range(0, y.Length).Select(i =>
        {
            var rows = Enumerable.Range(0, y.Length).Where(r => f[r] != f[i] && c[r] == c[i]).ToArray();
            return rows.Sum(r => y[r]) / (rows.Length + m);
        }).ToArray();

    private static double[] GlobalMeanAllRows(double[] c, double[] y, int[] f, double m)
    {
        double g = y.Average();
        return Enumerable.Range(0, y.Length).Select(i =>
        {
            var rows = Enumerable.Range(0, y.Length).Where(r => f[r] != f[i] && c[r] == c[i]).ToArray();
            return rows.Length == 0 ? g : (rows.Sum(r => y[r]) + m * g) / (rows.Length + m);
        }).ToArray();
    }
}
