using MlCourse.Core.Validation;
using MlCourse.Core.Randomness;

namespace MlCourse.Notebook.Exercises;

/// <summary>The learner's answer to exercise 3: a pooled estimate and its total variance by Rubin's rules.</summary>
public sealed record PooledResult(double Estimate, double TotalVariance);

/// <summary>
/// Checkers for the exercises of week 8 (week08-feature-engineering.ipynb, section 11 "Exercises"). Each takes the
/// learner's function and returns a <see cref="CheckResult"/>; end the checker cell with <c>.Show()</c>.
/// Reference solutions: <see cref="Week08Solutions"/>.
/// </summary>
/// <remarks>
/// Expected values come from small cases worked out by hand (arithmetic in the comments) and from the definitions
/// evaluated on seeded random cases, which catch answers that are right only on the hand cases.
/// </remarks>
public static class Week08
{
    /// <summary>Exercise 1: min-max scale test values with the training minimum and maximum (range [0, 1]).</summary>
    public static CheckResult CheckMinMaxScale(Func<double[], double[], double[]> scale)
    {
        Guard.NotNull(scale, nameof(scale));
        return Exercise.Check("Exercise 1: min-max scaling with training statistics", c =>
        {
            // By hand: train min 2, max 10 (range 8). Test 2 -> 0, 6 -> 0.5, 10 -> 1, 14 -> 1.5 (outside the range: not clipped), 0 -> -0.25.
            // Scaling the test values with their own min/max would give 0.14.., 0.43.., ... instead.
            c.Given("train = [2, 10, 4, 6], test = [2, 6, 10, 14, 0]");
            var z = scale([2, 10, 4, 6], [2, 6, 10, 14, 0]);
            if (c.True("a result was returned", z is not null) && c.Equal("number of values (one per test value)", z!.Length, 5))
                c.Close("scaled test values", z, [0, 0.5, 1, 1.5, -0.25], 1e-12);
            // A constant training column has range 0: use range 1 (scikit-learn), so every value maps to x − min.
            c.Given("train = [3, 3, 3], test = [3, 4]");
            z = scale([3, 3, 3], [3, 4]);
            if (c.True("a result was returned", z is not null) && c.Equal("number of values", z!.Length, 2))
                c.Close("scaled test values (constant training column: range treated as 1)", z, [0, 1], 1e-12);
            var rng = Seeded.Random(88);
            for (int trial = 0; trial < 3; trial++)
            {
                var train = Enumerable.Range(0, 20).Select(_ => rng.NextGaussian() * 5 + 3).ToArray();
                var test = Enumerable.Range(0, 7).Select(_ => rng.NextGaussian() * 8).ToArray();
                double min = train.Min(), max = train.Max();
                c.Given($"20 seeded training values (min {min:G4}, max {max:G4}), 7 test values");
                z = scale((double[])train.Clone(), (double[])test.Clone());
                if (c.True("a result was returned", z is not null) && c.Equal("number of values", z!.Length, 7))
                    c.Close("scaled test values", z, test.Select(v => (v - min) / (max - min)).ToArray(), 1e-9);
            }
        });
    }

