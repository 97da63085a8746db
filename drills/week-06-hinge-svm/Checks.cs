// Hidden checks for the drill "Train a linear SVM by sub-gradient descent on the hinge loss", run by
// `course drill check` against the learner's file (format: docs/drills.md). Base class library only.
// Every expected value is worked out by hand next to its check (1-D problems whose optimum is known).
using DrillHarness;
using Drills.Week06;

internal static class DrillChecks
{
    // 1-D, symmetric about 0: negatives at −2, −1, positives at +1, +2.
    private static readonly double[][] Line = [[-2], [-1], [1], [2]];
    private static readonly int[] LineY = [-1, -1, 1, 1];
    // The same points shifted by +5: the optimum needs an intercept b = −5·w.
    private static readonly double[][] Shifted = [[3], [4], [6], [7]];

    public static void Define(CheckList checks)
    {
        // f = 1, −1, 0 → y f = 1, 1, 0 → hinge 0, 0, 1 (the first two sit exactly on the margin).
        // P = 0.5/2·(1 + 1) + (0 + 0 + 1)/3 = 0.5 + 1/3.
        checks.Add("objective by hand, points on the margin pay nothing", "x = (1,0), (0,1), (2,2); y = +1, −1, +1; w = (1, −1), b = 0, λ = 0.5", () =>
            Expect.Near(0.5 + 1.0 / 3, HingeSvmDrill.Objective([[1, 0], [0, 1], [2, 2]], [1, -1, 1], [1, -1], 0, 0.5), 1e-12));

        // For w ≥ 1 every y f ≥ 1, so P = λw²/2, smallest at w = 1; for 1/2 ≤ w < 1, P = λw²/2 + (1 − w)/2 falls
        // while λw < 1/2. With λ = 0.1 the optimum is w = 1, b = 0 (symmetry), P* = 0.05.
        checks.Add("reaches the optimum of a separable 1-D problem", "x = −2, −1, 1, 2; y = −1, −1, +1, +1; λ = 0.1, 2000 epochs: P* = 0.05 at w = 1, b = 0", () =>
        {
            var (w, b) = HingeSvmDrill.Fit(Line, LineY, 0.1, 2000);
            return Expect.Near([1.0, 0.0, 0.05], [w[0], b, HingeSvmDrill.Objective(Line, LineY, w, b, 0.1)], 0.02);
        });

        // λ = 10: for w < 1/2 all four points are active, P = 5w² + (4 − 6w − b·Σy)/4 with Σy = 0, so dP/dw = 10w − 1.5 = 0
        // → w* = 0.15, P* = 0.1125 + 3.1/4 = 0.8875. The intercept is not unique here: b drops out of P while every
        // point stays inside the margin (any |b| < 0.7), so the check asserts w and P, not b.
        checks.Add("a large λ shrinks w to its regularised optimum", "same data, λ = 10, 2000 epochs: w* = 0.15, P* = 0.8875 (b* is any value in (−0.7, 0.7))", () =>
        {
            var (w, b) = HingeSvmDrill.Fit(Line, LineY, 10, 2000);
            return Expect.Near([0.15, 0.8875], [w[0], HingeSvmDrill.Objective(Line, LineY, w, b, 10)], 0.01);
        });

        // Four Pegasos steps by hand (λ = 0.1). t = 1: every y f = 0 < 1, so the sub-gradient is −(1/4)Σ y x = −1.5 and
        // η₁ = 1/λ = 10 gives w₁ = 15, b₁ = 0 (Σy = 0). From then on every y f ≥ 1, only λw acts and
        // w_t = w_{t−1}(1 − λη_t) = w_{t−1}(1 − 1/t): w₂ = 7.5, w₃ = 5, w₄ = 3.75. The average of the second half's
        // iterates (steps 3 and 4) is 4.375; the last iterate (no averaging) is 3.75, other steps give other values.
        checks.Add("the step is 1/(λt) and the second half's iterates are averaged", "x = −2, −1, 1, 2; y = −1, −1, +1, +1; λ = 0.1, 4 epochs: w₁..w₄ = 15, 7.5, 5, 3.75, average of w₃ and w₄", () =>
        {
            var (w, b) = HingeSvmDrill.Fit(Line, LineY, 0.1, 4);
            return Expect.Near([4.375, 0.0], [w[0], b], 1e-9);
        });

        // One step moves the intercept too: x = 1, 2, 3, y = −1, +1, +1, λ = 0.1. At t = 1 every point is active, so
        // w₁ = η₁·(1/3)Σ y x = 10·4/3 and b₁ = η₁·(1/3)Σ y = 10/3; with one epoch the "second half" is step 1 alone.
        checks.Add("one step from zero moves w and the intercept by η₁ = 1/λ times the sub-gradient", "x = 1, 2, 3; y = −1, +1, +1; λ = 0.1, 1 epoch: w = 40/3, b = 10/3", () =>
        {
            var (w, b) = HingeSvmDrill.Fit([[1], [2], [3]], [-1, 1, 1], 0.1, 1);
            return Expect.Near([40.0 / 3, 10.0 / 3], [w[0], b], 1e-9);
        });

        // Shifting x by 5 shifts the optimum to b = −5 with the same w = 1 and P* = 0.05 (b is not penalised).
        checks.Add("the intercept is learned and not penalised", "x = 3, 4, 6, 7; y = −1, −1, +1, +1; λ = 0.1, 5000 epochs: P* = 0.05", () =>
        {
            var (w, b) = HingeSvmDrill.Fit(Shifted, LineY, 0.1, 5000);
            return Expect.Near(0.05, HingeSvmDrill.Objective(Shifted, LineY, w, b, 0.1), 0.02);
        });

        checks.Add("predictions are the sign of w·x + b, 0 counting as +1", "w = (2), b = −2; x = 0, 1, 3", () =>
        {
            var p = HingeSvmDrill.Predict([[0], [1], [3]], [2], -2);
            return Expect.That(p.SequenceEqual([-1, 1, 1]), "-1, 1, 1", string.Join(", ", p));
        });

        checks.Add("a label other than ±1 is refused with ArgumentException", "y = 0, 1", () =>
            Expect.Throws<ArgumentException>(() => HingeSvmDrill.Fit([[0], [1]], [0, 1], 0.1, 10)));

        checks.Add("a non-positive λ is refused with ArgumentException", "λ = 0", () =>
            Expect.Throws<ArgumentException>(() => HingeSvmDrill.Fit(Line, LineY, 0, 10)));

        checks.Add("fitting does not modify the inputs", "x = −2, −1, 1, 2; y = −1, −1, +1, +1", () =>
        {
            double[][] x = [[-2], [-1], [1], [2]];
            int[] y = [-1, -1, 1, 1];
            HingeSvmDrill.Fit(x, y, 0.1, 50);
            bool same = x.Select(r => r[0]).SequenceEqual([-2.0, -1, 1, 2]) && y.SequenceEqual([-1, -1, 1, 1]);
            return Expect.That(same, "x and y unchanged", same ? "unchanged" : "changed");
        });
    }
}
