using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Validation;

/// <summary>
/// The one way the library validates input at its public boundary. Every check names the
/// argument, what was expected and what was found, so a learner can fix the call without
/// reading a stack trace. Public methods call these first, then hand over to code that only
/// computes.
/// </summary>
public static class Guard
{
    /// <summary>Not null; returns the value, so a constructor can check an argument it passes on: <c>base(Guard.NotNull(model, nameof(model)))</c>.</summary>
    public static T NotNull<T>(T? value, string name)
    {
        if (value is null) throw new ArgumentNullException(name, $"{name} must not be null.");
        return value;
    }

    /// <summary>A name, title or path: not null (ArgumentNullException), not empty or white space (ArgumentException).</summary>
    public static string NotBlank(string? value, string name)
    {
        NotNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} must not be empty or white space, but is \"{value}\".", name);
        return value;
    }

    /// <summary>A design matrix: not null, at least one row and one column, all values finite.</summary>
    public static void Matrix(Matrix<double>? x, string name)
    {
        NotNull(x, name);
        if (x!.RowCount == 0 || x.ColumnCount == 0)
            throw new ArgumentException($"{name} must have at least one row and one column, but is {Shape(x)}.", name);
        Finite(x, name);
    }

    /// <summary>
    /// A feature matrix in which NaN marks a missing value (imputers, encoders that pass missing codes through):
    /// not null, at least one row and one column, no ±∞ (an infinity is never "missing", it is a bug upstream).
    /// </summary>
    public static void MatrixAllowingNaN(Matrix<double>? x, string name)
    {
        NotNull(x, name);
        if (x!.RowCount == 0 || x.ColumnCount == 0)
            throw new ArgumentException($"{name} must have at least one row and one column, but is {Shape(x)}.", name);
        for (int i = 0; i < x.RowCount; i++)
            for (int j = 0; j < x.ColumnCount; j++)
                if (double.IsInfinity(x[i, j]))
                    throw new ArgumentException($"{name} may contain NaN (missing) but not infinities, and {name}[{i}, {j}] is {x[i, j]}.", name);
    }

    /// <summary>A collection that must hold at least one item, none of them null; <paramref name="what"/> names an item ("hyper-parameter", "row").</summary>
    public static void NotEmpty<T>(IEnumerable<T>? items, string name, string what = "item")
    {
        if (NoNullItems(items, name) == 0)
            throw new ArgumentException($"{name} must contain at least one {what}, but is empty.", name);
    }

    /// <summary>A collection that may be empty but holds no null item (pipeline steps, extra chart paths); returns how many items it has.</summary>
    public static int NoNullItems<T>(IEnumerable<T>? items, string name)
    {
        NotNull(items, name);
        int i = 0;
        foreach (var item in items!)
        {
            if (item is null) throw new ArgumentNullException(name, $"{name}[{i}] is null.");
            i++;
        }
        return i;
    }

    /// <summary>Column indices into a matrix with <paramref name="columnCount"/> columns: at least one, each in range, no repeats.</summary>
    public static void ColumnIndices(IReadOnlyList<int>? columns, int columnCount, string name)
    {
        NotNull(columns, name);
        if (columns!.Count == 0) throw new ArgumentException($"{name} must list at least one column.", name);
        var seen = new HashSet<int>();
        foreach (int c in columns)
        {
            if (c < 0 || c >= columnCount)
                throw new ArgumentOutOfRangeException(name, c, $"{name} contains column {c}, but the data have columns 0..{columnCount - 1}.");
            if (!seen.Add(c)) throw new ArgumentException($"{name} lists column {c} twice.", name);
        }
    }

    /// <summary>A target or parameter vector: not null, not empty, all values finite.</summary>
    public static void Vector(Vector<double>? v, string name)
    {
        NotNull(v, name);
        if (v!.Count == 0) throw new ArgumentException($"{name} must not be empty.", name);
        Finite(v, name);
    }

    public static void Finite(Matrix<double> x, string name)
    {
        for (int i = 0; i < x.RowCount; i++)
            for (int j = 0; j < x.ColumnCount; j++)
                if (!double.IsFinite(x[i, j]))
                    throw new ArgumentException($"{name} must contain only finite values, but {name}[{i}, {j}] is {x[i, j]}.", name);
    }

    public static void Finite(Vector<double> v, string name)
    {
        for (int i = 0; i < v.Count; i++)
            if (!double.IsFinite(v[i]))
                throw new ArgumentException($"{name} must contain only finite values, but {name}[{i}] is {v[i]}.", name);
    }

    /// <summary>A finite number; returns it, so a property can check its constructor argument: <c>Coef0 { get; } = Guard.Finite(coef0, nameof(coef0))</c>.</summary>
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, but is {value}.");
        return value;
    }

    /// <summary>A number that may be infinite (a logit of ±∞ has a well-defined limit) but is not NaN.</summary>
    public static void NotNaN(double value, string name)
    {
        if (double.IsNaN(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a number, but is NaN.");
    }

    /// <summary>Features and targets describe the same samples: one target per row.</summary>
    public static void SameLength(Matrix<double> x, Vector<double> y, string xName, string yName)
    {
        if (x.RowCount != y.Count)
            throw new ArgumentException(
                $"{xName} and {yName} must have the same number of samples: {xName} is {Shape(x)} ({x.RowCount} rows) but {yName} has {y.Count} values.", yName);
    }

    /// <summary>Row-major data without a matrix (jagged rows, spans, tensors): one target per row.</summary>
    public static void SameSampleCount(long xRows, long yCount, string xName, string yName)
    {
        if (xRows != yCount)
            throw new ArgumentException(
                $"{xName} and {yName} must have the same number of samples: {xName} has {xRows} rows but {yName} has {yCount} values.", yName);
    }

    public static void SameLength(Vector<double> a, Vector<double> b, string aName, string bName) => SameLength(a.Count, b.Count, aName, bName);

    /// <summary>Two sequences paired entry by entry (arrays, spans, lists): pass their lengths.</summary>
    public static void SameLength(int aLength, int bLength, string aName, string bName)
    {
        if (aLength != bLength)
            throw new ArgumentException($"{aName} and {bName} must have the same length, but {aName} has {aLength} values and {bName} has {bLength}.", bName);
    }

    /// <summary>A sequence whose length the other arguments fix: one weight per column, one label per leaf.</summary>
    public static void Length(int length, int expected, string name, string? why = null)
    {
        if (length != expected)
            throw new ArgumentException($"{name} must have {expected} values{Because(why)}, but has {length}.", name);
    }

    /// <summary>
    /// Enough of something in a data argument: rows to estimate a variance, samples for k folds. Pass the count
    /// and its unit, <c>Guard.HasAtLeast(x.RowCount, 2, nameof(x), "rows", "to estimate a variance")</c>.
    /// </summary>
    public static void HasAtLeast(long count, long minimum, string name, string unit, string? why = null)
    {
        if (count < minimum)
            throw new ArgumentException($"{name} must have at least {minimum} {unit}{Because(why)}, but has {count}.", name);
    }

    /// <summary>Jagged rows (an array of arrays): every row present and <paramref name="width"/> values long.</summary>
    public static void RowLengths<T>(IReadOnlyList<T[]?> rows, int width, string name, string? why = null)
    {
        for (int i = 0; i < rows.Count; i++)
            if (rows[i] is not { } row || row.Length != width)
                throw new ArgumentException(
                    $"{name}[{i}] must have {width} values{Because(why)}, but {(rows[i] is { } r ? $"has {r.Length}" : "is null")}.", name);
    }

    /// <summary>A matrix whose shape the other arguments fix: K x features initial centres, an n x n affinity.</summary>
    public static void HasShape(Matrix<double> m, int rows, int columns, string name, string? why = null)
    {
        if (m.RowCount != rows || m.ColumnCount != columns)
            throw new ArgumentException($"{name} must be {rows}x{columns}{Because(why)}, but is {Shape(m)}.", name);
    }

    /// <summary>Weights or counts: every entry finite and at least 0; <paramref name="why"/> (optional) says why, e.g. "chi2 counts occurrences".</summary>
    public static void NonNegativeEntries(IEnumerable<double> values, string name, string? why = null)
    {
        int i = 0;
        foreach (var v in values)
        {
            if (!(v >= 0) || !double.IsFinite(v))
                throw new ArgumentException($"{name} must contain only finite non-negative values{Because(why)}, but {name}[{i}] is {v}.", name);
            i++;
        }
    }

    public static void NonNegativeEntries(Matrix<double> x, string name, string? why = null)
    {
        for (int i = 0; i < x.RowCount; i++)
            for (int j = 0; j < x.ColumnCount; j++)
                if (!(x[i, j] >= 0) || !double.IsFinite(x[i, j]))
                    throw new ArgumentException($"{name} must contain only finite non-negative values{Because(why)}, but {name}[{i}, {j}] is {x[i, j]}.", name);
    }

    /// <summary>Probabilities: every entry in [0, 1] (NaN is refused too).</summary>
    public static void Probabilities(Vector<double> p, string name)
    {
        for (int i = 0; i < p.Count; i++)
            if (!(p[i] >= 0 && p[i] <= 1))
                throw new ArgumentException($"{name} must contain probabilities in [0, 1], but {name}[{i}] is {p[i]}.", name);
    }

    public static void Probabilities(Matrix<double> p, string name)
    {
        for (int i = 0; i < p.RowCount; i++)
            for (int j = 0; j < p.ColumnCount; j++)
                if (!(p[i, j] >= 0 && p[i, j] <= 1))
                    throw new ArgumentException($"{name} must contain probabilities in [0, 1], but {name}[{i}, {j}] is {p[i, j]}.", name);
    }

    /// <summary>
    /// Class labels: whole numbers 0, 1, 2, ... (below <paramref name="classCount"/> when the number of classes is known);
    /// returns the largest label. The label of a sample is an index (into a one-hot row, a softmax output), so 1.5 or −1 means a bug upstream.
    /// </summary>
    public static int ClassLabels(IEnumerable<double> y, string name, int? classCount = null)
    {
        int i = 0, max = 0;
        double limit = classCount ?? int.MaxValue;
        foreach (var v in y)
        {
            if (!(v >= 0 && v < limit && v == Math.Floor(v)))
                throw new ArgumentException(
                    $"{name} must contain integer class labels 0..{(classCount is { } k ? (k - 1).ToString() : "K-1")}, but {name}[{i}] is {v}.", name);
            max = Math.Max(max, (int)v);
            i++;
        }
        return max;
    }

    /// <summary>Binary targets: only 0 (negative) and 1 (positive); <paramref name="hint"/> (optional) says what to use instead.</summary>
    public static void BinaryLabels(IEnumerable<double> y, string name, string? hint = null)
    {
        int i = 0;
        foreach (var v in y)
        {
            if (v != 0.0 && v != 1.0)
                throw new ArgumentException($"{name} must contain only the labels 0 and 1, but {name}[{i}] is {v}.{(hint is null ? "" : " " + hint)}", name);
            i++;
        }
    }

    /// <summary>Predict and Transform see the same number of features that Fit saw.</summary>
    public static void FeatureCount(Matrix<double> x, int expected, string name)
    {
        if (x.ColumnCount != expected)
            throw new ArgumentException($"{name} has {x.ColumnCount} features, but the model was fitted with {expected}.", name);
    }

    /// <summary>A positive finite number; returns it (see <see cref="Finite(double, string)"/>).</summary>
    public static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number, but is {value}.");
        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or a positive finite number, but is {value}.");
        return value;
    }

    public static int Positive(int value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive integer, but is {value}.");
        return value;
    }

    public static void NonNegative(int value, string name)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or positive, but is {value}.");
    }

    /// <summary>An integer with a lower bound; <paramref name="why"/> (optional) says why, e.g. "a split needs two rows".</summary>
    public static int AtLeast(int value, int minimum, string name, string? why = null)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}{Because(why)}, but is {value}.");
        return value;
    }

    /// <summary>An integer with an upper bound that depends on the data, e.g. k clusters from n rows.</summary>
    public static void AtMost(int value, int maximum, string name, string? why = null)
    {
        if (value > maximum)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at most {maximum}{Because(why)}, but is {value}.");
    }

    /// <summary>A finite number strictly below <paramref name="limit"/> and at least <paramref name="low"/>: a momentum or decay in [0, 1).</summary>
    public static void InHalfOpenRange(double value, double low, double limit, string name, string? why = null)
    {
        if (!(value >= low && value < limit))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {low} and below {limit}{Because(why)}, but is {value}.");
    }

    /// <summary>A share or fraction in (low, high]: a target utilisation or a training fraction in (0, 1], where 0 means nothing and 1 is allowed.</summary>
    public static double InLeftOpenRange(double value, double low, double high, string name, string? why = null)
    {
        if (!(value > low && value <= high))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be above {low} and at most {high}{Because(why)}, but is {value}.");
        return value;
    }

    /// <summary>A strict order between two arguments (high above low), naming both.</summary>
    public static void GreaterThan(double value, double other, string name, string otherName)
    {
        if (!(value > other))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than {otherName} = {other}, but is {value}.");
    }

    /// <summary>The non-strict order between two arguments (high at least low: a range of one value is allowed), naming both.</summary>
    public static void NotBelow(double value, double other, string name, string otherName)
    {
        if (!(value >= other))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {otherName} = {other}, but is {value}.");
    }

    /// <summary>An enum argument that holds one of its named values (a cast such as (LinkageMethod)7 compiles but means nothing).</summary>
    public static void Defined<TEnum>(TEnum value, string name) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, but is {value}.");
    }

    private static string Because(string? why) => why is null ? "" : $" ({why})";

    public static void InRange(double value, double low, double high, string name)
    {
        if (!(value >= low && value <= high))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {low} and {high}, but is {value}.");
    }

    public static void InRange(int value, int low, int high, string name)
    {
        if (value < low || value > high)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {low} and {high}, but is {value}.");
    }

    /// <summary>Strictly between low and high (both excluded), e.g. a test fraction that must leave rows on both sides.</summary>
    public static void InOpenRange(double value, double low, double high, string name)
    {
        if (!(value > low && value < high))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be strictly between {low} and {high}, but is {value}.");
    }

    /// <summary>Throws the library's standard "not fitted" error when a fitted-only member is used too early.</summary>
    public static void Fitted(bool isFitted, string estimatorName, string member)
    {
        if (!isFitted) throw new NotFittedException(estimatorName, member);
    }

    public static string Shape(Matrix<double> x) => $"{x.RowCount}x{x.ColumnCount}";
}
