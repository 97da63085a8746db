using MlCourse.Notebook;
using MlCourse.Notebook.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.Tests.Notebook.Exercises;

/// <summary>
/// Every week 6 checker accepts the reference solution, rejects plausible wrong answers, and reports the notebook's
/// unimplemented stub as "not attempted".
/// </summary>
public class Week06ExercisesTests
{
    // ---- Exercise 1: RBF Gram matrix ----

    public static TheoryData<string, Func<double[][], double, double[,]>> WrongGrams() => new()
    {
        // Distance instead of squared distance.
        { "exp(-gamma ||a - b||)", (x, g) => Map(Week06Solutions.RbfGram(x, g), v => v == 1 ? 1 : Math.Exp(-Math.Sqrt(-Math.Log(v) / g) * g)) },
        // Sign slip: exp(+gamma d²) grows with distance.
        { "exp(+gamma d^2)", (x, g) => Map(Week06Solutions.RbfGram(x, g), v => 1 / v) },
        // Gamma read as a length scale: exp(−d²/γ).
        { "exp(-d^2 / gamma)", (x, g) => Map(Week06Solutions.RbfGram(x, g), v => Math.Exp(Math.Log(v) / (g * g))) },
        // The linear kernel.
        { "linear kernel", (x, g) => { var k = new double[x.Length, x.Length]; for (int i = 0; i < x.Length; i++) for (int j = 0; j < x.Length; j++) k[i, j] = x[i].Zip(x[j], (a, b) => a * b).Sum(); return k; } },
    };

    [Fact]
    public void The_rbf_gram_checker_accepts_the_reference_solution() => AssertPassed(Week06.CheckRbfGram(Week06Solutions.RbfGram));

    [Theory]
    [MemberData(nameof(WrongGrams))]
    public void The_rbf_gram_checker_rejects_a_wrong_answer(string mistake, Func<double[][], double, double[,]> f) =>
        AssertRejected(mistake, Week06.CheckRbfGram(f));

    // ---- Exercise 2: SMO bounds ----

    public static TheoryData<string, Func<double, double, double, double, double, SmoBounds>> WrongBounds() => new()
    {
        // The two label cases swapped.
        { "cases swapped", (ai, aj, yi, yj, c) => Week06Solutions.SmoBounds(ai, aj, -yi, yj, c) },
        // No clipping to the box: the raw line ends.
        { "no clipping to [0, C]", (ai, aj, yi, yj, c) => yi != yj ? new SmoBounds(aj - ai, c + aj - ai) : new SmoBounds(ai + aj - c, ai + aj) },
        // The whole box, ignoring the equality constraint.
        { "[0, C] always", (ai, aj, yi, yj, c) => new SmoBounds(0, c) },
        // α_i and α_j swapped in the different-label case.
        { "alpha_i - alpha_j", (ai, aj, yi, yj, c) => Week06Solutions.SmoBounds(aj, ai, yi, yj, c) },
    };

    [Fact]
    public void The_smo_bounds_checker_accepts_the_reference_solution() => AssertPassed(Week06.CheckSmoBounds(Week06Solutions.SmoBounds));

    [Theory]
    [MemberData(nameof(WrongBounds))]
    public void The_smo_bounds_checker_rejects_a_wrong_answer(string mistake, Func<double, double, double, double, double, SmoBounds> f) =>
        AssertRejected(mistake, Week06.CheckSmoBounds(f));

    // ---- Exercise 3: hinge loss and sub-gradient ----

    public static TheoryData<string, Func<double[][], double[], double[], double, double, HingeResult>> WrongHinge() => new()
    {
        // Points exactly on the margin (y f = 1) counted as active: y f ≤ 1 instead of < 1.
        { "y f <= 1 counted", (x, y, w, b, c) => Active(x, y, w, b, c, (yf) => yf <= 1) },
        // Every point contributes, hinge forgotten (a linear loss).
        { "no max(0, .)", (x, y, w, b, c) => Active(x, y, w, b, c, _ => true) },
        // Regulariser gradient missing.
        { "no w in the gradient", (x, y, w, b, c) => { var r = Week06Solutions.Hinge(x, y, w, b, c); return r with { GradW = r.GradW.Zip(w, (g, wj) => g - wj).ToArray() }; } },
        // C not applied to the loss.
        { "C ignored", (x, y, w, b, c) => Week06Solutions.Hinge(x, y, w, b, 1.0) },
    };

    [Fact]
    public void The_hinge_checker_accepts_the_reference_solution() => AssertPassed(Week06.CheckHinge(Week06Solutions.Hinge));

    [Theory]
    [MemberData(nameof(WrongHinge))]
    public void The_hinge_checker_rejects_a_wrong_answer(string mistake, Func<double[][], double[], double[], double, double, HingeResult> f) =>
        AssertRejected(mistake, Week06.CheckHinge(f));

    [Fact]
    public void Every_checker_reports_the_stub_as_not_attempted()
    {
        AssertNotAttempted(Week06.CheckRbfGram((_, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week06.CheckSmoBounds((_, _, _, _, _) => throw new NotImplementedException()));
        AssertNotAttempted(Week06.CheckHinge((_, _, _, _, _) => throw new NotImplementedException()));
    }

    private static HingeResult Active(double[][] x, double[] y, double[] w, double b, double c, Func<double, bool> active)
    {
        double loss = 0, gb = 0;
        var gw = (double[])w.Clone();
        for (int i = 0; i < x.Length; i++)
        {
            double f = b + x[i].Zip(w, (a, wj) => a * wj).Sum();
            if (!active(y[i] * f)) continue;
            loss += 1 - y[i] * f;
            for (int j = 0; j < w.Length; j++) gw[j] -= c * y[i] * x[i][j];
            gb -= c * y[i];
        }
        return new HingeResult(0.5 * w.Sum(v => v * v) + c * loss, gw, gb);
    }

    private static double[,] Map(double[,] k, Func<double, double> f)
    {
        var r = new double[k.GetLength(0), k.GetLength(1)];
        for (int i = 0; i < k.GetLength(0); i++) for (int j = 0; j < k.GetLength(1); j++) r[i, j] = f(k[i, j]);
        return r;
    }
}
