using System.Collections;
using System.Globalization;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// The course's estimator contract (docs/conventions.md), checked on every estimator and transformer
/// in <see cref="EstimatorCases"/>, in the spirit of scikit-learn's utils/estimator_checks.py.
/// </summary>
public class EstimatorContractTests
{
    private static IEstimator Create(string name) =>
        (EstimatorCases.Regressors.TryGetValue(name, out var c) ? c : EstimatorCases.Transformers[name]).Create();

    private static string[] Learned(string name) =>
        (EstimatorCases.Regressors.TryGetValue(name, out var c) ? c : EstimatorCases.Transformers[name]).Learned;

    private static (Matrix<double> X, Vector<double> y) TrainingData() => Data.Synthetic(n: 40, p: 3, seed: 7);

    private static object Fit(IEstimator e, Matrix<double> x, Vector<double> y) => e switch
    {
        IRegressor r => r.Fit(x, y),
        ITransformer t => t.Fit(x),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    private static object Output(IEstimator e, Matrix<double> x) => e switch
    {
        IRegressor r => r.Predict(x),
        ITransformer t => t.Transform(x),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    private static IEnumerable<PropertyInfo> PublicProperties(IEstimator e) =>
        e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(IEstimator.IsFitted));

    private static object? Read(PropertyInfo p, object target)
    {
        try { return p.GetValue(target); }
        catch (TargetInvocationException ex) when (ex.InnerException is not null) { throw ex.InnerException; }
    }

