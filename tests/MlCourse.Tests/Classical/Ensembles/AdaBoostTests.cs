using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Ensembles;
using MlCourse.Tests.Classical.Support;
using MlCourse.Tests.Classical.Trees;

namespace MlCourse.Tests.Classical.Ensembles;

public class AdaBoostTests
{
    private static JsonElement Case(string name) => Reference.Load("week05_adaboost.json").GetProperty(name);

    [Theory]
    [InlineData("cancer_lr1", "breast_cancer")]
    [InlineData("cancer_lr05", "breast_cancer")]
    [InlineData("wine_lr1", "wine")]
    public void SAMME_with_stumps_reproduces_scikit_learn_AdaBoostClassifier(string name, string data)
    {
        // Expected: AdaBoostClassifier(DecisionTreeClassifier(max_depth=1), algorithm="SAMME") on the i % 4 split,
        // recorded by tests/reference/week05_adaboost.py (scikit-learn 1.2.1): every stump, vote and weighted error,
        // then the test rows' vote shares, probabilities and classes.
        var r = Case(name);
        var (xtr, ytr, xte, _) = Week05Reference.Split(Week05Reference.Load(data));
        var model = new AdaBoostClassifier(r.GetProperty("n_estimators").GetInt32(), r.Number("learning_rate")).Fit(xtr, ytr);

        var features = r.GetProperty("stump_features").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var thresholds = r.Doubles("stump_thresholds");
        var weights = r.Doubles("estimator_weights");
        var errors = r.Doubles("estimator_errors");
        Assert.Equal(features.Length, model.Estimators.Count);
        for (int m = 0; m < features.Length; m++)
        {
            var root = model.Estimators[m].Node(0);
            Assert.Equal(features[m], root.Feature);
            Assert.Equal(thresholds[m], root.Threshold, 1e-6 * Math.Max(1, Math.Abs(thresholds[m])));   // scikit-learn stores thresholds as float32
            Assert.Equal(weights[m], model.EstimatorWeights[m], 1e-9);
            Assert.Equal(errors[m], model.EstimatorErrors[m], 1e-9);
        }

        var votes = model.DecisionFunction(xte);
        var proba = model.PredictProbability(xte);
        var expectedProba = Reference.Matrix(r.GetProperty("predict_proba"));
        bool binary = model.ClassCount == 2;
        var expectedVotes = binary ? null : Reference.Matrix(r.GetProperty("decision_function"));
        var expectedMargin = binary ? r.Doubles("decision_function") : null;
        // A test value equal to a threshold (wine: flavanoids 0.99 against the midpoint of 0.96 and 1.02) goes left in
        // scikit-learn, which compares in float32, and may go either way against our double midpoint: skip such rows.
        bool OnAThreshold(int i) => Enumerable.Range(0, features.Length).Any(m => Math.Abs(xte[i, features[m]] - thresholds[m]) < 1e-6);
        var compared = Enumerable.Range(0, xte.RowCount).Where(i => !OnAThreshold(i)).ToArray();
        Assert.True(compared.Length >= 0.95 * xte.RowCount, $"only {compared.Length} of {xte.RowCount} test rows compared");
        var expectedClasses = r.GetProperty("predict").EnumerateArray().Select(e => (double)e.GetInt32()).ToArray();
        var predicted = model.Predict(xte);
        foreach (int i in compared)
        {
            Assert.Equal(expectedClasses[i], predicted[i]);
            if (binary) Assert.Equal(expectedMargin![i], votes[i, 1] - votes[i, 0], 1e-9);   // scikit-learn's binary form
            else for (int k = 0; k < model.ClassCount; k++) Assert.Equal(expectedVotes![i, k], votes[i, k], 1e-9);
            for (int k = 0; k < model.ClassCount; k++) Assert.Equal(expectedProba[i, k], proba[i, k], 1e-9);
        }
    }

    [Fact]
    public void The_first_vote_is_the_log_odds_that_the_first_stump_is_right()
    {
        // Closed form for K = 2, ν = 1: α₁ = log((1 − ε₁)/ε₁) with ε₁ the unweighted error of the first stump.
        var (xtr, ytr, _, _) = Week05Reference.Split(Week05Reference.Load("breast_cancer"));
        var model = new AdaBoostClassifier(1).Fit(xtr, ytr);
        var stumpPredictions = model.Predict(xtr);
        double error = Enumerable.Range(0, ytr.Count).Count(i => stumpPredictions[i] != ytr[i]) / (double)ytr.Count;
        Assert.Equal(error, model.EstimatorErrors[0], 1e-12);
        Assert.Equal(Math.Log((1 - error) / error), model.EstimatorWeights[0], 1e-12);
    }

    [Fact]
    public void A_perfect_first_tree_ends_the_ensemble_with_vote_one()
    {
        // Separable by one threshold: scikit-learn stops with estimator_weights_[0] = 1 and error 0.
        var x = Matrix<double>.Build.DenseOfColumnArrays([[0.0, 1, 2, 3, 4, 5]]);
        var y = Vector<double>.Build.DenseOfArray([0.0, 0, 0, 1, 1, 1]);
        var model = new AdaBoostClassifier(10).Fit(x, y);
        Assert.Single(model.Estimators);
        Assert.Equal(1.0, model.EstimatorWeights[0]);
        Assert.Equal(0.0, model.EstimatorErrors[0]);
        Assert.Equal(y, model.Predict(x));
    }

    [Fact]
    public void Bad_hyper_parameters_fail_naming_the_argument()
    {
        Assert.Equal("nEstimators", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaBoostClassifier(0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaBoostClassifier(learningRate: 0)).ParamName);
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaBoostClassifier(maxDepth: 0)).ParamName);
    }
}
