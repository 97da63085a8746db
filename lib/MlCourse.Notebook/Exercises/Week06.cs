using MlCourse.Core.Validation;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>The learner's answer to exercise 2: the interval [Low, High] that α_j may take in one SMO pair step.</summary>
public sealed record SmoBounds(double Low, double High);

/// <summary>The learner's answer to exercise 3: the primal objective and one sub-gradient (w part, b part).</summary>
public sealed record HingeResult(double Objective, double[] GradW, double GradB);

/// <summary>
/// Checkers for the exercises of week 6 (week06-svm-kernels.ipynb, section 12 "Exercises"). Each takes the learner's
/// function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>.
/// Reference solutions: <see cref="Week06Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from cases worked out by hand (arithmetic in the comments), from the course library's tested
/// kernels and hinge loss (<see cref="RbfKernel"/>, <see cref="HingeLoss"/>), and from the box geometry of SMO.
/// </remarks>
public static class Week06
{
    /// <summary>Exercise 1: the RBF Gram matrix K_ij = exp(−γ‖x_i − x_j‖²).</summary>
    public static CheckResult CheckRbfGram(Func<double[][], double, double[,]> gram)
    {
        Guard.NotNull(gram, nameof(gram));
        return Exercise.Check("Exercise 1: the RBF Gram matrix", c =>
        {
            // By hand: x0 = (0, 0), x1 = (1, 0), x2 = (1, 2). ‖x0 − x1‖² = 1, ‖x0 − x2‖² = 5, ‖x1 − x2‖² = 4; γ = 0.5:
            // K01 = e^−0.5, K02 = e^−2.5, K12 = e^−2, diagonal e^0 = 1.
            c.Given("rows (0, 0), (1, 0), (1, 2), gamma = 0.5");
            var k = gram([[0, 0], [1, 0], [1, 2]], 0.5);
            if (c.True("a 3 x 3 matrix was returned", k is not null && k.GetLength(0) == 3 && k.GetLength(1) == 3))
            {
                var expected = Matrix<double>.Build.DenseOfArray(new double[,]
                {
                    { 1, Math.Exp(-0.5), Math.Exp(-2.5) }, { Math.Exp(-0.5), 1, Math.Exp(-2) }, { Math.Exp(-2.5), Math.Exp(-2), 1 },
                });
                c.Close("K", Matrix<double>.Build.DenseOfArray(k!), expected, 1e-12);
            }
            // Seeded random rows against the library's RBF kernel: symmetric, unit diagonal, every entry in (0, 1].
            var rng = Seeded.Random(61);
            foreach (var (n, d, gamma) in new[] { (6, 4, 0.3), (5, 1, 2.0), (8, 3, 0.01) })
            {
                var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
                c.Given($"{n} random rows of {d} features, gamma = {gamma}");
                var result = gram(rows, gamma);
                if (!c.True($"a {n} x {n} matrix was returned", result is not null && result.GetLength(0) == n && result.GetLength(1) == n)) continue;
                var expected = new RbfKernel(gamma).Gram(Matrix<double>.Build.DenseOfRowArrays(rows));
                c.Close("K", Matrix<double>.Build.DenseOfArray(result!), expected, 1e-12);
            }
        });
    }

    /// <summary>Exercise 2: Platt's bounds [L, H] for α_j along y_i α_i + y_j α_j = const inside [0, C]².</summary>
    public static CheckResult CheckSmoBounds(Func<double, double, double, double, double, SmoBounds> bounds)
    {
        Guard.NotNull(bounds, nameof(bounds));
        return Exercise.Check("Exercise 2: where can the SMO pair move?", c =>
        {
            // Different labels: α_j − α_i = const = 0.5 − 0.2 = 0.3. Along the line α_j = α_i + 0.3 with α_i ∈ [0, 1]:
            // α_j ∈ [0.3, 1.3] ∩ [0, 1] = [0.3, 1].
            Case(c, bounds, 0.2, 0.5, 1, -1, 1.0, 0.3, 1.0);
            // Different labels, α_i > α_j: α_j = α_i − 0.6 with α_i ∈ [0, 2]: α_j ∈ [−0.6, 1.4] ∩ [0, 2] = [0, 1.4].
            Case(c, bounds, 0.9, 0.3, -1, 1, 2.0, 0.0, 1.4);
            // Same labels: α_i + α_j = 1.5 with C = 1: α_j = 1.5 − α_i, α_i ∈ [0, 1] ⇒ α_j ∈ [0.5, 1].
            Case(c, bounds, 0.7, 0.8, 1, 1, 1.0, 0.5, 1.0);
            // Same labels, small sum: α_i + α_j = 0.4 with C = 5: α_j ∈ [0, 0.4].
            Case(c, bounds, 0.1, 0.3, -1, -1, 5.0, 0.0, 0.4);
            // Property on seeded cases: both ends of the segment (α_j = L and α_j = H, α_i from the line) lie in the box,
            // and one step beyond either end leaves it.
            var rng = Seeded.Random(62);
            for (int trial = 0; trial < 20; trial++)
            {
                double cBox = 0.5 + 3 * rng.NextDouble(), ai = cBox * rng.NextDouble(), aj = cBox * rng.NextDouble();
                double yi = rng.Next(2) == 0 ? -1 : 1, yj = rng.Next(2) == 0 ? -1 : 1;
                var r = Week06Solutions.SmoBounds(ai, aj, yi, yj, cBox);
                Case(c, bounds, ai, aj, yi, yj, cBox, r.Low, r.High);
            }
        });
    }

