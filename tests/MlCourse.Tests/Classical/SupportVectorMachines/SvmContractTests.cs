using System.Collections;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Tests.Classical.SupportVectorMachines;

/// <summary>
/// The estimator contract (docs/conventions.md) for the Week 6 classifiers. The shared ClassifierContractTests
/// assumes PredictProbability, which an SVM does not have (its score is not a probability), so the same checks run
/// here with DecisionFunction where the SVMs have one.
/// </summary>
public class SvmContractTests
{
    private sealed record Case(Func<IClassifier> Create, string[] Learned, bool Binary, bool Separable = false);

    private static readonly string[] SvcLearned = ["SupportIndices", "SupportVectors", "DualCoefficients", "Alpha", "Intercept", "Iterations", "Converged", "DualObjective", "Coefficients"];

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["SupportVectorClassifier(linear)"] = new(() => new SupportVectorClassifier(Kernel.Linear(), 0.5), SvcLearned, Binary: true),
        ["SupportVectorClassifier(rbf)"] = new(() => new SupportVectorClassifier(Kernel.Rbf(0.3), 2.0), SvcLearned, Binary: true),
        ["OneVsOneSvc(rbf)"] = new(() => new OneVsOneSvc(Kernel.Rbf(0.3)), ["ClassCount", "Machines", "SupportIndices"], Binary: false),
        ["HardMarginSvm"] = new(() => new HardMarginSvm(), ["Coefficients", "Intercept", "Alpha", "SupportIndices", "Margin"], Binary: true, Separable: true),
        ["PegasosSvm"] = new(() => new PegasosSvm(epochs: 20), ["Coefficients", "Intercept", "ObjectiveHistory"], Binary: true),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    // Gaussian blobs, class k centred at k·(spread) in every feature; far apart when the case needs separable data.
    private static (Matrix<double> X, Vector<double> Y) Data(string name, int n = 40, int seed = 7)
    {
        var c = Cases[name];
        var rng = new Random(seed);
        int classes = c.Binary ? 2 : 3;
        double spread = c.Separable ? 8 : 1;
        var y = Vector<double>.Build.Dense(n, i => i % classes);
        var x = Matrix<double>.Build.Dense(n, 3);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 3; j++)
                x[i, j] = spread * y[i] + rng.NextDouble() * 2 - 1;
        return (x, y);
    }

    private static object? Read(PropertyInfo p, object target)
    {
        try { return p.GetValue(target); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null) { throw ex.InnerException; }
    }

    private static string Snapshot(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Matrix<double> m => Snapshot(m.ToColumnMajorArray()),
        SupportVectorClassifier s => Snapshot(s.Alpha) + Snapshot(s.Intercept),
        ITuple t => "(" + string.Join(",", Enumerable.Range(0, t.Length).Select(i => Snapshot(t[i]))) + ")",
        string s => s,
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Snapshot)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string LearnedState(IClassifier e, string name) => string.Join(" | ", Cases[name].Learned.Select(p =>
    {
        try { return p + "=" + Snapshot(Read(e.GetType().GetProperty(p)!, e)); }
        catch (InvalidOperationException ex) when (ex is not NotFittedException) { return p + " n/a"; }   // w of a non-linear kernel
    }));

    private static IEnumerable<PropertyInfo> PublicProperties(object e) =>
        e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(IEstimator.IsFitted));

    [Theory]
    [MemberData(nameof(Names))]
    public void Fit_returns_the_same_instance_typed_as_the_concrete_class(string name)
    {
        var c = Cases[name].Create();
        var (x, y) = Data(name);
        var fit = c.GetType().GetMethod("Fit", [typeof(Matrix<double>), typeof(Vector<double>)]);
        Assert.Equal(c.GetType(), fit!.ReturnType);
        Assert.Same(c, fit.Invoke(c, [x, y]));
        Assert.Same(c, c.Fit(x, y));
        Assert.True(c.IsFitted);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Before_Fit_predictions_and_exactly_the_learned_members_throw_NotFitted(string name)
    {
        var c = Cases[name].Create();
        var (x, _) = Data(name);
        var error = Assert.Throws<NotFittedException>(() => c.Predict(x));
        Assert.Contains(c.GetType().Name, error.Message);
        var needingFit = PublicProperties(c).Where(p =>
        {
            try { Read(p, c); return false; }
            catch (NotFittedException) { return true; }
        }).Select(p => p.Name).Order();
        Assert.Equal(Cases[name].Learned.Order(), needingFit);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fit_leaves_hyper_parameters_and_data_unchanged_and_refitting_is_idempotent(string name)
    {
        var c = Cases[name].Create();
        var hyper = PublicProperties(c).Where(p => !Cases[name].Learned.Contains(p.Name)).ToArray();
        var before = hyper.Select(p => Snapshot(Read(p, c))).ToArray();
        var (xA, yA) = Data(name, n: 30, seed: 1);
        var (xB, yB) = Data(name);
        var (xCopy, yCopy) = (xB.Clone(), yB.Clone());
        c.Fit(xB, yB);
        var first = LearnedState(c, name);
        c.Fit(xA, yA);
        c.Fit(xB, yB);
        Assert.Equal(first, LearnedState(c, name));
        Assert.Equal(before, hyper.Select(p => Snapshot(Read(p, c))).ToArray());
        Assert.Equal(xCopy, xB);
        Assert.Equal(yCopy, yB);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Predictions_of_a_subset_of_rows_are_the_subset_and_beat_chance(string name)
    {
        var c = Cases[name].Create();
        var (x, y) = Data(name);
        c.Fit(x, y);
        var all = c.Predict(x);
        for (int i = 0; i < 10; i++) Assert.Equal(all[i], c.Predict(x.SubMatrix(i, 1, 0, 3))[0]);
        int k = Cases[name].Binary ? 2 : 3;
        Assert.All(all, label => Assert.Contains(label, Enumerable.Range(0, k).Select(v => (double)v)));
        Assert.True(all.Zip(y, (a, b) => a == b ? 1.0 : 0.0).Average() > 1.0 / k + 0.1);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_fails_naming_the_argument(string name)
    {
        var (x, y) = Data(name);
        var fitted = Cases[name].Create();
        fitted.Fit(x, y);
        var wrongWidth = Assert.Throws<ArgumentException>(() => fitted.Predict(Matrix<double>.Build.Dense(5, 4, 1.0)));
        Assert.Equal("x", wrongWidth.ParamName);
        Assert.Contains("fitted with 3", wrongWidth.Message);
        var xBad = x.Clone();
        xBad[4, 1] = double.NaN;
        Assert.Contains("x[4, 1]", Assert.Throws<ArgumentException>(() => Cases[name].Create().Fit(xBad, y)).Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => fitted.Predict(xBad)).ParamName);
        var shortY = y.SubVector(0, y.Count - 1);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Cases[name].Create().Fit(x, shortY)).ParamName);
        var yBad = y.Clone();
        yBad[0] = Cases[name].Binary ? 2 : -1;
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Cases[name].Create().Fit(x, yBad)).ParamName);
    }
}
