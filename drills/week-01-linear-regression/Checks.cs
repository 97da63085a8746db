// Hidden checks for the drill "Code linear regression in 20 minutes", run by `course drill check`
// against the learner's file (format: docs/drills.md). Base class library only. Every expected
// value is known without running a reference: exact data, a hand-computed simple regression, or
// a property every least-squares solution has (the normal equations).
using DrillHarness;
using Drills.Week01;

internal static class DrillChecks
{
    public static void Define(CheckList checks)
    {
        // y = 3 x0 - 2 x1 + 5 with no noise: least squares must recover it to rounding.
        double[][] exactX = [[0, 0], [1, 0], [0, 1], [2, 3], [4, 1]];
        double[] exactY = [.. exactX.Select(r => 3 * r[0] - 2 * r[1] + 5)];
        const string exactInputs = "X = [[0,0],[1,0],[0,1],[2,3],[4,1]], y = 3·x0 − 2·x1 + 5 (no noise)";

        checks.Add("closed form recovers an exact line (w0, w1, b)", exactInputs, () =>
        {
            var m = new LinearRegressionDrill().FitClosedForm(exactX, exactY);
            return Expect.Near([3, -2, 5], [.. m.W, m.B], 1e-8);
        });

        checks.Add("Predict uses the weights and the intercept", exactInputs + "; then Predict([7, 8])", () =>
            Expect.Near(3 * 7 - 2 * 8 + 5, new LinearRegressionDrill().FitClosedForm(exactX, exactY).Predict([7, 8]), 1e-8));

        // Hand computation: x̄ = 2.5, ȳ = 4.75, Σ(x−x̄)(y−ȳ) = 9.5, Σ(x−x̄)² = 5, so slope 1.9, intercept 0.
        checks.Add("one feature: slope and intercept of simple regression", "X = [[1],[2],[3],[4]], y = [2, 4, 5, 8]", () =>
        {
            var m = new LinearRegressionDrill().FitClosedForm([[1], [2], [3], [4]], [2, 4, 5, 8]);
            return Expect.Near([1.9, 0.0], [.. m.W, m.B], 1e-9);
        });

        // With noise the solution is not known in advance, but the residuals of any least-squares
        // fit are orthogonal to every column of [X | 1]: Σ r_i x_ij = 0 and Σ r_i = 0.
        var (noisyX, noisyY) = NoisyData(rows: 60, seed: 7);
        checks.Add("closed form satisfies the normal equations on noisy data", "60 rows, 3 features in [-5, 5], y = 1.5·x0 − 0.7·x1 + 2·x2 + 4 + noise (seed 7)", () =>
        {
            var m = new LinearRegressionDrill().FitClosedForm(noisyX, noisyY);
            var orthogonality = new double[4];
            for (int i = 0; i < noisyX.Length; i++)
            {
                double r = noisyY[i] - m.Predict(noisyX[i]);
                for (int j = 0; j < 3; j++) orthogonality[j] += r * noisyX[i][j];
                orthogonality[3] += r;
            }
            return Expect.Near([0, 0, 0, 0], orthogonality, 1e-6);
        });

        // Features in [-1, 1] keep the problem well conditioned, so 5000 epochs at lr = 0.1 reach the exact line.
        var (scaledX, _) = NoisyData(rows: 40, seed: 11, scale: 1);
        double[] scaledY = [.. scaledX.Select(r => 2 * r[0] + 0.5 * r[1] - 1 * r[2] - 1)];
        checks.Add("gradient descent converges to the exact line", "40 rows, 3 features in [-1, 1] (seed 11), y = 2·x0 + 0.5·x1 − x2 − 1, lr = 0.1, epochs = 5000", () =>
        {
            var m = new LinearRegressionDrill().FitGradientDescent(scaledX, scaledY, lr: 0.1, epochs: 5000);
            return Expect.Near([2, 0.5, -1, -1], [.. m.W, m.B], 1e-6);
        });

        // One step from zero weights: θ₁ = −lr·∇MSE(0) = lr·(2/n)·[Σ x_i y_i, Σ y_i] = 0.1·0.5·[57, 19] = [2.85, 0.95].
        // Gradient descent converges whatever positive factor the gradient carries, so only a step shows the 2.
        checks.Add("one gradient step from zero has the factor 2 of the MSE gradient", "X = [[1],[2],[3],[4]], y = [2, 4, 5, 8], lr = 0.1, epochs = 1: (w, b) = lr·(2/n)·(Σ x·y, Σ y)", () =>
        {
            var m = new LinearRegressionDrill().FitGradientDescent([[1], [2], [3], [4]], [2, 4, 5, 8], lr: 0.1, epochs: 1);
            return Expect.Near([2.85, 0.95], [.. m.W, m.B], 1e-12);
        });

        // "No explicit inverse", checked by its effect: on a nearly collinear design (κ(XᵀX) near 10¹³) a
        // solve (elimination, Cholesky, QR) leaves a normal-equation residual at rounding level, while
        // θ = (XᵀX)⁻¹·Xᵀy multiplies the inverse's error by κ: its residual is 10⁻⁹ or so, 20 times over the limit.
        checks.Add("an ill-conditioned design is solved, not inverted (backward-stable residual)", "5 data sets (seeds 2..6), 50 rows: x0, x2 in [-1, 1], x1 = x0 + 10⁻⁶·u; limit ‖Aᵀr‖ ≤ 10⁻¹⁰·(‖A‖²‖θ‖ + ‖A‖‖y‖), A = [X | 1]", () =>
        {
            double worst = 0;
            for (int seed = 2; seed <= 6; seed++)
            {
                var (X, y) = NearlyCollinearData(seed);
                worst = Math.Max(worst, RelativeNormalEquationResidual(X, y, new LinearRegressionDrill().FitClosedForm(X, y)));
            }
            return Expect.That(worst <= 1e-10, "largest relative residual ≤ 1e-10 (a solve: 1e-12 or less; (XᵀX)⁻¹·Xᵀy: about 1e-9)", $"{worst:E2}");
        });

        checks.Add("collinear features are refused with InvalidOperationException", "X = [[1,2],[2,4],[3,6]] (x1 = 2·x0), y = [1, 2, 3]", () =>
            Expect.Throws<InvalidOperationException>(() => new LinearRegressionDrill().FitClosedForm([[1, 2], [2, 4], [3, 6]], [1, 2, 3])));

        checks.Add("fitting does not modify X or y", "the noisy data above, fitted by both methods", () =>
        {
            var xCopy = noisyX.Select(r => r.ToArray()).ToArray();
            var yCopy = noisyY.ToArray();
            new LinearRegressionDrill().FitClosedForm(noisyX, noisyY);
            new LinearRegressionDrill().FitGradientDescent(noisyX, noisyY, lr: 0.01, epochs: 10);
            bool same = yCopy.SequenceEqual(noisyY) && xCopy.Zip(noisyX).All(p => p.First.SequenceEqual(p.Second));
            return Expect.That(same, "X and y unchanged", same ? "unchanged" : "changed");
        });
    }