    // A comparable text form of any learned value: doubles round-trip exactly ("R"), collections element-wise.
    private static string Snapshot(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Snapshot)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string LearnedState(IEstimator e, string name) =>
        string.Join(" | ", Learned(name).Select(p => p + "=" + Snapshot(Read(e.GetType().GetProperty(p)!, e))));

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Fit_returns_the_same_instance_typed_as_the_concrete_class(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData();
        var type = estimator.GetType();
        var fit = estimator is IRegressor
            ? type.GetMethod("Fit", [typeof(Matrix<double>), typeof(Vector<double>)])
            : type.GetMethod("Fit", [typeof(Matrix<double>)]);
        Assert.NotNull(fit);
        Assert.Equal(type, fit!.ReturnType);
        var result = fit.Invoke(estimator, estimator is IRegressor ? [x, y] : [x]);
        Assert.Same(estimator, result);
        Assert.Same(estimator, Fit(estimator, x, y));   // and through the interface
        Assert.True(estimator.IsFitted);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Before_Fit_Predict_and_every_learned_member_throw_NotFitted_naming_the_class(string name)
    {
        var estimator = Create(name);
        var (x, _) = TrainingData();
        Assert.False(estimator.IsFitted);
        string className = estimator.GetType().Name;
        var error = Assert.Throws<NotFittedException>(() => Output(estimator, x));
        Assert.Contains(className, error.Message);
        Assert.Contains("call Fit", error.Message);
        foreach (var member in Learned(name))
        {
            var property = estimator.GetType().GetProperty(member);
            Assert.NotNull(property);
            var memberError = Assert.Throws<NotFittedException>(() => Read(property!, estimator));
            Assert.Contains(className, memberError.Message);
            Assert.Contains("call Fit", memberError.Message);
            Assert.Contains(member, memberError.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void The_listed_learned_members_are_exactly_those_that_need_Fit(string name)
    {
        var estimator = Create(name);
        var needingFit = PublicProperties(estimator).Where(p =>
        {
            try { Read(p, estimator); return false; }
            catch (NotFittedException) { return true; }
        }).Select(p => p.Name).Order();
        Assert.Equal(Learned(name).Order(), needingFit);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Fit_leaves_the_hyper_parameters_unchanged(string name)
    {
        var estimator = Create(name);
        var hyper = PublicProperties(estimator).Where(p => !Learned(name).Contains(p.Name)).ToArray();
        Assert.NotEmpty(hyper);
        var before = hyper.Select(p => Read(p, estimator)).ToArray();
        var (x, y) = TrainingData();
        Fit(estimator, x, y);
        for (int k = 0; k < hyper.Length; k++)
            Assert.Equal(before[k], Read(hyper[k], estimator));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Fit_and_predict_do_not_modify_x_or_y(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData();
        var (xCopy, yCopy) = (x.Clone(), y.Clone());
        Fit(estimator, x, y);
        Output(estimator, x);
        Assert.Equal(xCopy.ToArray(), x.ToArray());
        Assert.Equal(yCopy.ToArray(), y.ToArray());
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Refitting_on_the_same_data_gives_identical_state(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData();
        Fit(estimator, x, y);
        var first = LearnedState(estimator, name);
        Fit(estimator, x, y);
        Assert.Equal(first, LearnedState(estimator, name));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Refitting_on_new_data_replaces_all_learned_state(string name)
    {
        var (xA, yA) = Data.Synthetic(n: 30, p: 2, seed: 1);
        var (xB, yB) = TrainingData();
        var reused = Create(name);
        Fit(reused, xA, yA);
        Fit(reused, xB, yB);
        var fresh = Create(name);
        Fit(fresh, xB, yB);
        Assert.Equal(LearnedState(fresh, name), LearnedState(reused, name));
        Assert.Equal(Snapshot(Output(fresh, xB)), Snapshot(Output(reused, xB)));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Two_estimators_built_alike_learn_alike(string name)
    {
        // Seeded determinism: nothing depends on time, a shared generator or call order.
        var (x, y) = TrainingData();
        var a = Create(name);
        var b = Create(name);
        Fit(a, x, y);
        Fit(b, x, y);
        Assert.Equal(Snapshot(Output(a, x)), Snapshot(Output(b, x)));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Outputs_for_a_subset_of_rows_are_the_subset_of_outputs(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData();
        Fit(estimator, x, y);
        var all = Snapshot(Output(estimator, x.SubMatrix(0, 10, 0, x.ColumnCount)));
        var rows = Enumerable.Range(0, 10).Select(i => Snapshot(Output(estimator, x.SubMatrix(i, 1, 0, x.ColumnCount)))).ToArray();
        if (estimator is IRegressor)
            Assert.Equal(all, "[" + string.Join(",", rows.Select(r => r.Trim('[', ']'))) + "]");
        else
            Assert.Equal(Snapshot(Output(estimator, x.SubMatrix(3, 1, 0, x.ColumnCount))), rows[3]);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void A_different_feature_count_after_Fit_fails_naming_both_counts(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData();
        Fit(estimator, x, y);
        var error = Assert.Throws<ArgumentException>(() => Output(estimator, Matrix<double>.Build.Dense(5, 4, 1.0)));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("4 features", error.Message);
        Assert.Contains("fitted with 3", error.Message);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void NaN_or_infinity_in_x_fails_naming_x_at_Fit_and_at_Predict(string name)
    {
        var (x, y) = TrainingData();
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var xBad = x.Clone();
            xBad[4, 1] = bad;
            var error = Assert.Throws<ArgumentException>(() => Fit(Create(name), xBad, y));
            Assert.Equal("x", error.ParamName);
            Assert.Contains("x[4, 1]", error.Message);
            var fitted = Create(name);
            Fit(fitted, x, y);
            Assert.Equal("x", Assert.Throws<ArgumentException>(() => Output(fitted, xBad)).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.RegressorNames), MemberType = typeof(EstimatorCases))]
    public void NaN_or_infinity_in_y_fails_naming_y(string name)
    {
        var (x, y) = TrainingData();
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var yBad = y.Clone();
            yBad[2] = bad;
            var error = Assert.Throws<ArgumentException>(() => Fit(Create(name), x, yBad));
            Assert.Equal("y", error.ParamName);
            Assert.Contains("y[2]", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Empty_or_null_x_fails_naming_x(string name)
    {
        var empty = Assert.Throws<ArgumentException>(() => Fit(Create(name), Matrix<double>.Build.Dense(0, 3), Vector<double>.Build.Dense(0)));
        Assert.Equal("x", empty.ParamName);
        Assert.Contains("0x3", empty.Message);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Fit(Create(name), null!, Vector<double>.Build.Dense(3))).ParamName);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.RegressorNames), MemberType = typeof(EstimatorCases))]
    public void Mismatched_x_and_y_lengths_fail_naming_both_sizes(string name)
    {
        var (x, y) = TrainingData();
        var error = Assert.Throws<ArgumentException>(() => Fit(Create(name), x, y.SubVector(0, 39)));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("40 rows", error.Message);
        Assert.Contains("39 values", error.Message);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Fit(Create(name), x, null!)).ParamName);
    }
}
