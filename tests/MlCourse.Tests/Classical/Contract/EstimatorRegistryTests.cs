using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Pipelines;
using MlCourse.Core.Estimators;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// The contract suite runs over every estimator only if every estimator is registered: this fails, naming the type,
/// when a public estimator of the Classical library has no case in <see cref="EstimatorCases"/>.
/// </summary>
public class EstimatorRegistryTests
{
    private static readonly Type[] PublicEstimatorTypes = typeof(LinearRegression).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEstimator).IsAssignableFrom(t))
        .OrderBy(t => t.FullName).ToArray();

    [Fact]
    public void Every_public_estimator_of_the_Classical_library_is_in_the_contract_suite()
    {
        var registered = EstimatorCases.All.Values.Select(c => c.Create().GetType()).ToHashSet();
        var missing = PublicEstimatorTypes.Where(t => !registered.Contains(t)).Select(t => t.FullName).ToArray();
        Assert.True(missing.Length == 0, "Register these in tests/MlCourse.Tests/Classical/Contract/EstimatorCases.cs: " + string.Join(", ", missing));
        Assert.True(PublicEstimatorTypes.Length > 30, $"only {PublicEstimatorTypes.Length} estimator types found: is the reflection looking at the right assembly?");
    }

    [Fact]
    public void Every_estimator_has_one_of_the_course_estimator_interfaces()
    {
        // IEstimator alone says nothing about how to fit: each type must be a regressor, classifier, transformer or clusterer.
        var shapeless = PublicEstimatorTypes.Where(t => !new[] { typeof(IRegressor), typeof(IClassifier), typeof(ITransformer), typeof(ISupervisedTransformer), typeof(IClusterer) }
            .Any(i => i.IsAssignableFrom(t))).Select(t => t.Name).ToArray();
        Assert.Empty(shapeless);
    }

    [Fact]
    public void Supervised_transformers_have_no_Fit_that_only_throws()
    {
        // A transformer that needs y is not an ITransformer, unless it is a combinator that needs y only when a part does.
        var both = PublicEstimatorTypes.Where(t => typeof(ISupervisedTransformer).IsAssignableFrom(t) && typeof(ITransformer).IsAssignableFrom(t));
        Assert.Equal(new[] { nameof(ColumnTransformer), nameof(TransformerChain) }, both.Select(t => t.Name).Order());
    }
}
