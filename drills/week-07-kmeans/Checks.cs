// Hidden checks for the drill "Implement k-means with k-means++ initialisation", run by `course drill check` against the
// learner's file (format: docs/drills.md). Base class library only. Expected values are hand computations written next to
// each check, or properties every correct k-means has.
using DrillHarness;
using Drills.Week07;

internal static class DrillChecks
{
    static double D2(double[] a, double[] b) => a.Zip(b, (u, v) => (u - v) * (u - v)).Sum();

    // Four tight groups of five points at the corners of a 10 x 10 square (offsets ±0.1 on one axis).
    static double[][] Corners() =>
        [.. from c in new[] { (0.0, 0.0), (10.0, 0.0), (0.0, 10.0), (10.0, 10.0) }
            from o in new[] { -0.2, -0.1, 0.0, 0.1, 0.2 }
            select new[] { c.Item1 + o, c.Item2 }];

    public static void Define(CheckList checks)
    {
        // Points 0, 1 and 10, 11 (1-D), centres start at 0 and 11: one step gives centres 0.5 and 10.5, labels 0,0,1,1,
        // inertia 4 · 0.25 = 1.
        checks.Add("Lloyd on a hand case", "x = [0], [1], [10], [11]; initial centres [0], [11]", () =>
        {
            var r = KMeansDrill.Lloyd([[0], [1], [10], [11]], [[0], [11]]);
            return Expect.Near([0.5, 10.5, 0, 0, 1, 1, 1.0], [r.Centers[0][0], r.Centers[1][0], .. r.Labels.Select(v => (double)v), r.Inertia], 1e-12);
        });

        // The third centre is far from every point: the first assignment leaves it empty. Its mean would be 0/0.
        checks.Add("an emptied cluster is re-seeded, never NaN", "x = [0,0], [0.1,0], [5,5], [5.1,5], [10,0], [10.1,0]; centres [0,0], [7,3], [100,100]", () =>
        {
            var r = KMeansDrill.Lloyd([[0, 0], [0.1, 0], [5, 5], [5.1, 5], [10, 0], [10.1, 0]], [[0, 0], [7, 3], [100, 100]]);
            bool finite = r.Centers.All(c => c.All(double.IsFinite));
            int used = r.Labels.Distinct().Count();
            return Expect.That(finite && used == 3, "3 non-empty clusters with finite centres", $"{used} clusters used, centres finite: {finite}");
        });

        checks.Add("inertia and centres are consistent with the labels", "the 20 corner points, k = 4, seed 1", () =>
        {
            var x = Corners();
            var r = KMeansDrill.Fit(x, 4, nInit: 5, seed: 1);
            double inertia = Enumerable.Range(0, x.Length).Sum(i => D2(x[i], r.Centers[r.Labels[i]]));
            bool means = Enumerable.Range(0, 4).All(j => Enumerable.Range(0, 2).All(t =>
                Math.Abs(r.Centers[j][t] - Enumerable.Range(0, x.Length).Where(i => r.Labels[i] == j).Average(i => x[i][t])) < 1e-9));
            return Expect.That(Math.Abs(inertia - r.Inertia) < 1e-9 && means, "inertia = Σ‖x − centre‖² and each centre = mean of its rows",
                $"reported {r.Inertia}, recomputed {inertia}, centres are means: {means}");
        });

        // Each corner group's within-sum of squares is 0.04 + 0.01 + 0 + 0.01 + 0.04 = 0.1, so the optimum is 0.4.
        checks.Add("restarts find the four corners", "the 20 corner points, k = 4, nInit = 10, seed 3", () =>
            Expect.Near(0.4, KMeansDrill.Fit(Corners(), 4, nInit: 10, seed: 3).Inertia, 1e-9));

        checks.Add("k-means++ returns k distinct rows of x", "the 20 corner points, k = 4, Random(5)", () =>
        {
            var x = Corners();
            var c = KMeansDrill.PlusPlusInit(x, 4, new Random(5));
            bool rows = c.Length == 4 && c.All(r => x.Any(p => D2(p, r) == 0));
            bool distinct = c.Select(r => string.Join(",", r)).Distinct().Count() == 4;
            return Expect.That(rows && distinct, "4 distinct rows of x", $"{c.Length} centres, all rows of x: {rows}, distinct: {distinct}");
        });

        // 100 points evenly in [0, 10] and one at 25. After a first centre c in [0, 10], the outlier's share of Σ D² is
        // (25 − c)² / (Σ_cluster (x − c)² + (25 − c)²), between about 0.16 and 0.43: drawn often, but not always. Taking
        // the farthest point picks it every time; a uniform draw about 1% of the time.
        checks.Add("the second centre is drawn ∝ D², not taken as the farthest point", "x = 0, 0.1, ..., 9.9 and 25 (1-D); k = 2; 300 seeds", () =>
        {
            double[][] x = [.. Enumerable.Range(0, 100).Select(i => new[] { i / 10.0 }), [25.0]];
            int outlier = Enumerable.Range(0, 300).Count(s => KMeansDrill.PlusPlusInit(x, 2, new Random(s)).Any(c => c[0] == 25.0));
            return Expect.That(outlier >= 30 && outlier <= 170, "the outlier is a centre in 30 to 170 of 300 draws", $"{outlier} of 300");
        });

        checks.Add("the same seed gives the same result", "the 20 corner points, k = 3, seed 7, twice", () =>
        {
            var a = KMeansDrill.Fit(Corners(), 3, nInit: 2, seed: 7);
            var b = KMeansDrill.Fit(Corners(), 3, nInit: 2, seed: 7);
            return Expect.That(a.Labels.SequenceEqual(b.Labels), "identical labels", a.Labels.SequenceEqual(b.Labels) ? "identical" : "different");
        });

        checks.Add("k larger than the number of rows is refused with ArgumentException", "3 rows, k = 5", () =>
            Expect.Throws<ArgumentException>(() => KMeansDrill.Fit([[0.0], [1.0], [2.0]], 5)));
    }
}
