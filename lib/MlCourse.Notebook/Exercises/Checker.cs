using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Notebook;

/// <summary>
/// Records the checks of one exercise (see <see cref="Exercise.Check"/>). Every check returns
/// whether it passed, so a checker can skip checks that make no sense after a failure (no point
/// comparing values once the shape is wrong). Failures are collected, not thrown: the learner
/// sees every problem at once. Tolerances are absolute.
/// </summary>
public sealed class Checker
{
    // Messages print more digits than tables: a learner comparing 0.123456 with 0.123457 needs them.
    private const int Digits = 6;
    private readonly List<string> _failures = [];
    private string? _inputs;

    internal Checker() { }

    internal IReadOnlyList<string> Failures => _failures;
    internal int ChecksRun { get; private set; }

    /// <summary>Describes the inputs of the checks that follow; failure messages quote it. Null clears it.</summary>
    public void Given(string? inputs) => _inputs = string.IsNullOrWhiteSpace(inputs) ? null : inputs.Trim();

    public bool Close(string what, double actual, double expected, double tolerance = 1e-6)
    {
        Start(what, tolerance, expected);
        var difference = Math.Abs(actual - expected);
        return difference <= tolerance
            || Fail(what, $"expected {F(expected)} (± {F(tolerance)}) but got {F(actual)}" +
                          (double.IsFinite(actual) ? $" (off by {F(difference)})." : "."));
    }

    public bool Close(string what, Vector<double>? actual, Vector<double> expected, double tolerance = 1e-6)
    {
        NotNull(expected, nameof(expected));
        return Close(what, actual?.ToArray(), expected.ToArray(), tolerance, "vector");
    }

    public bool Close(string what, IReadOnlyList<double>? actual, IReadOnlyList<double> expected, double tolerance = 1e-6)
    {
        NotNull(expected, nameof(expected));
        return Close(what, actual, expected, tolerance, "array");
    }

    public bool Close(string what, Matrix<double>? actual, Matrix<double> expected, double tolerance = 1e-6)
    {
        NotNull(expected, nameof(expected));
        Start(what, tolerance, expected.Enumerate());
        if (actual is null)
            return Fail(what, $"expected a {Shape(expected)} matrix but got null (did your code return a value?).");
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
            return Fail(what, $"shape mismatch: expected {Shape(expected)} but got {Shape(actual)}.");
        var (count, worstI, worstJ, worst) = (0, -1, -1, -1.0);
        for (var i = 0; i < expected.RowCount; i++)
            for (var j = 0; j < expected.ColumnCount; j++)
            {
                var difference = Math.Abs(actual[i, j] - expected[i, j]);
                if (difference <= tolerance) continue;
                count++;
                if (worstI < 0 || !(difference <= worst)) (worstI, worstJ, worst) = (i, j, difference);
            }
        return count == 0
            || Fail(what, $"{count} of {expected.RowCount * expected.ColumnCount} entries are off by more than {F(tolerance)}; " +
                          $"the worst is [{worstI}, {worstJ}]: expected {F(expected[worstI, worstJ])}, got {F(actual[worstI, worstJ])}.\n" +
                          $"expected: {ValueFormat.Matrix(expected, Digits)}\nactual:   {ValueFormat.Matrix(actual, Digits)}");
    }

    public bool Equal<T>(string what, T actual, T expected)
    {
        Start(what);
        return EqualityComparer<T>.Default.Equals(actual, expected)
            || Fail(what, $"expected {ValueFormat.Format(expected, Digits)} but got {ValueFormat.Format(actual, Digits)}.");
    }

    public bool True(string what, bool condition, string? detail = null)
    {
        Start(what);
        return condition || Fail(what, detail ?? "this does not hold.");
    }

    /// <summary>
    /// Passes when <paramref name="action"/> throws <typeparamref name="TException"/> (or a subclass):
    /// for exercises about validating input.
    /// </summary>
    public bool Throws<TException>(string what, Action action) where TException : Exception
    {
        Start(what);
        NotNull(action, nameof(action));
        try
        {
            action();
        }
        catch (TException)
        {
            return true;
        }
        catch (NotImplementedException)
        {
            throw;
        }
        catch (Exception e)
        {
            return Fail(what, $"expected {typeof(TException).Name} but the code threw {e.GetType().Name}: {e.Message}");
        }
        return Fail(what, $"expected {typeof(TException).Name} but nothing was thrown.");
    }

    private bool Close(string what, IReadOnlyList<double>? actual, IReadOnlyList<double> expected, double tolerance, string kind)
    {
        Start(what, tolerance, expected);
        if (actual is null)
            return Fail(what, $"expected a {kind} of length {expected.Count} but got null (did your code return a value?).");
        if (actual.Count != expected.Count)
            return Fail(what, $"shape mismatch: expected length {expected.Count} but got length {actual.Count}.");
        var (count, worstIndex, worst) = (0, -1, -1.0);
        for (var i = 0; i < expected.Count; i++)
        {
            var difference = Math.Abs(actual[i] - expected[i]);
            if (difference <= tolerance) continue;
            count++;
            // NaN differences compare false: "!(d <= worst)" makes a NaN entry the worst one.
            if (worstIndex < 0 || !(difference <= worst)) (worstIndex, worst) = (i, difference);
        }
        return count == 0
            || Fail(what, $"{count} of {expected.Count} entries are off by more than {F(tolerance)}; " +
                          $"the worst is [{worstIndex}]: expected {F(expected[worstIndex])}, got {F(actual[worstIndex])}.\n" +
                          $"expected: {ValueFormat.List(expected, Digits)}\nactual:   {ValueFormat.List(actual, Digits)}");
    }

    private void Start(string what, double tolerance = 0, IEnumerable<double>? expected = null)
    {
        if (string.IsNullOrWhiteSpace(what)) throw new CheckerDefinitionException("Every check needs a name (the 'what' argument) for its message.");
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
            throw new CheckerDefinitionException($"Check '{what}': tolerance must be zero or a positive finite number, but is {tolerance}.");
        if (expected is not null && expected.Any(x => !double.IsFinite(x)))
            throw new CheckerDefinitionException($"Check '{what}': the expected values must be finite.");
        ChecksRun++;
    }

    private void Start(string what, double tolerance, double expected) => Start(what, tolerance, [expected]);

    private bool Fail(string what, string problem)
    {
        _failures.Add($"{what}: {problem}" + (_inputs is null ? "" : $"\ninputs: {_inputs}"));
        return false;
    }

    private static void NotNull(object? value, string name)
    {
        if (value is null) throw new CheckerDefinitionException($"The checker passed a null {name}.");
    }

    private static string F(double x) => ValueFormat.Number(x, Digits);
    private static string Shape(Matrix<double> m) => $"{m.RowCount}x{m.ColumnCount}";
}

/// <summary>
/// A mistake in a checker itself (no check name, a negative tolerance, a non-finite expected
/// value). It is not caught by <see cref="Exercise.Check"/>: blaming the learner's code for it
/// would send them hunting for a bug that is not theirs.
/// </summary>
public sealed class CheckerDefinitionException(string message) : InvalidOperationException(message);
