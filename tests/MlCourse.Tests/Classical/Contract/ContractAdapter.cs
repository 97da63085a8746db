using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Pipelines;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;
using MlCourse.Tests.Classical.Week02;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// How the contract suite drives an estimator of any kind: the training data its tags ask for, Fit through the right
/// interface, every output method it has, and comparable snapshots of values. Reflection errors are unwrapped with
/// their original stack trace, so a failing check points at the library line that threw.
/// </summary>
internal static class ContractAdapter
{
    /// <summary>The methods that map new rows to outputs, in a fixed order; an estimator has those it declares.</summary>
    private static readonly string[] OutputMethodNames = ["Predict", "PredictProbability", "DecisionFunction", "Transform"];

    public const int Rows = 40;
    public const int Features = 3;

    public static EstimatorCases.Case CaseOf(string name) => EstimatorCases.All[name];

    /// <summary>Training data for the case: x (40, 3) and a target of the kind the estimator learns from.</summary>
    public static (Matrix<double> X, Vector<double> y) TrainingData(string name, int n = Rows, int seed = 7)
    {
        var c = CaseOf(name);
        var estimator = c.Create();
        if (c.Has(Tags.CategoricalInput))
        {
            // Codes 0..2 per column; the target follows column 0 (labels) or column 0 plus noise (continuous).
            var rng = Seeded.Random(seed);
            var codes = new double[n, Features];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < Features; j++) codes[i, j] = rng.Next(3);
            var x = Matrix<double>.Build.DenseOfArray(codes);
            var noise = new double[n];
            for (int i = 0; i < n; i++) noise[i] = 0.1 * rng.NextGaussian();
            var y = estimator is IClassifier
                ? x.Column(0)
                : Vector<double>.Build.Dense(n, i => x[i, 0] + noise[i]);
            return (x, y);
        }
        if (estimator is IClassifier || estimator is IClusterer || c.Has(Tags.ClassTarget))
        {
            if (c.Has(Tags.Separable)) return SeparableBlobs(n, seed);
            return Week02Data.Blobs(n: n, p: Features, classes: c.Has(Tags.Binary) ? 2 : 3, seed: seed);
        }
        return Data.Synthetic(n: n, p: Features, seed: seed);
    }

    // Far-apart classes (centres 8 apart, noise in [-1, 1]) for the hard-margin machine, which refuses overlap.
    private static (Matrix<double> X, Vector<double> y) SeparableBlobs(int n, int seed)
    {
        var rng = Seeded.Random(seed);
        var labels = new double[n];
        var values = new double[n, Features];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            for (int j = 0; j < Features; j++) values[i, j] = 8 * labels[i] + rng.NextDouble() * 2 - 1;
        }
        return (Matrix<double>.Build.DenseOfArray(values), Vector<double>.Build.DenseOfArray(labels));
    }

    /// <summary>Whether the estimator learns with Fit(x, y) (regressors, classifiers, supervised transformers).</summary>
    public static bool UsesY(IEstimator e, EstimatorCases.Case c) => e is IRegressor or IClassifier || c.Has(Tags.NeedsY);

    public static object Fit(IEstimator e, EstimatorCases.Case c, Matrix<double> x, Vector<double> y) => e switch
    {
        IRegressor r => r.Fit(x, y),
        IClassifier k => k.Fit(x, y),
        ISupervisedTransformer s when c.Has(Tags.NeedsY) => s.Fit(x, y),
        ITransformer t => t.Fit(x),
        IClusterer k => k.Fit(x),
        _ => throw new NotSupportedException($"{e.GetType().Name} implements none of the estimator interfaces the suite knows."),
    };

    /// <summary>The concrete Fit method the interface call above dispatches to (it must return the concrete type).</summary>
    public static MethodInfo? ConcreteFit(IEstimator e, EstimatorCases.Case c) => UsesY(e, c)
        ? e.GetType().GetMethod("Fit", [typeof(Matrix<double>), typeof(Vector<double>)])
        : e.GetType().GetMethod("Fit", [typeof(Matrix<double>)]);

    /// <summary>Public instance methods named Predict, PredictProbability, DecisionFunction or Transform that take one matrix.</summary>
    public static MethodInfo[] OutputMethods(IEstimator e) => OutputMethodNames
        .Select(m => e.GetType().GetMethod(m, BindingFlags.Public | BindingFlags.Instance, [typeof(Matrix<double>)]))
        .OfType<MethodInfo>().ToArray();

    public static object? Invoke(MethodInfo method, object target, params object?[] arguments)
    {
        try { return method.Invoke(target, arguments); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;   // unreachable: Throw() always throws
        }
    }

    public static object? Read(PropertyInfo p, object target)
    {
        try { return p.GetValue(target); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>
    /// Everything the fitted estimator says about x, one string per output method (Predict, PredictProbability, ...);
    /// for a clusterer without Predict (DBSCAN, agglomerative) the labels of the rows it was fitted on.
    /// </summary>
    public static string Outputs(IEstimator e, Matrix<double> x)
    {
        var methods = OutputMethods(e);
        if (methods.Length == 0 && e is IClusterer clusterer) return "Labels=" + Snapshot(clusterer.Labels);
        return string.Join(" | ", methods.Select(m => m.Name + "=" + Snapshot(Invoke(m, e, x))));
    }

    /// <summary>Row <paramref name="i"/> of an output: element i of a vector, row i of a matrix.</summary>
    public static string RowOf(object? output, int i) => output switch
    {
        Vector<double> v => Snapshot(v[i]),
        Matrix<double> m => Snapshot(m.Row(i)),
        int[] labels => Snapshot(labels[i]),
        _ => throw new NotSupportedException($"An output of type {output?.GetType().Name ?? "null"} has no rows."),
    };

    public static IEnumerable<PropertyInfo> PublicProperties(object e) =>
        e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(IEstimator.IsFitted));

    /// <summary>The learned members listed for the case, read after Fit (the unavailable ones are checked separately).</summary>
    public static string LearnedState(IEstimator e, EstimatorCases.Case c) => string.Join(" | ", c.Learned.Except(c.Unavailable)
        .Select(p => p + "=" + Snapshot(Read(e.GetType().GetProperty(p)!, e))));

    /// <summary>
    /// A comparable text form: doubles round-trip exactly ("R"), matrices and collections element-wise, and an estimator
    /// held inside another (a one-vs-one machine, a pipeline step) by all its public properties, recursively.
    /// </summary>
    public static string Snapshot(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        Matrix<double> m => $"{m.RowCount}x{m.ColumnCount}:" + Snapshot(m.ToColumnMajorArray()),
        IEstimator nested => nested.GetType().Name + "{" + string.Join(",", PublicProperties(nested).Select(p => p.Name + "=" + NestedMember(p, nested))) + "}",
        ITuple t => "(" + string.Join(",", Enumerable.Range(0, t.Length).Select(i => Snapshot(t[i]))) + ")",
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Snapshot)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    // Inside a nested estimator a member may legitimately be unavailable (w of an RBF machine): record how it failed,
    // so two snapshots still agree only if both fail the same way. Top-level learned members are never caught.
    private static string NestedMember(PropertyInfo p, object target)
    {
        try { return Snapshot(Read(p, target)); }
        catch (InvalidOperationException ex) { return "threw " + ex.GetType().Name; }
    }

    /// <summary>A snapshot of hyper-parameters: like <see cref="Snapshot"/>, but a nested estimator or a delegate by identity
    /// (a pipeline's steps are fitted in place: the step must stay the same object, its learned state may change).</summary>
    public static string HyperSnapshot(object? value) => value switch
    {
        IEstimator or Delegate => value.GetType().Name + "#" + RuntimeHelpers.GetHashCode(value),
        string s => s,
        IEnumerable items and not Matrix<double> and not Vector<double> => "[" + string.Join(",", items.Cast<object?>().Select(HyperSnapshot)) + "]",
        ColumnBranch b => b.Name + ":" + HyperSnapshot(b.Transformer) + ":" + Snapshot(b.Columns),
        _ => Snapshot(value),
    };
}
