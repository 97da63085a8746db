using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;
using static MlCourse.Tests.Classical.Contract.ContractAdapter;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// The course's estimator contract (docs/conventions.md), checked on every estimator in <see cref="EstimatorCases"/>
/// (regressors, classifiers, transformers, supervised transformers, clusterers), in the spirit of scikit-learn's
/// utils/estimator_checks.py. The data and the applicable checks follow each case's <see cref="Tags"/>.
/// Classifier-only checks are in <see cref="ClassifierContractTests"/>.
/// </summary>
public class EstimatorContractTests
{
    private static IEstimator Create(string name) => CaseOf(name).Create();

    private static object Fit(string name, IEstimator e, Matrix<double> x, Vector<double> y) => ContractAdapter.Fit(e, CaseOf(name), x, y);

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Fit_returns_the_same_instance_typed_as_the_concrete_class(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData(name);
        var fit = ConcreteFit(estimator, CaseOf(name));
        Assert.NotNull(fit);
        Assert.Equal(estimator.GetType(), fit!.ReturnType);
        Assert.Same(estimator, Invoke(fit, estimator, UsesY(estimator, CaseOf(name)) ? [x, y] : [x]));
        Assert.Same(estimator, Fit(name, estimator, x, y));   // and through the interface
        Assert.True(estimator.IsFitted);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Before_Fit_every_output_and_learned_member_throws_NotFitted_naming_the_class(string name)
    {
        var estimator = Create(name);
        var (x, _) = TrainingData(name);
        Assert.False(estimator.IsFitted);
        string className = estimator.GetType().Name;
        foreach (var method in OutputMethods(estimator))
        {
            var error = Assert.Throws<NotFittedException>(() => Invoke(method, estimator, x));
            Assert.Contains(className, error.Message);
            Assert.Contains("call Fit", error.Message);
        }
        foreach (var member in CaseOf(name).Learned)
        {
            var property = estimator.GetType().GetProperty(member);
            Assert.NotNull(property);
            var error = Assert.Throws<NotFittedException>(() => Read(property!, estimator));
            Assert.Contains(className, error.Message);
            Assert.Contains("call Fit", error.Message);
            Assert.Contains(member, error.Message);
        }
        // Something must throw before Fit, or the estimator has no learned state the suite can see.
        Assert.True(OutputMethods(estimator).Length + CaseOf(name).Learned.Length > 0, $"{className} has neither outputs nor learned members.");
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
        Assert.Equal(CaseOf(name).Learned.Order(), needingFit);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.WithUnavailableMembers), MemberType = typeof(EstimatorCases))]
    public void A_member_unavailable_for_this_configuration_says_why_after_Fit(string name)
    {
        // E.g. the weight vector w of an RBF machine: it lives in an infinite-dimensional feature space.
        var estimator = Create(name);
        var (x, y) = TrainingData(name);
        Fit(name, estimator, x, y);
        foreach (var member in CaseOf(name).Unavailable)
        {
            var error = Assert.Throws<InvalidOperationException>(() => Read(estimator.GetType().GetProperty(member)!, estimator));
            Assert.IsNotType<NotFittedException>(error);
            Assert.Contains(member, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Fit_and_outputs_leave_the_hyper_parameters_x_and_y_unchanged(string name)
    {
        var estimator = Create(name);
        var hyper = PublicProperties(estimator).Where(p => !CaseOf(name).Learned.Contains(p.Name)).ToArray();
        Assert.NotEmpty(hyper);
        var before = hyper.Select(p => HyperSnapshot(Read(p, estimator))).ToArray();
        var (x, y) = TrainingData(name);
        var (xCopy, yCopy) = (x.Clone(), y.Clone());
        Fit(name, estimator, x, y);
        Outputs(estimator, x);
        Assert.Equal(before, hyper.Select(p => HyperSnapshot(Read(p, estimator))).ToArray());
        Assert.Equal(xCopy.ToArray(), x.ToArray());
        Assert.Equal(yCopy.ToArray(), y.ToArray());
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Refitting_is_idempotent_and_replaces_all_learned_state(string name)
    {
        var (xA, yA) = TrainingData(name, n: 30, seed: 1);
        var (xB, yB) = TrainingData(name);
        var reused = Create(name);
        Fit(name, reused, xB, yB);
        var first = (LearnedState(reused, CaseOf(name)), Outputs(reused, xB));
        Fit(name, reused, xA, yA);
        Fit(name, reused, xB, yB);
        Assert.Equal(first, (LearnedState(reused, CaseOf(name)), Outputs(reused, xB)));
        var fresh = Create(name);
        Fit(name, fresh, xB, yB);
        Assert.Equal(LearnedState(fresh, CaseOf(name)), LearnedState(reused, CaseOf(name)));
        Assert.Equal(Outputs(fresh, xB), Outputs(reused, xB));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Two_estimators_built_alike_learn_alike(string name)
    {
        // Seeded determinism: nothing depends on time, a shared generator or call order.
        var (x, y) = TrainingData(name);
        var a = Create(name);
        var b = Create(name);
        Fit(name, a, x, y);
        Fit(name, b, x, y);
        Assert.Equal(Outputs(a, x), Outputs(b, x));
        // ...and the comparison can fail: the same model says something else about other rows.
        if (OutputMethods(a).Length > 0) Assert.NotEqual(Outputs(a, x), Outputs(a, TrainingData(name, seed: 99).X));
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.InductiveNames), MemberType = typeof(EstimatorCases))]
    public void Outputs_for_single_rows_are_the_rows_of_the_output_for_all_rows(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData(name);
        Fit(name, estimator, x, y);
        foreach (var method in OutputMethods(estimator))
        {
            var all = Invoke(method, estimator, x.SubMatrix(0, 10, 0, x.ColumnCount));
            for (int i = 0; i < 10; i++)
                Assert.Equal(RowOf(all, i), RowOf(Invoke(method, estimator, x.SubMatrix(i, 1, 0, x.ColumnCount)), 0));
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.InductiveNames), MemberType = typeof(EstimatorCases))]
    public void A_different_feature_count_after_Fit_fails_naming_both_counts(string name)
    {
        var estimator = Create(name);
        var (x, y) = TrainingData(name);
        Fit(name, estimator, x, y);
        foreach (var method in OutputMethods(estimator))
        {
            var error = Assert.Throws<ArgumentException>(() => Invoke(method, estimator, Matrix<double>.Build.Dense(5, 4, 1.0)));
            Assert.Equal("x", error.ParamName);
            Assert.Contains("4 features", error.Message);
            Assert.Contains("fitted with 3", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Infinity_in_x_fails_naming_x_and_NaN_fails_unless_it_means_missing(string name)
    {
        var (x, y) = TrainingData(name);
        var fitted = Create(name);
        Fit(name, fitted, x, y);
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var xBad = x.Clone();
            xBad[4, 1] = bad;
            if (double.IsNaN(bad) && CaseOf(name).Has(Tags.AllowsNaN))
            {
                // NaN is a missing value: Fit accepts it and the output fills it in.
                var imputing = Create(name);
                Fit(name, imputing, xBad, y);
                foreach (var method in OutputMethods(imputing))
                    Assert.DoesNotContain("NaN", Snapshot(Invoke(method, imputing, xBad)));
                continue;
            }
            var error = Assert.Throws<ArgumentException>(() => Fit(name, Create(name), xBad, y));
            Assert.Equal("x", error.ParamName);
            Assert.Contains("x[4, 1]", error.Message);
            foreach (var method in OutputMethods(fitted))
                Assert.Equal("x", Assert.Throws<ArgumentException>(() => Invoke(method, fitted, xBad)).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.AllNames), MemberType = typeof(EstimatorCases))]
    public void Empty_or_null_x_fails_naming_x(string name)
    {
        var empty = Assert.Throws<ArgumentException>(() => Fit(name, Create(name), Matrix<double>.Build.Dense(0, 3), Vector<double>.Build.Dense(0)));
        Assert.Equal("x", empty.ParamName);
        Assert.Contains("0x3", empty.Message);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Fit(name, Create(name), null!, Vector<double>.Build.Dense(3))).ParamName);
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.SupervisedNames), MemberType = typeof(EstimatorCases))]
    public void NaN_or_infinity_in_y_fails_naming_y(string name)
    {
        var (x, y) = TrainingData(name);
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var yBad = y.Clone();
            yBad[2] = bad;
            var error = Assert.Throws<ArgumentException>(() => Fit(name, Create(name), x, yBad));
            Assert.Equal("y", error.ParamName);
            Assert.Contains("y[2]", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.SupervisedNames), MemberType = typeof(EstimatorCases))]
    public void Mismatched_or_null_y_fails_naming_y_and_both_sizes(string name)
    {
        var (x, y) = TrainingData(name);
        var error = Assert.Throws<ArgumentException>(() => Fit(name, Create(name), x, y.SubVector(0, 39)));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("40 rows", error.Message);
        Assert.Contains("39 values", error.Message);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Fit(name, Create(name), x, null!)).ParamName);
    }
}
