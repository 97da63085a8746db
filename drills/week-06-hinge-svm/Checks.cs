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

        // λ = 10: for w < 1/2 all four points are active, P = 5w² + (4 − 6w)/4, dP/dw = 10w − 1.5 = 0 → w = 0.15, b = 0.
        checks.Add("a large λ shrinks w to its regularised optimum", "same data, λ = 10, 2000 epochs: w* = 0.15, b* = 0", () =>
        {
            var (w, b) = HingeSvmDrill.Fit(Line, LineY, 10, 2000);
            return Expect.Near([0.15, 0.0], [w[0], b], 0.01);
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
