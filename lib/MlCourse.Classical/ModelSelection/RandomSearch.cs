using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.ModelSelection;

/// <summary>Where random search draws one hyper-parameter from.</summary>
public abstract record ParameterDistribution
{
    internal abstract double Draw(Random rng);

    /// <summary>Uniform on [low, high].</summary>
    public static ParameterDistribution Uniform(double low, double high) => new UniformDistribution(Checked(low, high));

    /// <summary>log-uniform on [low, high] (low &gt; 0): each decade equally likely, for rates and penalties.</summary>
    public static ParameterDistribution LogUniform(double low, double high)
    {
        Guard.Positive(low, nameof(low));
        return new LogUniformDistribution(Checked(low, high));
    }

    /// <summary>A whole number in low..high, each equally likely.</summary>
    public static ParameterDistribution IntRange(int low, int high)
    {
        Guard.NotBelow(high, low, nameof(high), nameof(low));
        return new IntDistribution(low, high);
    }

    /// <summary>One of the listed values, each equally likely.</summary>
    public static ParameterDistribution Choice(params double[] values)
    {
        Guard.NotEmpty(values, nameof(values), "value");
        return new ChoiceDistribution(values);
    }

    private static (double, double) Checked(double low, double high)
    {
        Guard.Finite(low, nameof(low));
        Guard.Finite(high, nameof(high));
        Guard.NotBelow(high, low, nameof(high), nameof(low));
        return (low, high);
    }

    private sealed record UniformDistribution((double Low, double High) Range) : ParameterDistribution
    {
        internal override double Draw(Random rng) => Range.Low + rng.NextDouble() * (Range.High - Range.Low);
    }

    private sealed record LogUniformDistribution((double Low, double High) Range) : ParameterDistribution
    {
        internal override double Draw(Random rng) => Math.Exp(Math.Log(Range.Low) + rng.NextDouble() * (Math.Log(Range.High) - Math.Log(Range.Low)));
    }

    private sealed record IntDistribution(int Low, int High) : ParameterDistribution
    {
        internal override double Draw(Random rng) => Low + rng.Next(High - Low + 1);
    }

    private sealed record ChoiceDistribution(double[] Values) : ParameterDistribution
    {
        internal override double Draw(Random rng) => Values[rng.Next(Values.Length)];
    }
}

/// <summary>
/// Random search (Bergstra and Bengio 2012; Week 5, "Hyper-parameter tuning framework"): draw nIter parameter
/// sets from the distributions and cross-validate each. When only a few hyper-parameters matter, a grid wastes
/// most fits repeating the same values of the important ones; random draws try nIter distinct values of each.
/// </summary>
public static class RandomSearch
{
    public static SearchResult Run(IReadOnlyDictionary<string, ParameterDistribution> space, int nIter, Func<ParameterSet, IClassifier> factory,
        Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(factory, nameof(factory));
        return GridSearch.Search(Sample(space, nIter, seed), p => CrossValidation.Run(() => factory(p), x, y, cv, scoring));
    }

    public static SearchResult Run(IReadOnlyDictionary<string, ParameterDistribution> space, int nIter, Func<ParameterSet, IRegressor> factory,
        Matrix<double> x, Vector<double> y, ICrossValidator cv, Func<Vector<double>, Vector<double>, double> scoring, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(factory, nameof(factory));
        return GridSearch.Search(Sample(space, nIter, seed), p => CrossValidation.Run(() => factory(p), x, y, cv, scoring));
    }

    /// <summary>nIter parameter sets drawn independently (names in the dictionary's order, one generator).</summary>
    public static IReadOnlyList<ParameterSet> Sample(IReadOnlyDictionary<string, ParameterDistribution> space, int nIter, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(space, nameof(space));
        Guard.NotEmpty(space, nameof(space), "hyper-parameter");
        Guard.Positive(nIter, nameof(nIter));
        var rng = Seeded.Random(seed);
        var result = new List<ParameterSet>(nIter);
        for (int it = 0; it < nIter; it++)
            result.Add(new ParameterSet(space.ToDictionary(kv => kv.Key, kv => kv.Value.Draw(rng))));
        return result;
    }
}
