using MlCourse.Core.Validation;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Checkers for the exercises of week 2 (week02-linear-models.ipynb, section 9 "Exercises"). Each takes the
/// learner's function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>.
/// Reference solutions: <see cref="Week02Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from small cases worked out by hand (arithmetic in the comments) and from the course
/// library, whose tests compare it with finite differences and scikit-learn. Seeded random cases catch answers
/// that are right only on the hand cases.
/// </remarks>
public static class Week02
{
    /// <summary>Exercise 1: log σ(z), finite and accurate for every finite z.</summary>
    public static CheckResult CheckLogSigmoid(Func<double, double> logSigmoid)
    {
        Guard.NotNull(logSigmoid, nameof(logSigmoid));
        return Exercise.Check("Exercise 1: a numerically stable log-sigmoid", c =>
        {
            // By hand: σ(0) = ½, so log σ(0) = −log 2. For z = −1000, σ(z) = e^z/(1 + e^z) and
            // log σ(z) = z − log(1 + e^z) = −1000 − 1e-434.., i.e. −1000 in double. For z = 1000, log σ = −log(1 + e^−1000) = 0.
            c.Given("z = 0");
            c.Close("log σ(0)", logSigmoid(0), -Math.Log(2), 1e-12);
            c.Given("z = -1000 (σ(z) underflows to 0: log of it would be -∞)");
            c.Close("log σ(-1000)", logSigmoid(-1000), -1000, 1e-9);
            c.Given("z = 1000 (e^-z underflows; e^z overflows)");
            c.Close("log σ(1000)", logSigmoid(1000), 0, 1e-12);
            c.Given("z = -745.5 (e^z is below the smallest double)");
            c.Close("log σ(-745.5)", logSigmoid(-745.5), -745.5, 1e-9);
            // A seeded sweep over [−800, 800] against the library's tested Sigmoid.Log.
            var rng = Seeded.Random(4);
            var zs = Enumerable.Range(0, 40).Select(_ => 1600 * rng.NextDouble() - 800).ToArray();
            c.Given("40 seeded logits in [-800, 800]");
            c.Close("log σ(z)", zs.Select(logSigmoid).ToArray(), zs.Select(Sigmoid.Log).ToArray(), 1e-9);
        });
    }

    /// <summary>Exercise 2: ∂L/∂w and ∂L/∂b of the mean binary cross-entropy of σ(Xw + b).</summary>
    public static CheckResult CheckCrossEntropyGradient(Func<Matrix<double>, Vector<double>, Vector<double>, double, LinearGradient> gradient)
    {
        Guard.NotNull(gradient, nameof(gradient));
        return Exercise.Check("Exercise 2: the gradient of the binary cross-entropy", c =>
        {
            // By hand: w = 0, b = 0 gives z = 0 and σ = ½ everywhere, so σ − y = [½ − 1, ½ − 0] = [−½, ½].
            // Xᵀ(σ − y)/n = ([1·(−½) + 3·½]/2, [2·(−½) + 4·½]/2) = (½, ½); ∂L/∂b = (−½ + ½)/2 = 0.
            var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
            c.Given("X = [[1, 2], [3, 4]], y = [1, 0], w = [0, 0], b = 0");
            var g = gradient(x, V(1, 0), V(0, 0), 0);
            c.Close("dL/dw", g.W, V(0.5, 0.5), 1e-9);
            c.Close("dL/db", g.B, 0, 1e-9);

            // Seeded problem against the library's LogisticObjective (tested against finite differences).
            var rng = Seeded.Random(12);
            var xr = Matrix<double>.Build.Dense(30, 3, (_, _) => rng.NextGaussian());
            var yr = SeededVector.Draw(30, () => rng.NextDouble() < 0.5 ? 1.0 : 0.0);
            var wr = SeededVector.Draw(3, rng.NextGaussian);
            const double br = 0.4;
            var expected = new LogisticObjective(xr, yr).Gradient(Vector<double>.Build.DenseOfEnumerable(wr.Append(br)));
            c.Given("a seeded random problem: X 30x3, y 30 labels, w 3, b = 0.4");
            g = gradient(xr, yr, wr, br);
            c.Close("dL/dw", g.W, expected.SubVector(0, 3), 1e-9);
            c.Close("dL/db", g.B, expected[3], 1e-9);
        });
    }

