using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Compute, time and memory to train a dense model. Training costs about 6·N·D FLOPs for N
/// parameters and D training tokens (2·N·D for the forward pass, twice that for the backward);
/// a forward pass alone costs about 2·N FLOPs per token. Real runs reach only a share of the GPU's
/// peak (the model FLOP utilisation, MFU), which is the assumption to state.
/// Taught in notebooks/interview-prep/system-design (section "Training at scale").
/// </summary>
public static class TrainingCompute
{
    // <snippet name="training-flops">
    /// <summary>6 · parameters · tokens.</summary>
    public static double TrainingFlops(double parameters, double tokens)
    {
        Guard.Positive(parameters, nameof(parameters));
        Guard.Positive(tokens, nameof(tokens));
        return 6 * parameters * tokens;
    }

    /// <summary>2 · parameters: the forward pass of one token (inference).</summary>
    public static double InferenceFlopsPerToken(double parameters)
    {
        Guard.Positive(parameters, nameof(parameters));
        return 2 * parameters;
    }
    // </snippet>

    /// <summary>GPU-hours: flops / (peak FLOP/s per GPU × utilisation) / 3600.</summary>
    public static double GpuHours(double flops, double peakFlopsPerGpu, double utilization)
    {
        Guard.Positive(flops, nameof(flops));
        Guard.Positive(peakFlopsPerGpu, nameof(peakFlopsPerGpu));
        Guard.InLeftOpenRange(utilization, 0, 1, nameof(utilization), "a share of peak");
        return flops / (peakFlopsPerGpu * utilization) / 3600;
    }

    /// <summary>GPUs needed to finish within <paramref name="deadlineHours"/> (perfect scaling assumed: state it).</summary>
    public static int GpusForDeadline(double flops, double peakFlopsPerGpu, double utilization, double deadlineHours)
    {
        Guard.Positive(deadlineHours, nameof(deadlineHours));
        return Capacity.MachinesFor(GpuHours(flops, peakFlopsPerGpu, utilization), deadlineHours, 1);
    }

    /// <summary>Wall-clock hours on <paramref name="gpus"/> GPUs (perfect scaling).</summary>
    public static double WallClockHours(double flops, int gpus, double peakFlopsPerGpu, double utilization)
    {
        Guard.Positive(gpus, nameof(gpus));
        return GpuHours(flops, peakFlopsPerGpu, utilization) / gpus;
    }

    /// <summary>
    /// Memory for weights, gradients and optimiser state: parameters × bytes per parameter. Mixed
    /// precision with Adam needs about 16: 2 (16-bit weights) + 2 (gradients) + 4 (fp32 master copy)
    /// + 8 (two fp32 moments). Activations come on top and depend on batch and sequence length.
    /// </summary>
    public static double TrainingStateBytes(double parameters, double bytesPerParameter = 16)
    {
        Guard.Positive(parameters, nameof(parameters));
        Guard.Positive(bytesPerParameter, nameof(bytesPerParameter));
        return parameters * bytesPerParameter;
    }

    /// <summary>GPUs the state must be sharded over (FSDP / ZeRO-3) to fit in <paramref name="usableFraction"/> of each GPU's memory.</summary>
    public static int GpusToHoldState(double stateBytes, double gpuMemoryBytes, double usableFraction)
    {
        Guard.Positive(stateBytes, nameof(stateBytes));
        return Capacity.MachinesFor(stateBytes, gpuMemoryBytes, usableFraction);
    }

    /// <summary>
    /// Bytes each GPU sends (and receives) in a ring all-reduce of <paramref name="gradientBytes"/>
    /// over <paramref name="gpus"/> GPUs: 2 (n − 1) / n × gradient bytes (a reduce-scatter, then an all-gather).
    /// </summary>
    // <snippet name="ring-all-reduce">
    public static double RingAllReduceBytesPerGpu(double gradientBytes, int gpus)
    {
        Guard.Positive(gradientBytes, nameof(gradientBytes));
        Guard.Positive(gpus, nameof(gpus));
        return 2.0 * (gpus - 1) / gpus * gradientBytes;
    }
    // </snippet>

    /// <summary>Seconds for that all-reduce at <paramref name="bytesPerSecond"/> per GPU link (no overlap with compute).</summary>
    public static double AllReduceSeconds(double gradientBytes, int gpus, double bytesPerSecond)
    {
        Guard.Positive(bytesPerSecond, nameof(bytesPerSecond));
        return RingAllReduceBytesPerGpu(gradientBytes, gpus) / bytesPerSecond;
    }

    /// <summary>Optimiser steps to see <paramref name="tokens"/>: tokens / (global batch in sequences × sequence length).</summary>
    public static double Steps(double tokens, int globalBatchSequences, int sequenceLength)
    {
        Guard.Positive(tokens, nameof(tokens));
        Guard.Positive(globalBatchSequences, nameof(globalBatchSequences));
        Guard.Positive(sequenceLength, nameof(sequenceLength));
        return tokens / ((double)globalBatchSequences * sequenceLength);
    }
}
