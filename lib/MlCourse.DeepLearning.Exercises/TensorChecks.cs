using MlCourse.DeepLearning.Runtime;
using MlCourse.Notebook;
using static TorchSharp.torch;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Tensor comparisons for deep-learning exercise checkers (week checkers live beside this file as
/// <c>WeekNN.cs</c> with <c>WeekNNSolutions.cs</c>, as the classical ones do in MlCourse.Notebook):
/// the shape is checked first, then every value through the same <see cref="Checker"/> the
/// classical checkers use, so a failure names the worst entry.
/// <code>Exercise.Check("Exercise 2: a linear layer", c => c.Close("y", learnerLinear(x, w, b), x.matmul(w.T) + b, 1e-6));</code>
/// </summary>
public static class TensorChecks
{
    /// <summary>True when <paramref name="actual"/> has <paramref name="expected"/>'s shape and every value within <paramref name="tolerance"/>.</summary>
    public static bool Close(this Checker checker, string what, Tensor? actual, Tensor expected, double tolerance = 1e-6)
    {
        Guard.NotNull(checker, nameof(checker));
        Guard.NotNull(expected, nameof(expected));
        if (!checker.True($"{what}: shape", actual is not null && actual.shape.SequenceEqual(expected.shape),
                actual is null
                    ? $"expected a tensor of shape {Shape(expected)} but got null (did your code return a value?)."
                    : $"expected shape {Shape(expected)} but got {Shape(actual)}."))
            return false;
        return checker.Close(what, TensorConversion.ToDoubles(actual!), TensorConversion.ToDoubles(expected), tolerance);
    }

    private static string Shape(Tensor t) => $"({string.Join(", ", t.shape)})";
}
