using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Ensembles;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;
using MlCourse.Tests.Classical.Trees;

namespace MlCourse.Tests.Classical.Ensembles;

/// <summary>
/// The estimator contract (lib/MlCourse.Core/Estimators/IEstimator.cs) on the Week 5 estimators, until they join the
/// shared suite in Classical/Contract: Fit returns the same instance and leaves the data untouched, refitting gives the
/// same model, a fixed seed gives the same predictions, unfitted use and a wrong feature count are refused.
/// </summary>
public class TreeEstimatorContractTests
{
    public static TheoryData<string> Classifiers => new() { "tree", "forest", "boosting" };
    public static TheoryData<string> Regressors => new() { "tree", "boosting" };

    private static IClassifier NewClassifier(string name) => name switch
    {
        "tree" => new DecisionTreeClassifier(maxDepth: 4),
        "forest" => new RandomForestClassifier(nTrees: 10, seed: 3),
        _ => new GradientBoostingClassifier(new BoostingSettings(NEstimators: 10)),
    };

    private static IRegressor NewRegressor(string name) => name == "tree"
        ? new DecisionTreeRegressor(maxDepth: 4)
        : new GradientBoostingRegressor(new BoostingSettings(NEstimators: 10));

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void Classifier_follows_the_estimator_contract(string name)
    {
        var (x, y, xt, _) = Week05Reference.Split(Week05Reference.Load("breast_cancer"));
        var (xCopy, yCopy) = (x.Clone(), y.Clone());
        var model = NewClassifier(name);
        Assert.False(model.IsFitted);
        Assert.Throws<NotFittedException>(() => model.Predict(xt));
        Assert.Same(model, model.Fit(x, y));
        Assert.True(model.IsFitted);
        Assert.Equal(xCopy, x);
        Assert.Equal(yCopy, y);
        var first = model.Predict(xt);
        Assert.Equal(first, model.Fit(x, y).Predict(xt));            // refit: same model
        Assert.Equal(first, NewClassifier(name).Fit(x, y).Predict(xt)); // same seed: same model
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Predict(Matrix<double>.Build.Dense(3, x.ColumnCount + 1))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => NewClassifier(name).Fit(x, y.SubVector(0, y.Count - 1))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Regressors))]
    public void Regressor_follows_the_estimator_contract(string name)
    {
        var (x, y, xt, _) = Week05Reference.Split(Week05Reference.Load("diabetes"));
        var (xCopy, yCopy) = (x.Clone(), y.Clone());
        var model = NewRegressor(name);
        Assert.Throws<NotFittedException>(() => model.Predict(xt));
        Assert.Same(model, model.Fit(x, y));
        Assert.Equal(xCopy, x);
        Assert.Equal(yCopy, y);
        var first = model.Predict(xt);
        Assert.Equal(first, model.Fit(x, y).Predict(xt));
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Predict(Matrix<double>.Build.Dense(3, x.ColumnCount + 1))).ParamName);
        var bad = x.Clone();
        bad[1, 1] = double.PositiveInfinity;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => NewRegressor(name).Fit(bad, y)).ParamName);
    }
}