    private static (double[][] X, double[] y) NearlyCollinearData(int seed)
    {
        var random = new Random(seed);
        var X = new double[50][];
        var y = new double[50];
        for (int i = 0; i < X.Length; i++)
        {
            double t = 2 * random.NextDouble() - 1;
            X[i] = [t, t + 1e-6 * (2 * random.NextDouble() - 1), 2 * random.NextDouble() - 1];
            y[i] = 1 + 2 * X[i][0] - X[i][1] + 0.5 * X[i][2] + 0.1 * (random.NextDouble() - 0.5);
        }
        return (X, y);
    }

    /// <summary>‖Aᵀ(y − Aθ)‖ / (‖A‖²‖θ‖ + ‖A‖‖y‖) with A = [X | 1] (Frobenius and 2-norms): the backward error of the normal equations.</summary>
    private static double RelativeNormalEquationResidual(double[][] X, double[] y, LinearRegressionDrill m)
    {
        double[] theta = [.. m.W, m.B];
        var gradient = new double[theta.Length];
        double normA2 = 0, normY2 = 0;
        for (int i = 0; i < X.Length; i++)
        {
            double r = y[i] - m.Predict(X[i]);
            double[] a = [.. X[i], 1.0];
            for (int j = 0; j < a.Length; j++) { gradient[j] += a[j] * r; normA2 += a[j] * a[j]; }
            normY2 += y[i] * y[i];
        }
        double normA = Math.Sqrt(normA2);
        return Math.Sqrt(gradient.Sum(g => g * g)) / (normA2 * Math.Sqrt(theta.Sum(t => t * t)) + normA * Math.Sqrt(normY2));
    }

    private static (double[][] X, double[] y) NoisyData(int rows, int seed, double scale = 5)
    {
        var random = new Random(seed);
        var X = new double[rows][];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            X[i] = [scale * (2 * random.NextDouble() - 1), scale * (2 * random.NextDouble() - 1), scale * (2 * random.NextDouble() - 1)];
            y[i] = 1.5 * X[i][0] - 0.7 * X[i][1] + 2 * X[i][2] + 4 + (random.NextDouble() - 0.5);
        }
        return (X, y);
    }
}
