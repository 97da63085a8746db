using MlCourse.Core.Training;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Data.Augmentation;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>The settings of a small-data run: the MLP's width, the budget, and which regularisers are on.</summary>
/// <param name="Dropout">Drop probability after each hidden layer (0: none).</param>
/// <param name="WeightDecay">AdamW's decoupled decay (0: plain Adam behaviour).</param>
/// <param name="Augment">Random horizontal flips and Gaussian pixel noise (σ = 0.1) on every training batch (shifts are left out: they hurt this MLP within the budget).</param>
/// <param name="Patience">Early stopping on validation accuracy with this patience, best weights restored (null: train all epochs, keep the last).</param>
public sealed record SmallDataConfig(int Hidden, int Epochs, int BatchSize, double LearningRate,
    double Dropout = 0, double WeightDecay = 0, bool Augment = false, int? Patience = null, int Seed = 0);

/// <summary>What a small-data run reached: its history and the test accuracy of the weights it kept.</summary>
public sealed record SmallDataResult(SmallDataConfig Config, TrainingHistory History, double TestAccuracy);

/// <summary>
/// Week 11's headline experiment (week11-regularisation-and-normalisation.ipynb, "Regularisation with 1,000 labels"):
/// a 784 → h → h → 10 MLP trained by <see cref="Trainer"/> with AdamW on a few labelled Fashion-MNIST images, with or
/// without dropout, weight decay, augmentation and early stopping. Images stay (B, 1, 28, 28) so the augmentations apply.
/// </summary>
public static class SmallDataRun
{
    public static SmallDataResult Fit(ImageSet train, ImageSet validation, ImageSet test, SmallDataConfig config, Action<TrainingProgress>? progress = null)
    {
        Guard.NotNull(train, nameof(train));
        Guard.NotNull(validation, nameof(validation));
        Guard.NotNull(test, nameof(test));
        Guard.NotNull(config, nameof(config));
        Guard.Positive(config.Hidden, nameof(config.Hidden));
        Guard.InRange(config.Dropout, 0, 0.95, nameof(config.Dropout));
        Guard.NonNegative(config.WeightDecay, nameof(config.WeightDecay));
        var (xTrain, yTrain) = Tensors(train);
        var (xVal, yVal) = Tensors(validation);
        var (xTest, yTest) = Tensors(test);
        var model = Model(config);
        var options = new TrainerOptions(config.Epochs, config.BatchSize)
        {
            Seed = config.Seed,
            Metrics = [Metric.Accuracy],
            Augmentation = config.Augment ? new Compose(new HorizontalFlip(), new GaussianNoise(0.1)) : null,
            EarlyStopping = config.Patience is { } patience ? new EarlyStopping("accuracy", patience) : null,
        };
        var trainer = new Trainer(model, optim.AdamW(model.parameters(), config.LearningRate, weight_decay: config.WeightDecay),
            (logits, labels) => nn.functional.cross_entropy(logits, labels), options);
        var history = trainer.Fit(xTrain, yTrain, (xVal, yVal), progress);
        double accuracy = trainer.Evaluate(xTest, yTest)["accuracy"];
        foreach (var t in new[] { xTrain, yTrain, xVal, yVal, xTest, yTest }) t.Dispose();
        model.Dispose();
        return new SmallDataResult(config, history, accuracy);
    }

    // <snippet name="small-data-model">
    private static nn.Module<Tensor, Tensor> Model(SmallDataConfig c)
    {
        TorchSeed.Seed(c.Seed);
        var layers = new List<nn.Module<Tensor, Tensor>> { nn.Flatten() };   // (B, 1, 28, 28) → (B, 784)
        int width = FashionMnist.PixelCount;
        for (int l = 0; l < 2; l++)
        {
            layers.Add(nn.Linear(width, c.Hidden));                           // (B, h)
            layers.Add(nn.ReLU());
            if (c.Dropout > 0) layers.Add(nn.Dropout(c.Dropout));              // (B, h), identity in eval
            width = c.Hidden;
        }
        layers.Add(nn.Linear(width, 10));                                     // (B, 10) logits
        return nn.Sequential(layers);
    }
    // </snippet>

    private static (Tensor X, Tensor Y) Tensors(ImageSet set) =>
        (TensorConversion.ToTensor(set.ToFloats(), [set.Count, 1, set.Height, set.Width]),                               // (N, 1, 28, 28)
         tensor(set.LabelsAsInts().Select(v => (long)v).ToArray(), ScalarType.Int64));                                   // (N,)
}
