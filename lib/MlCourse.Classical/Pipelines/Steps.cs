using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Pipelines;

/// <summary>How a pipeline, a chain or a column branch fits one step (Week 8, "Pipelines"), written once.</summary>
internal static class Steps
{
    /// <summary>Every step is a fittable transformer: an <see cref="ITransformer"/> or an <see cref="ISupervisedTransformer"/>.</summary>
    public static IFeatureTransformer[] Validate(IEnumerable<IFeatureTransformer>? steps, string name)
    {
        Guard.NotNull(steps, name);
        var array = steps!.ToArray();
        Guard.NoNullItems(array, name);
        for (int s = 0; s < array.Length; s++)
        {
            if (array[s] is not (ITransformer or ISupervisedTransformer))
                throw new ArgumentException($"{name}[{s}] is a {array[s].GetType().Name}, which has neither Fit(x) nor Fit(x, y): implement ITransformer or ISupervisedTransformer.", name);
        }
        if (array.Distinct(ReferenceEqualityComparer.Instance).Count() != array.Length)
            throw new ArgumentException($"The same transformer instance appears twice in {name}; each step needs its own instance.", name);
        return array;
    }

    /// <summary>
    /// The y of a combinator's public Fit(x, y): validated as every supervised estimator validates it (x first, then y).
    /// Null is an error there; only the combinator's own Fit(x) passes "no targets" on.
    /// </summary>
    public static Vector<double> Targets(Matrix<double> x, Vector<double> y)
    {
        Guard.MatrixAllowingNaN(x, nameof(x));
        Guard.Vector(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        return y;
    }

    /// <summary>True when fitting <paramref name="step"/> needs the targets.</summary>
    public static bool NeedsTargets(IFeatureTransformer step) => step is not ITransformer;

    /// <summary>
    /// Fits the step on the training rows and returns their transformed values: FitTransform(x, y) for a supervised
    /// step (out of fold for a target encoder), Fit(x).Transform(x) otherwise. <paramref name="what"/> names the step in
    /// the error when y is needed but was not given (default: the step's type).
    /// </summary>
    public static Matrix<double> FitTransform(IFeatureTransformer step, Matrix<double> x, Vector<double>? y, string? what = null)
    {
        what ??= step.GetType().Name;
        if (step is ISupervisedTransformer supervised && (y is not null || NeedsTargets(step)))
            return supervised.FitTransform(x, y ?? throw new InvalidOperationException($"{what} learns from the targets: fit with Fit(x, y)."));
        return ((ITransformer)step).Fit(x).Transform(x);
    }
}
