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
    public static void NotNull(object? value, string name)
    {
        if (value is null) throw new ArgumentNullException(name, $"{name} must not be null.");
    }

    /// <summary>A design matrix: not null, at least one row and one column, all values finite.</summary>
    public static void Matrix(Matrix<double>? x, string name)
    {
        NotNull(x, name);
        if (x!.RowCount == 0 || x.ColumnCount == 0)
            throw new ArgumentException($"{name} must have at least one row and one column, but is {Shape(x)}.", name);
        Finite(x, name);
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

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, but is {value}.");
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

    public static void SameLength(Vector<double> a, Vector<double> b, string aName, string bName)
    {
        if (a.Count != b.Count)
            throw new ArgumentException($"{aName} and {bName} must have the same length, but {aName} has {a.Count} values and {bName} has {b.Count}.", bName);
    }

    /// <summary>Predict and Transform see the same number of features that Fit saw.</summary>
    public static void FeatureCount(Matrix<double> x, int expected, string name)
    {
        if (x.ColumnCount != expected)
            throw new ArgumentException($"{name} has {x.ColumnCount} features, but the model was fitted with {expected}.", name);
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number, but is {value}.");
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or a positive finite number, but is {value}.");
    }

    public static void Positive(int value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive integer, but is {value}.");
    }

    public static void NonNegative(int value, string name)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or positive, but is {value}.");
    }

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
