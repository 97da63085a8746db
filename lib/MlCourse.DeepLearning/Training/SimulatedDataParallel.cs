using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>
/// Data parallelism simulated in one process (Week 11, "Data parallelism"): the batch is cut into equal shards, each
/// "worker" computes the gradient of its shard's mean loss, and an all-reduce averages the workers' gradients, which is
/// then every worker's gradient. With a mean loss and equal shards the average of the shard means is the mean over the
/// whole batch, so the result is the one large batch's gradient (a test checks it to float64 rounding).
/// </summary>
/// <remarks>
/// Real data parallelism (PyTorch's DistributedDataParallel) keeps a full copy of the model on every worker and runs
/// the all-reduce over the network (ring all-reduce: each worker sends and receives about 2·(W−1)/W of the gradient).
/// Here the workers take turns on one model, which computes the same numbers. What does not survive the split: any
/// layer whose forward pass looks across the batch. Batch norm normalises each shard by its own mean and variance, so
/// shard gradients no longer add up to the large batch's (SyncBatchNorm all-reduces the statistics too).
/// </remarks>
public static class SimulatedDataParallel
{
    /// <summary>Each worker's gradient (all parameters flattened in order) of the mean loss on its shard of (x, y).</summary>
    public static double[][] WorkerGradients(nn.Module<Tensor, Tensor> model, Func<Tensor, Tensor, Tensor> loss, Tensor x, Tensor y, int workers)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(loss, nameof(loss));
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.Positive(workers, nameof(workers));
        Guard.SameSampleCount(x.shape[0], y.shape[0], nameof(x), nameof(y));
        if (x.shape[0] % workers != 0)
            throw new ArgumentException($"x has {x.shape[0]} samples, which {workers} workers cannot share equally; with unequal shards the mean of the shard means is not the batch mean.", nameof(workers));
        long shard = x.shape[0] / workers;
        var gradients = new double[workers][];
        using var scope = NewDisposeScope();
        for (int w = 0; w < workers; w++)
            gradients[w] = Gradient(model, loss, x.narrow(0, w * shard, shard), y.narrow(0, w * shard, shard)); // (shard, ...)
        return gradients;
    }

    /// <summary>The gradient of the mean loss on the whole of (x, y): what one worker with the large batch computes.</summary>
    public static double[] Gradient(nn.Module<Tensor, Tensor> model, Func<Tensor, Tensor, Tensor> loss, Tensor x, Tensor y)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(loss, nameof(loss));
        using var scope = NewDisposeScope();
        model.zero_grad();
        loss(model.forward(x), y).backward();                      // () mean over the batch
        var flat = model.parameters().SelectMany(p => TensorConversion.ToDoubles(p.grad!)).ToArray();
        model.zero_grad();
        return flat;
    }

    /// <summary>The all-reduce of data parallelism: the element-wise mean of the workers' gradients.</summary>
    public static double[] AllReduceMean(IReadOnlyList<double[]> gradients)
    {
        Guard.NotEmpty(gradients, nameof(gradients), "worker gradient");
        int length = gradients[0].Length;
        var mean = new double[length];
        // <snippet name="all-reduce-mean">
        foreach (var g in gradients)
        {
            Guard.Length(g.Length, length, nameof(gradients), "every worker holds the same parameters");
            for (int i = 0; i < length; i++) mean[i] += g[i] / gradients.Count;
        }
        // </snippet>
        return mean;
    }
}
