// Hidden checks for the drill "Out-of-fold target encoding", run by `course drill check` against the
// learner's file (format: docs/drills.md). Base class library only. Every expected value is a hand
// computation written next to the check, or a property every correct out-of-fold encoding has.
using DrillHarness;
using Drills.Week08;

internal static class DrillChecks
{
    // Six rows, k = 2: fold 0 = rows 0, 2, 4; fold 1 = rows 1, 3, 5.
    private static readonly string[] Cities = ["paris", "lyon", "paris", "paris", "lyon", "nice"];
    private static readonly double[] Y = [1, 0, 0, 1, 1, 1];

    public static void Define(CheckList checks)
    {
        // m = 0. Fold 0 rows (0 paris, 2 paris, 4 lyon) use rows 1, 3, 5: paris {1} -> 1, lyon {0} -> 0.
        // Fold 1 rows (1 lyon, 3 paris, 5 nice) use rows 0, 2, 4: lyon {1} -> 1, paris {1, 0} -> 0.5, nice unseen -> ȳ = 2/3.
        checks.Add("plain out-of-fold means (m = 0), unseen category gets the other folds' mean", "cities = [paris, lyon, paris, paris, lyon, nice], y = [1, 0, 0, 1, 1, 1], k = 2, m = 0", () =>
            Expect.Near([1, 1, 1, 0.5, 0, 2.0 / 3], TargetEncodingDrill.OutOfFold(Cities, Y, 2, 0), 1e-12));

        // m = 2. Fold 0 sees rows 1, 3, 5 (ȳ = 2/3): paris (1 + 4/3)/3 = 7/9; lyon (0 + 4/3)/3 = 4/9.
        // Fold 1 sees rows 0, 2, 4 (ȳ = 2/3): lyon (1 + 4/3)/3 = 7/9; paris (1 + 4/3)/4 = 7/12; nice -> 2/3.
        checks.Add("smoothing pulls toward the other folds' mean", "same data, k = 2, m = 2", () =>
            Expect.Near([7.0 / 9, 7.0 / 9, 7.0 / 9, 7.0 / 12, 4.0 / 9, 2.0 / 3], TargetEncodingDrill.OutOfFold(Cities, Y, 2, 2), 1e-12));

        checks.Add("a row's own target never changes its own encoding", "40 rows, 7 categories, k = 4, m = 1; flip y[i] for each i", () =>
        {
            var random = new Random(8);
            var cats = Enumerable.Range(0, 40).Select(_ => "c" + random.Next(7)).ToArray();
            var y = Enumerable.Range(0, 40).Select(_ => (double)random.Next(2)).ToArray();
            var baseline = TargetEncodingDrill.OutOfFold(cats, y, 4, 1);
            for (int i = 0; i < y.Length; i++)
            {
                var changed = (double[])y.Clone();
                changed[i] = 1 - changed[i];
                double after = TargetEncodingDrill.OutOfFold(cats, changed, 4, 1)[i];
                if (Math.Abs(after - baseline[i]) > 1e-12)
                    return Expect.That(false, $"encoding of row {i} unchanged when y[{i}] flips", $"{baseline[i]} became {after}");
            }
            return Expect.That(true, "every row's encoding ignores its own target", "ignored");
        });

        // All rows: ȳ = 4/6 = 2/3. paris {1, 0, 1}: (2 + 1·2/3)/(3 + 1) = 2/3; lyon {0, 1}: (1 + 2/3)/3 = 5/9; rome unseen -> 2/3.
        checks.Add("new rows use all training rows; unseen categories get the global mean", "same training data, m = 1, new = [paris, lyon, rome]", () =>
            Expect.Near([2.0 / 3, 5.0 / 9, 2.0 / 3], TargetEncodingDrill.Transform(Cities, Y, 1, ["paris", "lyon", "rome"]), 1e-12));

        checks.Add("k < 2 is refused with ArgumentException", "k = 1", () =>
            Expect.Throws<ArgumentException>(() => TargetEncodingDrill.OutOfFold(Cities, Y, 1, 0)));

        checks.Add("negative smoothing is refused with ArgumentException", "m = -1", () =>
            Expect.Throws<ArgumentException>(() => TargetEncodingDrill.OutOfFold(Cities, Y, 2, -1)));

        checks.Add("different lengths are refused with ArgumentException", "6 categories, 5 targets", () =>
            Expect.Throws<ArgumentException>(() => TargetEncodingDrill.Transform(Cities, [1, 0, 0, 1, 1], 1, ["paris"])));

        checks.Add("encoding does not modify the inputs", "same data, k = 3, m = 1", () =>
        {
            var cats = (string[])Cities.Clone();
            var y = (double[])Y.Clone();
            TargetEncodingDrill.OutOfFold(cats, y, 3, 1);
            bool same = cats.SequenceEqual(Cities) && y.SequenceEqual(Y);
            return Expect.That(same, "inputs unchanged", same ? "unchanged" : "changed");
        });
    }
}
