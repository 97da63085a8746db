using MlCourse.Core.Validation;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Losses;
using MlCourse.Core.Schedules;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Checkers for the exercises of week 1 (week01-ml-fundamentals.ipynb, section 9 "Exercises").
/// Each takes the learner's function and returns a <see cref="CheckResult"/>; end the checker
/// cell with <c>.Show()</c>. Reference solutions: <see cref="Week01Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from two independent places: small cases worked out by hand (the
/// arithmetic is in the comments, so a learner can redo it), and the course library, whose
/// own tests compare it with finite differences and scikit-learn. A learner whose answer is
/// right only on the hand cases (hard-coded, or wrong in a way small numbers hide) still fails
/// the seeded random cases.
/// </remarks>
public static class Week01
{
    /// <summary>Exercise 1: ∂L/∂w and ∂L/∂b of L(w, b) = (1/n)‖Xw + b − y‖².</summary>
    public static CheckResult CheckMseGradient(Func<Matrix<double>, Vector<double>, Vector<double>, double, LinearGradient> gradient)
    {
        Guard.NotNull(gradient, nameof(gradient));
        return Exercise.Check("Exercise 1: the gradient of the MSE", c =>
        {
            // By hand: r = Xw + b − y = [0.5 − 2 + 0.5 − 1, 1.5 − 4 + 0.5 − 2] = [−2, −4];
            // Xᵀr = [1·(−2) + 3·(−4), 2·(−2) + 4·(−4)] = [−14, −20]; 2/n = 1, so ∂L/∂w = [−14, −20];
            // ∂L/∂b = (2/n)·Σr = −6.
            var x = M(new double[,] { { 1, 2 }, { 3, 4 } });
            c.Given("X = [[1, 2], [3, 4]], y = [1, 2], w = [0.5, -1], b = 0.5");
            var g = gradient(x, V(1, 2), V(0.5, -1), 0.5);
            c.Close("dL/dw", g.W, V(-14, -20), 1e-9);
            c.Close("dL/db", g.B, -6, 1e-9);

            // y = Xw + b exactly: every residual is 0, so the gradient is 0 (a minimum of the loss).
            c.Given("X = [[1, 0], [0, 1], [1, 1]], w = [2, -1], b = 3, y = Xw + b = [5, 2, 4] (a perfect fit)");
            g = gradient(M(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }), V(5, 2, 4), V(2, -1), 3);
            c.Close("dL/dw at a perfect fit", g.W, V(0, 0), 1e-9);
            c.Close("dL/db at a perfect fit", g.B, 0, 1e-9);

            // A larger seeded case, against the library's tested gradient: catches a 1/n that is
            // right only when n = 2, and transposes that happen to fit a square X.
            var (xr, yr, wr) = RandomProblem(rows: 25, columns: 3, seed: 11);
            const double br = -0.7;
            var expected = LinearModelGradient.MeanSquaredError(xr, yr, wr, br);
            c.Given("a seeded random problem: X 25x3, y 25, w 3, b = -0.7");
            g = gradient(xr, yr, wr, br);
            c.Close("dL/dw", g.W, expected.W, 1e-8);
            c.Close("dL/db", g.B, expected.B, 1e-8);
        });
    }

    /// <summary>Exercise 2: the soft-threshold S(z, γ) = sign(z)·max(|z| − γ, 0).</summary>
    public static CheckResult CheckSoftThreshold(Func<double, double, double> softThreshold)
    {
        Guard.NotNull(softThreshold, nameof(softThreshold));
        return Exercise.Check("Exercise 2: the soft-threshold", c =>
        {
            // Each case by hand from the definition; together they cover both signs outside the
            // interval, inside it, its edges, and γ = 0 (no penalty: the identity).
            (double Z, double Gamma, double Expected, string Why)[] cases =
            [
                (3.0, 1.0, 2.0, "outside the interval: move towards 0 by gamma"),
                (-3.0, 1.0, -2.0, "negative side: move towards 0 by gamma"),
                (0.4, 1.0, 0.0, "inside [-gamma, gamma]: exactly 0"),
                (-0.4, 1.0, 0.0, "inside [-gamma, gamma]: exactly 0"),
                (1.0, 1.0, 0.0, "on the edge |z| = gamma: 0"),
                (-1.0, 1.0, 0.0, "on the edge |z| = gamma: 0"),
                (1.25, 0.25, 1.0, "outside the interval: move towards 0 by gamma"),
                (2.5, 0.0, 2.5, "gamma = 0 leaves z unchanged"),
                (-2.5, 0.0, -2.5, "gamma = 0 leaves z unchanged"),
                (0.0, 0.5, 0.0, "z = 0 stays 0"),
            ];
            foreach (var (z, gamma, expected, why) in cases)
            {
                c.Given($"z = {z}, gamma = {gamma} ({why})");
                c.Close($"S({z}, {gamma})", softThreshold(z, gamma), expected, 1e-12);
            }
        });
    }

    /// <summary>Exercise 3: step decay, η_t = initial · factor^⌊epoch / everyEpochs⌋.</summary>
    public static CheckResult CheckStepDecay(Func<double, double, int, int, double> stepDecay)
    {
        Guard.NotNull(stepDecay, nameof(stepDecay));
        return Exercise.Check("Exercise 3: a step-decay learning-rate schedule", c =>
        {
            // By hand, initial 0.1, factor 0.5, every 10 epochs: epochs 0-9 use 0.1, 10-19 use 0.05,
            // 20-29 use 0.025, 30-39 use 0.0125. The edges (9, 10, 19, 20) catch an off-by-one and a
            // continuous exponent (0.5^0.9 ≠ 1).
            (int Epoch, double Expected)[] handCases = [(0, 0.1), (1, 0.1), (9, 0.1), (10, 0.05), (19, 0.05), (20, 0.025), (35, 0.0125)];
            c.Given("initial = 0.1, factor = 0.5, everyEpochs = 10");
            foreach (var (epoch, expected) in handCases)
                c.Close($"rate at epoch {epoch}", stepDecay(0.1, 0.5, 10, epoch), expected, 1e-12);

            // initial 2, factor 0.1, every 3: ⌊7/3⌋ = 2 drops, 2·0.1² = 0.02; every = 1 drops every epoch.
            c.Given("initial = 2, factor = 0.1, everyEpochs = 3");
            c.Close("rate at epoch 7", stepDecay(2.0, 0.1, 3, 7), 0.02, 1e-12);
            c.Given("initial = 1, factor = 0.5, everyEpochs = 1");
            c.Close("rate at epoch 4", stepDecay(1.0, 0.5, 1, 4), 0.0625, 1e-12);

            // The whole schedule for 60 epochs against the library's StepDecay (PyTorch's StepLR rule).
            var library = new StepDecay(0.3, 0.7, 7);
            var expectedRates = Enumerable.Range(0, 60).Select(library.Rate).ToArray();
            c.Given("initial = 0.3, factor = 0.7, everyEpochs = 7, epochs 0 to 59");
            c.Close("rates for epochs 0-59", Enumerable.Range(0, 60).Select(e => stepDecay(0.3, 0.7, 7, e)).ToArray(), expectedRates, 1e-12);
        });
    }

    /// <summary>Exercise 4: least squares w minimising ‖y − Xw‖² by solving the normal equations XᵀX w = Xᵀy.</summary>
    public static CheckResult CheckNormalEquation(Func<Matrix<double>, Vector<double>, Vector<double>> solve)
    {
        Guard.NotNull(solve, nameof(solve));
        return Exercise.Check("Exercise 4: solve the normal equations", c =>
        {
            // By hand: XᵀX = [[2, 1], [1, 2]], Xᵀy = [1 + 4, 2 + 4] = [5, 6]. The inverse of XᵀX is
            // (1/3)[[2, −1], [−1, 2]], so w = (1/3)[10 − 6, −5 + 12] = [4/3, 7/3]. Three equations, two
            // unknowns, no exact solution (4/3 + 7/3 = 11/3 ≠ 4): a solver that uses only the first two
            // rows returns [1, 2] and fails.
            c.Given("X = [[1, 0], [0, 1], [1, 1]], y = [1, 2, 4]");
            var w = solve(M(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }), V(1, 2, 4));
            if (!c.Close("w", w, V(4.0 / 3.0, 7.0 / 3.0), 1e-9)) return;

            // A seeded 40x4 problem against the library's QR least squares (tested against scikit-learn),
            // and the defining property: the residual is orthogonal to every column, Xᵀ(y − Xw) = 0.
            var (x, y, _) = RandomProblem(rows: 40, columns: 4, seed: 5);
            var expected = new LinearRegression(fitIntercept: false, solver: LeastSquaresSolver.Qr).Fit(x, y).Coefficients;
            c.Given("a seeded random problem: X 40x4, y 40");
            w = solve(x, y);
            if (!c.Close("w", w, expected, 1e-8)) return;
            c.Close("X^T (y - Xw), the residual against every column", x.TransposeThisAndMultiply(y - x * w), V(0, 0, 0, 0), 1e-8);
        });
    }

    private static (Matrix<double> X, Vector<double> Y, Vector<double> W) RandomProblem(int rows, int columns, int seed)
    {
        var rng = Seeded.Random(seed);
        var x = Matrix<double>.Build.Dense(rows, columns, (_, _) => rng.NextGaussian());
        var y = SeededVector.Draw(rows, rng.NextGaussian);
        var w = SeededVector.Draw(columns, rng.NextGaussian);
        return (x, y, w);
    }

    private static Matrix<double> M(double[,] values) => Matrix<double>.Build.DenseOfArray(values);
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
}
