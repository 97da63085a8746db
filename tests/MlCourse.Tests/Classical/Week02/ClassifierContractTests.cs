using System.Collections;
using System.Globalization;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;
using MlCourse.Tests.Classical.Contract;

namespace MlCourse.Tests.Classical.Week02;

/// <summary>
/// The estimator contract (docs/conventions.md) for every classifier in <see cref="EstimatorCases.Classifiers"/>:
/// the checks of EstimatorContractTests, fed with class labels instead of a continuous target, plus the
/// classifier-specific ones (labels must be 0..K−1; predictions are labels; probabilities are distributions).
/// Binary models get labels {0, 1}, the others three classes. Probability checks apply to classifiers that have
/// PredictProbability (an SVM's score is not a probability, so it has DecisionFunction only).
/// </summary>
public class ClassifierContractTests
{
    private static IClassifier Create(string name) => (IClassifier)EstimatorCases.Classifiers[name].Create();
    private static string[] Learned(string name) => EstimatorCases.Classifiers[name].Learned;
    private static EstimatorCases.Case CaseOf(IClassifier c) => EstimatorCases.Classifiers.Values.First(k => k.Create().GetType() == c.GetType());
    private static bool IsBinary(IClassifier c) => CaseOf(c).Binary;

    private static (Matrix<double> X, Vector<double> y) TrainingData(IClassifier c, int n = 40, int seed = 7)
    {
        if (!CaseOf(c).Separable) return Week02Data.Blobs(n: n, p: 3, classes: IsBinary(c) ? 2 : 3, seed: seed);
        // Far-apart classes (centres 8 apart, noise in [-1, 1]) for the hard-margin machine, which refuses overlap.
        var rng = MlCourse.Core.Randomness.Seeded.Random(seed);
        var y = Vector<double>.Build.Dense(n, i => i % 2);
        var x = Matrix<double>.Build.Dense(n, 3);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 3; j++) x[i, j] = 8 * y[i] + rng.NextDouble() * 2 - 1;
        return (x, y);
    }

    private static object? Read(PropertyInfo p, object target)
    {
        try { return p.GetValue(target); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null) { throw ex.InnerException; }
    }

    private static IEnumerable<PropertyInfo> PublicProperties(object e) =>
        e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(IEstimator.IsFitted));

    private static string Snapshot(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Matrix<double> m => Snapshot(m.ToColumnMajorArray()),
        MlCourse.Classical.SupportVectorMachines.SupportVectorClassifier s => Snapshot(s.Alpha) + Snapshot(s.Intercept),
        System.Runtime.CompilerServices.ITuple t => "(" + string.Join(",", Enumerable.Range(0, t.Length).Select(i => Snapshot(t[i]))) + ")",
        string s => s,
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Snapshot)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string LearnedState(IClassifier e, string name) => string.Join(" | ", Learned(name).Select(p =>
    {
        try { return p + "=" + Snapshot(Read(e.GetType().GetProperty(p)!, e)); }
        catch (InvalidOperationException ex) when (ex is not NotFittedException) { return p + " n/a"; }   // w of a non-linear kernel
    }));

    /// <summary>PredictProbability's output, or null for a classifier without probabilities.</summary>
    private static object? Probabilities(IClassifier c, Matrix<double> x) =>
        c.GetType().GetMethod("PredictProbability") is { } method ? Invoke(method, c, x) : null;

    private static object? Invoke(MethodInfo method, object target, Matrix<double> x)
    {
        try { return method.Invoke(target, [x]); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null) { throw ex.InnerException; }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Fit_returns_the_same_instance_typed_as_the_concrete_class(string name)
    {
        var c = Create(name);
        var (x, y) = TrainingData(c);
        var fit = c.GetType().GetMethod("Fit", [typeof(Matrix<double>), typeof(Vector<double>)]);
        Assert.Equal(c.GetType(), fit!.ReturnType);
        Assert.Same(c, fit.Invoke(c, [x, y]));
        Assert.Same(c, c.Fit(x, y));
        Assert.True(c.IsFitted);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Before_Fit_every_prediction_method_and_learned_member_throw_NotFitted(string name)
    {
        var c = Create(name);
        var (x, _) = TrainingData(c);
        string className = c.GetType().Name;
        var methods = new[] { "Predict", "PredictProbability", "DecisionFunction" }
            .Select(m => c.GetType().GetMethod(m, [typeof(Matrix<double>)])).OfType<MethodInfo>().ToArray();
        Assert.Contains(methods, m => m.Name == "Predict");
        foreach (var method in methods)
        {
            var error = Assert.Throws<NotFittedException>(() => Invoke(method, c, x));
            Assert.Contains(className, error.Message);
            Assert.Contains("call Fit", error.Message);
        }
        foreach (var member in Learned(name))
        {
            var error = Assert.Throws<NotFittedException>(() => Read(c.GetType().GetProperty(member)!, c));
            Assert.Contains(member, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void The_listed_learned_members_are_exactly_those_that_need_Fit(string name)
    {
        var c = Create(name);
        var needingFit = PublicProperties(c).Where(p =>
        {
            try { Read(p, c); return false; }
            catch (NotFittedException) { return true; }
        }).Select(p => p.Name).Order();
        Assert.Equal(Learned(name).Order(), needingFit);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Fit_leaves_the_hyper_parameters_unchanged_and_does_not_modify_x_or_y(string name)
    {
        var c = Create(name);
        var hyper = PublicProperties(c).Where(p => !Learned(name).Contains(p.Name)).ToArray();
        Assert.NotEmpty(hyper);
        var before = hyper.Select(p => Snapshot(Read(p, c))).ToArray();
        var (x, y) = TrainingData(c);
        var (xCopy, yCopy) = (x.Clone(), y.Clone());
        c.Fit(x, y);
        c.Predict(x);
        Probabilities(c, x);
        Assert.Equal(before, hyper.Select(p => Snapshot(Read(p, c))).ToArray());
        Assert.Equal(xCopy.ToArray(), x.ToArray());
        Assert.Equal(yCopy.ToArray(), y.ToArray());
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Refitting_is_idempotent_and_replaces_all_learned_state(string name)
    {
        var reused = Create(name);
        var (xA, yA) = TrainingData(reused, n: 30, seed: 1);
        var (xB, yB) = TrainingData(reused);
        reused.Fit(xB, yB);
        var first = LearnedState(reused, name);
        reused.Fit(xA, yA);
        reused.Fit(xB, yB);
        Assert.Equal(first, LearnedState(reused, name));
        var fresh = Create(name);
        fresh.Fit(xB, yB);
        Assert.Equal(LearnedState(fresh, name), LearnedState(reused, name));
        Assert.Equal(Snapshot(Probabilities(fresh, xB)), Snapshot(Probabilities(reused, xB)));
        Assert.Equal(Snapshot(fresh.Predict(xB)), Snapshot(reused.Predict(xB)));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Outputs_for_a_subset_of_rows_are_the_subset_of_outputs(string name)
    {
        var c = Create(name);
        var (x, y) = TrainingData(c);
        c.Fit(x, y);
        var all = c.Predict(x);
        var probabilities = Probabilities(c, x);
        for (int i = 0; i < 10; i++)
        {
            var row = x.SubMatrix(i, 1, 0, x.ColumnCount);
            Assert.Equal(all[i], c.Predict(row)[0]);
            var single = Probabilities(c, row);
            if (probabilities is null) continue;
            string expected = probabilities is Matrix<double> m ? Snapshot(m.Row(i)) : Snapshot(((Vector<double>)probabilities)[i]);
            string actual = single is Matrix<double> s ? Snapshot(s.Row(0)) : Snapshot(((Vector<double>)single)[0]);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Predictions_are_labels_and_probabilities_are_distributions(string name)
    {
        var c = Create(name);
        var (x, y) = TrainingData(c);
        c.Fit(x, y);
        int k = IsBinary(c) ? 2 : 3;
        Assert.All(c.Predict(x), label => Assert.Contains(label, Enumerable.Range(0, k).Select(v => (double)v)));
        if (Probabilities(c, x) is Matrix<double> p)
        {
            Assert.Equal(k, p.ColumnCount);
            for (int i = 0; i < p.RowCount; i++)
            {
                Assert.InRange(p.Row(i).Sum(), 1 - 1e-12, 1 + 1e-12);
                Assert.Equal(p.Row(i).MaximumIndex(), (int)c.Predict(x.SubMatrix(i, 1, 0, 3))[0]);
            }
        }
        else if (Probabilities(c, x) is Vector<double> binary)
            Assert.All(binary, v => Assert.InRange(v, 0.0, 1.0));
        // Better than chance on training data whose classes differ in mean by 1 standard deviation.
        double accuracy = c.Predict(x).Zip(y, (a, b) => a == b ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 1.0 / k + 0.1, $"training accuracy {accuracy}");
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Bad_input_fails_naming_the_argument(string name)
    {
        var (x, y) = TrainingData(Create(name));
        var fitted = Create(name);
        fitted.Fit(x, y);
        var wrongWidth = Assert.Throws<ArgumentException>(() => fitted.Predict(Matrix<double>.Build.Dense(5, 4, 1.0)));
        Assert.Equal("x", wrongWidth.ParamName);
        Assert.Contains("4 features", wrongWidth.Message);
        Assert.Contains("fitted with 3", wrongWidth.Message);
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var xBad = x.Clone();
            xBad[4, 1] = bad;
            Assert.Contains("x[4, 1]", Assert.Throws<ArgumentException>(() => Create(name).Fit(xBad, y)).Message);
            Assert.Equal("x", Assert.Throws<ArgumentException>(() => fitted.Predict(xBad)).ParamName);
            var yBad = y.Clone();
            yBad[2] = bad;
            var yError = Assert.Throws<ArgumentException>(() => Create(name).Fit(x, yBad));
            Assert.Equal("y", yError.ParamName);
            Assert.Contains("y[2]", yError.Message);
        }
        foreach (var label in new[] { -1.0, 0.5, 7.0 })
        {
            var yBad = y.Clone();
            yBad[5] = label;
            var error = Assert.Throws<ArgumentException>(() => Create(name).Fit(x, yBad));
            Assert.Equal("y", error.ParamName);
            // A label of 7 is a valid multiclass label, but then labels 3..6 never occur: that is the error reported.
            Assert.Contains(label == 7.0 && !IsBinary(fitted) ? "label 3 never occurs" : "y[5]", error.Message);
        }
        var lengths = Assert.Throws<ArgumentException>(() => Create(name).Fit(x, y.SubVector(0, 39)));
        Assert.Equal("y", lengths.ParamName);
        Assert.Contains("40 rows", lengths.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Create(name).Fit(Matrix<double>.Build.Dense(0, 3), Vector<double>.Build.Dense(0))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Create(name).Fit(null!, y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Create(name).Fit(x, null!)).ParamName);
    }
}
