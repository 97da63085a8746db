using System.Globalization;

// Part of the drill check harness (see CheckList.cs): base class library only.
namespace DrillHarness;

/// <summary>Verdict helpers for Checks.cs files; each formats expected and actual for the learner.</summary>
internal static class Expect
{
    public static CheckVerdict Near(double expected, double actual, double tolerance) =>
        new(Math.Abs(expected - actual) <= tolerance, $"{Format(expected)} ± {Format(tolerance)}", Format(actual));

    public static CheckVerdict Near(double[] expected, double[] actual, double tolerance)
    {
        // A wrong length is reported as such rather than as an index exception from the comparison.
        var passed = actual is not null && actual.Length == expected.Length;
        for (int i = 0; passed && i < expected.Length; i++) passed = Math.Abs(expected[i] - actual![i]) <= tolerance;
        return new(passed, $"{Format(expected)} (each ± {Format(tolerance)})", actual is null ? "null" : Format(actual));
    }

    /// <summary>Passes when <paramref name="action"/> throws <typeparamref name="TException"/> (or a subclass).</summary>
    public static CheckVerdict Throws<TException>(Action action) where TException : Exception
    {
        try
        {
            action();
            return new(false, $"throws {typeof(TException).Name}", "returned normally");
        }
        catch (TException e)
        {
            return new(true, $"throws {typeof(TException).Name}", $"{e.GetType().Name}: {e.Message}");
        }
        // Running out of memory is not the learner's choice of exception: the harness reports it with the cap.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(false, $"throws {typeof(TException).Name}", $"{e.GetType().Name}: {e.Message}");
        }
    }

    public static CheckVerdict That(bool passed, string expected, string actual) => new(passed, expected, actual);

    public static string Format(double x) => x.ToString("G10", CultureInfo.InvariantCulture);

    public static string Format(double[] xs)
    {
        // Long vectors are cut: the learner needs the first mismatches, not a screenful.
        var shown = xs.Take(8).Select(Format);
        return "[" + string.Join(", ", shown) + (xs.Length > 8 ? $", ... ({xs.Length} values)" : "") + "]";
    }
}
