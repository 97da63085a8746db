using MlCourse.Core.Validation;
using System.Globalization;

namespace MlCourse.Classical.ModelSelection;

/// <summary>
/// One combination of hyper-parameter values, by name (Week 5, "Hyper-parameter search"). Values are doubles;
/// <see cref="Int"/> reads a whole number (a depth, a count) and refuses a fractional one, so a typo in a grid
/// fails loudly instead of being rounded.
/// </summary>
public sealed class ParameterSet
{
    private readonly IReadOnlyDictionary<string, double> _values;

    public ParameterSet(IReadOnlyDictionary<string, double> values) => _values = Guard.NotNull(values, nameof(values));

    public IReadOnlyDictionary<string, double> Values => _values;

    public double this[string name] => _values.TryGetValue(name, out var v) ? v
        : throw new KeyNotFoundException($"No hyper-parameter named '{name}'; this set has {string.Join(", ", _values.Keys)}.");

    public int Int(string name)
    {
        double v = this[name];
        if (v != Math.Floor(v) || v > int.MaxValue || v < int.MinValue)
            throw new InvalidOperationException($"Hyper-parameter '{name}' is {v}, not a whole number.");
        return (int)v;
    }

    public override string ToString() => string.Join(", ", _values.Select(kv => $"{kv.Key}={kv.Value.ToString("G6", CultureInfo.InvariantCulture)}"));
}

/// <summary>The cross-validated score of one parameter set.</summary>
public sealed record SearchCandidate(ParameterSet Parameters, CrossValidationResult Score);

/// <summary>All candidates in the order tried, and the best by mean CV score (higher is better; the first wins a tie).</summary>
public sealed record SearchResult(IReadOnlyList<SearchCandidate> Candidates)
{
    public SearchCandidate Best => Candidates.Aggregate((a, b) => b.Score.Mean > a.Score.Mean ? b : a);
}
