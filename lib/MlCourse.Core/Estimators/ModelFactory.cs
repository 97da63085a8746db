namespace MlCourse.Core.Estimators;

/// <summary>
/// Composite estimators (one-vs-rest, one-vs-one, ...) take their base model as a factory, <c>() => new X(hyper-parameters)</c>,
/// rather than copying X's hyper-parameters and validation. The factory builds one model per sub-problem; this is the
/// one place that checks what it returned.
/// </summary>
public static class ModelFactory
{
    /// <summary>
    /// Calls <paramref name="factory"/> and checks the result is a new, unfitted model. A factory that returns one shared
    /// instance is caught on its second call (the first model was fitted since), before it silently overwrites that model.
    /// </summary>
    public static T Build<T>(Func<T> factory, string name) where T : class, IEstimator
    {
        Validation.Guard.NotNull(factory, name);
        var model = factory() ?? throw new ArgumentException($"The {name} factory returned null; it must build a new {typeof(T).Name}.", name);
        if (model.IsFitted)
            throw new ArgumentException(
                $"The {name} factory returned a {model.GetType().Name} that is already fitted: it must build a new model on every call (e.g. () => new {typeof(T).Name}(...)), not return a shared one.",
                name);
        return model;
    }
}