    private static void Case(Checker c, Func<double, double, double, double, double, SmoBounds> bounds,
        double ai, double aj, double yi, double yj, double cBox, double low, double high)
    {
        c.Given($"alpha_i = {ai:G4}, alpha_j = {aj:G4}, y_i = {yi}, y_j = {yj}, C = {cBox:G4}");
        var r = bounds(ai, aj, yi, yj, cBox);
        if (!c.True("a result was returned", r is not null)) return;
        c.Close("L", r!.Low, low, 1e-12);
        c.Close("H", r.High, high, 1e-12);
    }

    /// <summary>Exercise 3: P(w, b) = ½‖w‖² + C Σ max(0, 1 − y_i(wᵀx_i + b)) and its sub-gradient, labels ±1.</summary>
    public static CheckResult CheckHinge(Func<double[][], double[], double[], double, double, HingeResult> hinge)
    {
        Guard.NotNull(hinge, nameof(hinge));
        return Exercise.Check("Exercise 3: hinge-loss objective and sub-gradient", c =>
        {
            // By hand: rows (1, 0) y = +1, (0, 1) y = −1, (2, 2) y = +1; w = (1, −1), b = 0, C = 2.
            // f = 1, −1, 0; y f = 1, 1, 0; hinge = 0, 0, 1 (the first two sit exactly on the margin: no loss).
            // P = ½(1 + 1) + 2·1 = 3. Active set {y f < 1} = {row 2}: ∂w = w − C·y_2 x_2 = (1, −1) − 2(2, 2) = (−3, −5);
            // ∂b = −C·y_2 = −2.
            c.Given("rows (1, 0), (0, 1), (2, 2); y = +1, -1, +1; w = (1, -1), b = 0, C = 2");
            var r = hinge([[1, 0], [0, 1], [2, 2]], [1, -1, 1], [1, -1], 0, 2);
            if (c.True("a result was returned", r is not null && r.GradW is not null))
            {
                c.Close("P(w, b)", r!.Objective, 3.0, 1e-12);
                c.Close("gradient with respect to w", r.GradW, new double[] { -3.0, -5.0 }, 1e-12);
                c.Close("gradient with respect to b", r.GradB, -2.0, 1e-12);
            }
            // Seeded data against the library's tested HingeLoss (objective and sub-gradient).
            var rng = Seeded.Random(63);
            foreach (var (n, d) in new[] { (10, 3), (25, 2) })
            {
                var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
                var signs = Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray();
                var w = Enumerable.Range(0, d).Select(_ => rng.NextGaussian()).ToArray();
                double b = 0.3 * rng.NextGaussian(), cPenalty = 0.5 + rng.NextDouble();
                c.Given($"{n} random rows of {d} features, C = {cPenalty:G4}");
                var result = hinge(rows, signs, w, b, cPenalty);
                if (!c.True("a result was returned", result is not null && result.GradW is not null)) continue;
                var x = Matrix<double>.Build.DenseOfRowArrays(rows);
                var y01 = Vector<double>.Build.DenseOfEnumerable(signs.Select(s => s > 0 ? 1.0 : 0.0));
                var wv = Vector<double>.Build.DenseOfArray(w);
                c.Close("P(w, b)", result!.Objective, HingeLoss.PrimalObjective(x, y01, wv, b, cPenalty), 1e-9);
                var (gw, gb) = HingeLoss.Subgradient(x, y01, wv, b, cPenalty);
                c.Close("gradient with respect to w", result.GradW, gw.ToArray(), 1e-9);
                c.Close("gradient with respect to b", result.GradB, gb, 1e-9);
            }
        });
    }
}
