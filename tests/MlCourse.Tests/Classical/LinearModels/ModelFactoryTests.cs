using MlCourse.Classical.LinearModels;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Tests.Classical.Week02;

namespace MlCourse.Tests.Classical.LinearModels;

/// <summary>One-vs-rest and one-vs-one build their binary models from a factory (docs/conventions.md, "Composites take factories").</summary>
public class ModelFactoryTests
{
    [Fact]
    public void A_factory_that_returns_one_shared_model_is_rejected_before_it_overwrites_a_fitted_one()
    {
        var (x, y) = Week02Data.Blobs(n: 40, p: 3, classes: 3);
        var shared = new LogisticRegression();
        var error = Assert.Throws<ArgumentException>(() => new LogisticOneVsRest(() => shared).Fit(x, y));
        Assert.Equal("baseModel", error.ParamName);
        Assert.Contains("already fitted", error.Message);
        var machine = new SupportVectorClassifier(Kernel.Linear());
        Assert.Equal("machine", Assert.Throws<ArgumentException>(() => new OneVsOneSvc(() => machine).Fit(x, y)).ParamName);
    }

    [Fact]
    public void One_vs_rest_holds_one_binary_model_per_class_with_the_factorys_hyper_parameters()
    {
        var (x, y) = Week02Data.Blobs(n: 40, p: 3, classes: 3);
        var ovr = new LogisticOneVsRest(() => new LogisticRegression(alpha: 0.3)).Fit(x, y);
        Assert.Equal(3, ovr.Models.Count);
        Assert.All(ovr.Models, m => Assert.Equal(0.3, m.Alpha));
        // Model k is "class k vs the rest": the same as fitting that binary problem directly.
        var direct = new LogisticRegression(alpha: 0.3).Fit(x, y.Map(v => v == 2 ? 1.0 : 0.0));
        Assert.Equal(direct.Coefficients.ToArray(), ovr.Coefficients.Column(2).ToArray());
    }
}
