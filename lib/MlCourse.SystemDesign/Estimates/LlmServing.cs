using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Serving a decoder-only language model. The prompt is processed in one compute-bound pass
/// (prefill, 2·N FLOPs per prompt token); each generated token then needs every weight read from
/// memory once, so at small batch sizes decoding is bound by memory bandwidth, not FLOPs.
/// Taught in notebooks/interview-prep/system-design (section "RAG assistant").
/// </summary>
public static class LlmServing
{
    /// <summary>2 · parameters · (prompt + output tokens).</summary>
    public static double FlopsPerRequest(double parameters, int promptTokens, int outputTokens)
    {
        Guard.NonNegative(promptTokens, nameof(promptTokens));
        Guard.NonNegative(outputTokens, nameof(outputTokens));
        return TrainingCompute.InferenceFlopsPerToken(parameters) * ((double)promptTokens + outputTokens);
    }

    /// <summary>Prefill time: 2 · N · prompt tokens / (peak FLOP/s × utilisation), in milliseconds.</summary>
    public static double PrefillMilliseconds(double parameters, int promptTokens, double peakFlops, double utilization)
    {
        Guard.Positive(promptTokens, nameof(promptTokens));
        Guard.Positive(peakFlops, nameof(peakFlops));
        Guard.InLeftOpenRange(utilization, 0, 1, nameof(utilization), "a share of peak");
        return TrainingCompute.InferenceFlopsPerToken(parameters) * promptTokens / (peakFlops * utilization) * 1000;
    }

    /// <summary>
    /// The memory-bound floor of one decoding step: weight bytes (N × bytes per parameter) / memory
    /// bandwidth, in milliseconds. Batching shares this read across the batch's sequences.
    /// </summary>
    public static double DecodeMillisecondsPerToken(double parameters, double bytesPerParameter, double memoryBytesPerSecond)
    {
        Guard.Positive(parameters, nameof(parameters));
        Guard.Positive(bytesPerParameter, nameof(bytesPerParameter));
        Guard.Positive(memoryBytesPerSecond, nameof(memoryBytesPerSecond));
        return parameters * bytesPerParameter / memoryBytesPerSecond * 1000;
    }

    /// <summary>Key-value cache of one sequence: 2 (keys and values) × layers × KV width × tokens × bytes per value.</summary>
    public static double KvCacheBytes(int layers, int kvWidth, int tokens, double bytesPerValue)
    {
        Guard.Positive(layers, nameof(layers));
        Guard.Positive(kvWidth, nameof(kvWidth));
        Guard.Positive(tokens, nameof(tokens));
        Guard.Positive(bytesPerValue, nameof(bytesPerValue));
        return 2.0 * layers * kvWidth * tokens * bytesPerValue;
    }
}