    /// <summary>
    /// Exercise 2: out-of-fold smoothed target encoding of one categorical column, given each row's fold id: row i is
    /// encoded with (sum of y over other-fold rows of its category + m·ȳ_other) / (count + m), where ȳ_other is the
    /// mean target of the other-fold rows.
    /// </summary>
    public static CheckResult CheckOutOfFoldTargetEncoding(Func<double[], double[], int[], double, double[]> encode)
    {
        Guard.NotNull(encode, nameof(encode));
        return Exercise.Check("Exercise 2: out-of-fold target encoding", c =>
        {
            // By hand, m = 0 (plain means). Categories a=0, b=1; y; folds:
            // rows 0 (a, 1, f0), 1 (a, 3, f1), 2 (b, 5, f0), 3 (b, 7, f1), 4 (b, 9, f1), 5 (a, 0, f0).
            // Fold 0 rows (0, 2, 5) use fold-1 rows (1, 3, 4): a -> 3, b -> (7+9)/2 = 8.  -> row 0: 3, row 2: 8, row 5: 3.
            // Fold 1 rows (1, 3, 4) use fold-0 rows (0, 2, 5): a -> (1+0)/2 = 0.5, b -> 5. -> row 1: 0.5, rows 3, 4: 5.
            c.Given("categories [0, 0, 1, 1, 1, 0], y [1, 3, 5, 7, 9, 0], folds [0, 1, 0, 1, 1, 0], m = 0");
            var z = encode([0, 0, 1, 1, 1, 0], [1, 3, 5, 7, 9, 0], [0, 1, 0, 1, 1, 0], 0);
            if (c.True("a result was returned", z is not null) && c.Equal("number of encodings (one per row)", z!.Length, 6))
                c.Close("encodings", z, [3, 0.5, 8, 5, 5, 3], 1e-12);
            // Same data, m = 2. Fold 0 sees rows 1, 3, 4: ȳ = 19/3; a: (3 + 2·19/3)/(1 + 2) = (47/3)/3 = 47/9;
            // b: (16 + 38/3)/(2 + 2) = (86/3)/4 = 43/6. Fold 1 sees rows 0, 2, 5: ȳ = 2; a: (1 + 4)/(2 + 2) = 1.25; b: (5 + 4)/3 = 3.
            c.Given("the same data with smoothing m = 2");
            z = encode([0, 0, 1, 1, 1, 0], [1, 3, 5, 7, 9, 0], [0, 1, 0, 1, 1, 0], 2);
            if (c.True("a result was returned", z is not null) && c.Equal("number of encodings", z!.Length, 6))
                c.Close("encodings", z, [47.0 / 9, 1.25, 43.0 / 6, 3, 3, 47.0 / 9], 1e-12);
            // A category that appears only in its own fold gets the other folds' global mean.
            c.Given("categories [0, 0, 7], y [2, 4, 100], folds [0, 1, 2], m = 1 (category 7 only in fold 2)");
            z = encode([0, 0, 7], [2, 4, 100], [0, 1, 2], 1);
            // Row 2 sees rows 0, 1: ȳ = 3, category 7 unseen -> 3. Row 0 sees rows 1, 2: ȳ = 52, a: (4 + 52)/2 = 28.
            // Row 1 sees rows 0, 2: ȳ = 51, a: (2 + 51)/2 = 26.5.
            if (c.True("a result was returned", z is not null) && c.Equal("number of encodings", z!.Length, 3))
                c.Close("encodings", z, [28, 26.5, 3], 1e-12);
        });
    }

    /// <summary>Exercise 3: Rubin's rules: pooled estimate Q̄ and total variance T = W + (1 + 1/m)·B.</summary>
    public static CheckResult CheckRubinsRules(Func<double[], double[], PooledResult> pool)
    {
        Guard.NotNull(pool, nameof(pool));
        return Exercise.Check("Exercise 3: Rubin's rules", c =>
        {
            // By hand: estimates 10, 12, 14 -> Q̄ = 12, B = (4 + 0 + 4)/(3 − 1) = 4; variances 1, 2, 3 -> W = 2;
            // T = 2 + (1 + 1/3)·4 = 22/3.
            c.Given("estimates [10, 12, 14], variances [1, 2, 3]");
            var r = pool([10, 12, 14], [1, 2, 3]);
            if (c.True("a result was returned", r is not null))
            {
                c.Close("pooled estimate", r!.Estimate, 12, 1e-12);
                c.Close("total variance", r.TotalVariance, 22.0 / 3, 1e-12);
            }
            // Identical estimates: B = 0, so T = W = mean variance = 0.5.
            c.Given("estimates [3, 3], variances [0.25, 0.75]");
            r = pool([3, 3], [0.25, 0.75]);
            if (c.True("a result was returned", r is not null))
            {
                c.Close("pooled estimate", r!.Estimate, 3, 1e-12);
                c.Close("total variance", r.TotalVariance, 0.5, 1e-12);
            }
            var rng = Seeded.Random(808);
            for (int trial = 0; trial < 3; trial++)
            {
                int m = 2 + rng.Next(8);
                var q = Enumerable.Range(0, m).Select(_ => rng.NextGaussian()).ToArray();
                var u = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
                double mean = q.Average(), between = q.Sum(v => (v - mean) * (v - mean)) / (m - 1);
                c.Given($"{m} seeded estimates and variances");
                r = pool((double[])q.Clone(), (double[])u.Clone());
                if (!c.True("a result was returned", r is not null)) continue;
                c.Close("pooled estimate", r!.Estimate, mean, 1e-12);
                c.Close("total variance", r.TotalVariance, u.Average() + (1 + 1.0 / m) * between, 1e-12);
            }
        });
    }
}