    /// <summary>Exercise 3: log Σ_k e^(z_k) without overflow or underflow.</summary>
    public static CheckResult CheckLogSumExp(Func<Vector<double>, double> logSumExp)
    {
        Guard.NotNull(logSumExp, nameof(logSumExp));
        return Exercise.Check("Exercise 3: a numerically stable log-sum-exp", c =>
        {
            // By hand: log(e^a + e^a) = a + log 2; log(e^0 + e^0 + e^0) = log 3; with one logit far above the
            // others the sum is that logit to double precision.
            (double[] Z, double Expected, string Why)[] cases =
            [
                ([0, 0, 0], Math.Log(3), "three equal logits: log 3"),
                ([1000, 1000], 1000 + Math.Log(2), "e^1000 overflows: the naive sum is ∞"),
                ([-1000, -1000], -1000 + Math.Log(2), "e^-1000 underflows: the naive log is log 0 = -∞"),
                ([1000, -1000], 1000, "subtracting the minimum would overflow: e^2000"),
                ([3.5], 3.5, "a single logit is its own log-sum-exp"),
            ];
            foreach (var (z, expected, why) in cases)
            {
                c.Given($"z = [{string.Join(", ", z)}] ({why})");
                c.Close("logsumexp(z)", logSumExp(V(z)), expected, 1e-9);
            }
            var rng = Seeded.Random(8);
            for (int trial = 0; trial < 5; trial++)
            {
                var z = SeededVector.Draw(6, () => 200 * rng.NextDouble() - 100);
                c.Given($"seeded logits in [-100, 100], trial {trial + 1}");
                c.Close("logsumexp(z)", logSumExp(z.Clone()), SoftmaxFunctions.LogSumExp(z), 1e-9);
            }
        });
    }

    /// <summary>Exercise 4: one Newton step θ − H⁻¹∇L for unpenalised logistic regression on a design with a column of ones.</summary>
    public static CheckResult CheckNewtonStep(Func<Matrix<double>, Vector<double>, Vector<double>, Vector<double>> newtonStep)
    {
        Guard.NotNull(newtonStep, nameof(newtonStep));
        return Exercise.Check("Exercise 4: one Newton (IRLS) step", c =>
        {
            // By hand, one feature plus the ones column, θ = 0: σ = ½, S = ¼·I. Rows (x, 1) = (−1, 1), (1, 1), (2, 1),
            // y = (0, 1, 1). g = X̃ᵀ(σ − y)/3 = ([−1·½ + 1·(−½) + 2·(−½)]/3, [½ − ½ − ½]/3) = (−2/3, −1/6).
            // H = X̃ᵀX̃/(4·3) = [[6, 2], [2, 3]]/12; H⁻¹ = (12/14)[[3, −2], [−2, 6]].
            // −H⁻¹g = −(12/14)(3·(−2/3) − 2·(−1/6), −2·(−2/3) + 6·(−1/6)) = −(12/14)(−5/3, 1/3) = (10/7, −2/7).
            var x = Matrix<double>.Build.DenseOfArray(new double[,] { { -1, 1 }, { 1, 1 }, { 2, 1 } });
            c.Given("X~ = [[-1, 1], [1, 1], [2, 1]] (last column: ones), y = [0, 1, 1], theta = [0, 0]");
            c.Close("theta after one step", newtonStep(x, V(0, 1, 1), V(0, 0)), V(10.0 / 7, -2.0 / 7), 1e-9);

            // Seeded problem from a non-zero θ, against the library's objective (tested gradient and Hessian).
            var rng = Seeded.Random(21);
            var xr = Matrix<double>.Build.Dense(40, 4, (i, j) => j == 3 ? 1.0 : rng.NextGaussian());
            var yr = SeededVector.Draw(40, () => rng.NextDouble() < 0.5 ? 1.0 : 0.0);
            var theta = SeededVector.Draw(4, () => 0.5 * rng.NextGaussian());
            var objective = new LogisticObjective(xr, yr, 0.0, fitIntercept: false);
            var expected = theta - objective.Hessian(theta).Cholesky().Solve(objective.Gradient(theta));
            c.Given("a seeded problem: X~ 40x4 (last column ones), y 40 labels, a random theta");
            c.Close("theta after one step", newtonStep(xr, yr, theta.Clone()), expected, 1e-8);
        });
    }

    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
}
