using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for pre-training a dense transformer ("Design a distributed training system"); illustrative planning numbers.</summary>
public sealed record TrainingAssumptions
{
    public double Parameters { get; init; } = 7e9;
    public double Tokens { get; init; } = 1e12;
    /// <summary>Dense 16-bit peak of one accelerator (read it from the vendor's data sheet for yours).</summary>
    public double GpuPeakFlops { get; init; } = 300e12;
    public double ModelFlopsUtilization { get; init; } = 0.4;
    public double DeadlineDays { get; init; } = 30;
    public double GpuMemoryBytes { get; init; } = 80e9;
    /// <summary>Share of GPU memory left for weights, gradients and optimiser state once activations are counted.</summary>
    public double MemoryForStateUtilization { get; init; } = 0.5;
    public double StateBytesPerParameter { get; init; } = 16;
    public double GradientBytesPerParameter { get; init; } = 2;
    public int GlobalBatchSequences { get; init; } = 1_024;
    public int SequenceLength { get; init; } = 4_096;
    /// <summary>Effective per-GPU bandwidth of the all-reduce across nodes.</summary>
    public double InterconnectBytesPerSecond { get; init; } = 50e9;
    public double GpuHourPrice { get; init; } = 2.5;
}

/// <summary>The numbers of the training-at-scale design (notebooks/interview-prep/system-design, section 8).</summary>
public static class TrainingAtScale
{
    public static Envelope Estimate(TrainingAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Training at scale");
        var flops = e.Add("training compute", TrainingCompute.TrainingFlops(a.Parameters, a.Tokens), "FLOP", "6 × parameters × tokens");
        var gpuHours = e.Add("GPU-hours", TrainingCompute.GpuHours(flops, a.GpuPeakFlops, a.ModelFlopsUtilization), "GPU-hours", "FLOPs / (peak × MFU) / 3 600");
        var gpus = (int)e.Add("GPUs to meet the deadline", TrainingCompute.GpusForDeadline(flops, a.GpuPeakFlops, a.ModelFlopsUtilization, a.DeadlineDays * 24), "GPUs",
            "ceil(GPU-hours / (deadline days × 24)), perfect scaling assumed");
        e.Add("wall clock on those GPUs", TrainingCompute.WallClockHours(flops, gpus, a.GpuPeakFlops, a.ModelFlopsUtilization) / 24, "days", "GPU-hours / GPUs / 24");
        var state = e.Add("weights + gradients + Adam state", TrainingCompute.TrainingStateBytes(a.Parameters, a.StateBytesPerParameter), "B", "parameters × bytes per parameter (16 for mixed-precision Adam)");
        e.Add("GPUs to shard the state over (FSDP/ZeRO-3)", TrainingCompute.GpusToHoldState(state, a.GpuMemoryBytes, a.MemoryForStateUtilization), "GPUs",
            "ceil(state / (GPU memory × share for state)): the smallest model-parallel group");
        var steps = e.Add("optimiser steps", TrainingCompute.Steps(a.Tokens, a.GlobalBatchSequences, a.SequenceLength), "steps", "tokens / (global batch × sequence length)");
        var tokensPerStep = (double)a.GlobalBatchSequences * a.SequenceLength;
        var compute = e.Add("compute per step", TrainingCompute.TrainingFlops(a.Parameters, tokensPerStep) / (gpus * a.GpuPeakFlops * a.ModelFlopsUtilization), "s",
            "6 × N × tokens per step / (GPUs × peak × MFU)");
        var allReduce = e.Add("gradient all-reduce per step", TrainingCompute.AllReduceSeconds(a.Parameters * a.GradientBytesPerParameter, gpus, a.InterconnectBytesPerSecond), "s",
            "2 (n − 1)/n × gradient bytes / per-GPU bandwidth (ring)");
        e.Add("communication / compute", allReduce / compute, "×", "above ~1 the GPUs wait on the network unless the all-reduce overlaps the backward pass");
        e.Add("check: steps × compute per step", steps * compute / 86_400, "days", "agrees with the wall clock above");
        e.Add("compute cost", gpuHours * a.GpuHourPrice, "$", "GPU-hours × $ per GPU-hour (no failed runs, no ablations)");
        return e;
    }
}
