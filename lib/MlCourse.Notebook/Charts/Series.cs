using MlCourse.Core.Validation;
namespace MlCourse.Notebook;

/// <summary>
/// One named line or group of bars: <c>new Series("train", epochs, trainLoss)</c>, or
/// <c>new Series("test", testScores)</c> when x is just the position 0, 1, 2, ...
/// </summary>
public sealed class Series
{
    public Series(string name, IEnumerable<double> x, IEnumerable<double> y)
    {
        Guard.NotBlank(name, nameof(name));
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Name = name;
        X = x.ToArray();
        Y = y.ToArray();
        Guard.HasAtLeast(Y.Count, 1, nameof(y), "value", $"series '{name}'");
        if (X.Count != Y.Count)
            throw new ArgumentException($"Series '{name}': x and y must have the same length, but x has {X.Count} values and y has {Y.Count}.", nameof(y));
    }

    public Series(string name, IEnumerable<double> y)
        : this(name, Positions(y), y) { }

    public string Name { get; }
    public IReadOnlyList<double> X { get; }
    public IReadOnlyList<double> Y { get; }

    private static IEnumerable<double> Positions(IEnumerable<double> y)
    {
        Guard.NotNull(y, nameof(y));
        return Enumerable.Range(0, y.Count()).Select(i => (double)i);
    }
}
