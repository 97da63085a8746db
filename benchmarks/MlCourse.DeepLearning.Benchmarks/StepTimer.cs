using System.Diagnostics;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Benchmarks;

/// <summary>
/// Times single training steps (zero_grad, forward, loss, backward, optimiser step) of one network in
/// TorchSharp. Each step runs in its own dispose scope, as the course's Trainer does, so the timing
/// includes what a real training loop pays and the process does not grow while it measures.
/// </summary>
public static class StepTimer
{
    /// <summary>Runs <paramref name="warmup"/> untimed steps, then returns the wall time of each of <paramref name="steps"/> steps.</summary>
    public static (List<double> StepMilliseconds, double FinalLoss) Run(StepWorkload workload, int warmup, int steps, int seed)
    {
        TorchSeed.Seed(seed);
        using var model = workload.Build();
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9);
        var (inputs, targets) = workload.Batch();
        using (inputs)
        using (targets)
        {
            double loss = 0;
            var times = new List<double>(steps);
            for (int i = 0; i < warmup + steps; i++)
            {
                var clock = Stopwatch.StartNew();
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    var value = workload.Loss(model.call(inputs), targets);
                    value.backward();
                    optimizer.step();
                    // Reading the loss forces the step to finish, as PyTorch's .item() does on the python side.
                    loss = value.item<float>();
                }
                if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return (times, loss);
        }
    }
}
