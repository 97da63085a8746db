using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using static MlCourse.Tests.Classical.Contract.ContractAdapter;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// The classifier part of the contract, on every <see cref="IClassifier"/> in <see cref="EstimatorCases"/>: labels
/// must be 0..K−1, predictions are labels, probabilities are an (n, K) matrix of distributions whose arg-max is the
/// prediction. Binary models get labels {0, 1}, the others three classes. A classifier without probabilities (an SVM,
/// whose score is not one) is not an <see cref="IProbabilisticClassifier"/>.
/// </summary>
public class ClassifierContractTests
{
    private static IClassifier Create(string name) => (IClassifier)CaseOf(name).Create();
    private static int ClassCount(string name) => CaseOf(name).Has(Tags.Binary) ? 2 : 3;

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Predictions_are_labels_and_better_than_chance_on_the_training_data(string name)
    {
        var c = Create(name);
        var (x, y) = TrainingData(name);
        c.Fit(x, y);
        int k = ClassCount(name);
        var yHat = c.Predict(x);
        Assert.Equal(x.RowCount, yHat.Count);
        Assert.All(yHat, label => Assert.Contains(label, Enumerable.Range(0, k).Select(v => (double)v)));
        // The classes differ in mean by one standard deviation (or are codes the target copies).
        double accuracy = yHat.Zip(y, (a, b) => a == b ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 1.0 / k + 0.1, $"training accuracy {accuracy}");
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Probabilities_are_an_n_by_K_matrix_of_distributions_whose_arg_max_is_the_prediction(string name)
    {
        if (Create(name) is not IProbabilisticClassifier c)
        {
            // Only the classifiers whose scores are not probabilities may lack PredictProbability.
            Assert.Null(Create(name).GetType().GetMethod("PredictProbability"));
            return;
        }
        var (x, y) = TrainingData(name);
        c.Fit(x, y);
        var p = c.PredictProbability(x);
        var yHat = c.Predict(x);
        Assert.Equal((x.RowCount, ClassCount(name)), (p.RowCount, p.ColumnCount));
        for (int i = 0; i < p.RowCount; i++)
        {
            Assert.All(p.Row(i), v => Assert.InRange(v, 0.0, 1.0));
            Assert.InRange(p.Row(i).Sum(), 1 - 1e-12, 1 + 1e-12);
            Assert.Equal(p.Row(i).MaximumIndex(), (int)yHat[i]);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorCases.ClassifierNames), MemberType = typeof(EstimatorCases))]
    public void Labels_that_are_not_0_to_K_minus_1_fail_naming_y(string name)
    {
        var (x, y) = TrainingData(name);
        foreach (var label in new[] { -1.0, 0.5, 7.0 })
        {
            var yBad = y.Clone();
            yBad[5] = label;
            var error = Assert.Throws<ArgumentException>(() => Create(name).Fit(x, yBad));
            Assert.Equal("y", error.ParamName);
            // A label of 7 is a valid multiclass label, but then labels 3..6 never occur: that is the error reported.
            Assert.Contains(label == 7.0 && !CaseOf(name).Has(Tags.Binary) ? "label 3 never occurs" : "y[5]", error.Message);
        }
    }
}
