// Hidden checks for the drill "Implement the Adam optimiser", run by `course drill check` against the learner's
// file (format: docs/drills.md). Base class library only. Every expected value is a hand computation written next
// to its check, or a property every correct Adam has.
using DrillHarness;
using Drills.Week03;

internal static class DrillChecks
{
    public static void Define(CheckList checks)
    {
        // Step 1: m̂ = g and v̂ = g² exactly, so Δw = −lr·g/(|g| + ε): lr per coordinate whatever the scale of g.
        checks.Add("the first step is lr times the sign of the gradient", "lr = 0.1, w = [1, 1, 1], g = [1000, -0.5, 0.001]", () =>
        {
            double[] w = [1, 1, 1];
            new AdamDrill(lr: 0.1).Step(w, [1000, -0.5, 0.001]);
            return Expect.Near([1 - 0.1 * 1000 / (1000 + 1e-8), 1 + 0.1 * 0.5 / (0.5 + 1e-8), 1 - 0.1 * 0.001 / (0.001 + 1e-8)], w, 1e-12);
        });

        // β₁ = 0.9, β₂ = 0.999, ε = 0, g = 1 then 3 from w = 0. Step 1: −0.1. Step 2: m = 0.09 + 0.3 = 0.39, m̂ = 0.39/0.19;
        // v = 0.000999 + 0.009 = 0.009999, v̂ = 0.009999/0.001999; w = −0.1 − 0.1·m̂/√v̂.
        checks.Add("two steps match a hand computation", "lr = 0.1, eps = 0, w = [0], g = [1] then [3]", () =>
        {
            double[] w = [0];
            var adam = new AdamDrill(lr: 0.1, eps: 0);
            adam.Step(w, [1]);
            adam.Step(w, [3]);
            return Expect.Near(-0.1 - 0.1 * (0.39 / 0.19) / Math.Sqrt(0.009999 / 0.001999), w[0], 1e-12);
        });

        // Under a constant gradient, m_t = (1 − β₁ᵗ)g and v_t = (1 − β₂ᵗ)g², so the corrected m̂ = g, v̂ = g² at every
        // step and every step is exactly −lr·sign(g) (ε = 0): after 50 steps w = −50·lr.
        checks.Add("a constant gradient gives 50 equal steps of lr", "lr = 0.01, eps = 0, g = [2.5] fifty times from w = [0]", () =>
        {
            double[] w = [0];
            var adam = new AdamDrill(lr: 0.01, eps: 0);
            for (int t = 0; t < 50; t++) adam.Step(w, [2.5]);
            return Expect.Near(-0.5, w[0], 1e-10);
        });

        checks.Add("each instance keeps its own state", "two optimisers, one stepped three times, one once", () =>
        {
            double[] a = [0], b = [0];
            var first = new AdamDrill(lr: 0.1, eps: 0);
            var second = new AdamDrill(lr: 0.1, eps: 0);
            for (int t = 0; t < 3; t++) first.Step(a, [1]);
            second.Step(b, [1]);
            return Expect.Near(-0.1, b[0], 1e-12);    // a fresh optimiser's first step, whatever the other one did
        });

        // f(w) = Σ (i+1)·w_i², gradient 2(i+1)w_i; Adam with lr 0.01 settles within about lr of the minimum 0.
        checks.Add("it minimises a quadratic", "f(w) = w0² + 2·w1² + 3·w2², lr = 0.01, 3000 steps from [1, -1, 2]", () =>
        {
            double[] w = [1, -1, 2];
            var adam = new AdamDrill(lr: 0.01);
            for (int t = 0; t < 3000; t++) adam.Step(w, [2 * w[0], 4 * w[1], 6 * w[2]]);
            return Expect.Near([0.0, 0.0, 0.0], w, 0.02);
        });

        checks.Add("different lengths are refused with ArgumentException", "w = [1, 2], g = [1]", () =>
            Expect.Throws<ArgumentException>(() => new AdamDrill().Step([1, 2], [1])));
    }
}
