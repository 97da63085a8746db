using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Transfer;

/// <summary>Budget of one transfer-vs-scratch comparison: both models see the same labelled images.</summary>
public sealed record TransferBudget(int Epochs, int BatchSize = 32, double HeadLearningRate = 1e-2, double CnnLearningRate = 2e-3, int Seed = 0);

/// <summary>Test accuracies of a softmax head on frozen ResNet18 features and of a small CNN trained from scratch.</summary>
public sealed record TransferResult(int Labels, int TestImages, double TransferAccuracy, double ScratchAccuracy);

/// <summary>
/// Week 10's transfer-learning experiment: a linear softmax head trained on frozen ImageNet
/// ResNet18 features against a small CNN trained from scratch on the same few labelled images.
/// </summary>
public static class TransferComparison
{
    /// <summary>The scratch baseline: two conv blocks (8 and 16 filters) and a linear layer, on (N, 1, 28, 28) inputs in [0, 1].</summary>
    public static nn.Module<Tensor, Tensor> SmallCnn(int classes) => nn.Sequential(
        nn.Conv2d(1, 8, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),    // (N, 8, 14, 14)
        nn.Conv2d(8, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),   // (N, 16, 7, 7)
        nn.Flatten(), nn.Linear(16 * 7 * 7, classes));                 // (N, classes)

    /// <param name="trainFeatures">ResNet18 features of <paramref name="train"/>, (train.Count, 512) row-major.</param>
    /// <param name="testFeatures">The same for <paramref name="test"/>.</param>
    public static TransferResult Run(ImageSet train, float[] trainFeatures, ImageSet test, float[] testFeatures, TransferBudget budget)
    {
        Guard.NotNull(train, nameof(train));
        Guard.NotNull(test, nameof(test));
        Guard.NotNull(trainFeatures, nameof(trainFeatures));
        Guard.NotNull(testFeatures, nameof(testFeatures));
        Guard.NotNull(budget, nameof(budget));
        Guard.Length(trainFeatures.Length, train.Count * ResNet18Features.FeatureCount, nameof(trainFeatures), "512 features per training image");
        Guard.Length(testFeatures.Length, test.Count * ResNet18Features.FeatureCount, nameof(testFeatures), "512 features per test image");
        Guard.Positive(budget.Epochs, nameof(budget.Epochs));
        int classes = train.ClassNames.Count;
        using var scope = NewDisposeScope();
        var yTrain = tensor(train.LabelsAsInts().Select(v => (long)v).ToArray());   // (N,)
        var yTest = tensor(test.LabelsAsInts().Select(v => (long)v).ToArray());     // (M,)

        // Standardise the features with the training images' statistics (the test set is never looked at).
        var fTrain = tensor(trainFeatures).view(train.Count, ResNet18Features.FeatureCount);   // (N, 512)
        var fTest = tensor(testFeatures).view(test.Count, ResNet18Features.FeatureCount);      // (M, 512)
        var mean = fTrain.mean([0L], keepdim: true);                                            // (1, 512)
        var std = fTrain.std(0, keepdim: true) + 1e-6f;                                         // (1, 512)
        TorchSeed.Seed(budget.Seed);
        var head = nn.Linear(ResNet18Features.FeatureCount, classes);
        double transfer = Fit(head, (fTrain - mean) / std, yTrain, (fTest - mean) / std, yTest, budget, budget.HeadLearningRate);

        var xTrain = tensor(train.ToFloats()).view(train.Count, 1, train.Height, train.Width);   // (N, 1, 28, 28)
        var xTest = tensor(test.ToFloats()).view(test.Count, 1, test.Height, test.Width);        // (M, 1, 28, 28)
        TorchSeed.Seed(budget.Seed);
        var cnn = SmallCnn(classes);
        double scratch = Fit(cnn, xTrain, yTrain, xTest, yTest, budget, budget.CnnLearningRate);
        return new TransferResult(train.Count, test.Count, transfer, scratch);
    }

    private static double Fit(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, Tensor xTest, Tensor yTest, TransferBudget budget, double lr)
    {
        var trainer = new Trainer(model, optim.Adam(model.parameters(), lr), (logits, labels) => nn.functional.cross_entropy(logits, labels),
            new TrainerOptions(budget.Epochs, budget.BatchSize) { Seed = budget.Seed, Metrics = [Metric.Accuracy] });
        trainer.Fit(x, y);
        return trainer.Evaluate(xTest, yTest)[Metric.Accuracy.Name];
    }
}
