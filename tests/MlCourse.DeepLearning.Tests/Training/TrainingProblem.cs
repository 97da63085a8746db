using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Training;

/// <summary>
/// A small fixed problem for the trainer's tests: three Gaussian blobs drawn as 1 x 4 x 4
/// "images" (so image augmentations apply), and an MLP with optional dropout.
/// </summary>
internal static class TrainingProblem
{
    public static (Tensor X, Tensor Y) Blobs(int n, int seed)
    {
        using var generator = new Generator((ulong)seed);
        var y = randint(0, 3, [n], generator: generator);                            // (N,)
        var centres = tensor(new float[] { -2, 0, 2 }).index_select(0, y);            // (N,)
        var x = randn([n, 16], generator: generator) + centres.unsqueeze(1);          // (N, 16)
        return (x.view(n, 1, 4, 4), y);                                               // (N, 1, 4, 4), (N,)
    }

    public static nn.Module<Tensor, Tensor> Mlp(int seed, double dropout = 0.0)
    {
        TorchSeed.Seed(seed);
        var layers = new List<nn.Module<Tensor, Tensor>> { nn.Flatten(), nn.Linear(16, 32), nn.ReLU() };
        if (dropout > 0) layers.Add(nn.Dropout(dropout));
        layers.Add(nn.Linear(32, 3));
        return nn.Sequential(layers);
    }

    public static Tensor CrossEntropy(Tensor logits, Tensor y) => nn.functional.cross_entropy(logits, y);

    /// <summary>All parameters, flattened in order, as doubles.</summary>
    public static double[] Weights(nn.Module model) =>
        model.parameters().SelectMany(p => TensorConversion.ToDoubles(p)).ToArray();

    public static double MaxDifference(double[] a, double[] b) => a.Zip(b, (u, v) => Math.Abs(u - v)).Max();
}
